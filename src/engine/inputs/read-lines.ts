import { formatBytes, type ByteStream } from './options.js';

/**
 * One line of a stream: its 1-based number, its text (LF or CRLF removed) or why it cannot be used, its size in
 * bytes with the line end, and whether a line end closed it (a last line cut short by a crash has none).
 */
export type StreamLine = { number: number; bytes: number; terminated: boolean } & (
  { text: string; problem?: undefined } | { problem: string; text?: undefined }
);

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines as the bytes come, without holding more than one line: a line longer than
 * `maxLineBytes` is not kept (it comes out with a problem, and its bytes are dropped as they arrive), and a line that
 * is not valid UTF-8 comes out with a problem. A byte-order mark at the start is dropped. A line of spaces is blank
 * whatever its length, as `countNonBlankLines` counts.
 */
export async function* readLines(stream: ByteStream, options: { maxLineBytes: number }): AsyncGenerator<StreamLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Uint8Array[] = [];
  let size = 0;
  let blank = true;
  let number = 0;
  let bomBytes = 0;
  const finish = (terminated: boolean): StreamLine => {
    number++;
    // The first line's size counts a byte-order mark, so that sizes add up to offsets in the stream.
    const bytes = size + (terminated ? 1 : 0) + (number === 1 ? bomBytes : 0);
    const line = blank ? { text: '' } : lineOf(number, parts, size, options.maxLineBytes, decoder);
    parts = [];
    size = 0;
    blank = true;
    return { number, bytes, terminated, ...line };
  };
  for await (const buffer of withoutBom(stream, () => (bomBytes = BOM.length))) {
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE); end !== -1; end = buffer.indexOf(NEWLINE, start)) {
      keep(buffer.subarray(start, end));
      yield finish(true);
      start = end + 1;
    }
    keep(buffer.subarray(start));
  }
  if (size > 0) yield finish(false);

  function keep(piece: Uint8Array): void {
    // Past the limit the bytes are only counted: a hostile line cannot grow the memory without bound.
    if (size + piece.length <= options.maxLineBytes) parts.push(piece);
    size += piece.length;
    if (blank) blank = piece.every(isSpace);
  }
}

function lineOf(
  number: number,
  parts: readonly Uint8Array[],
  size: number,
  maxLineBytes: number,
  decoder: TextDecoder,
): { text: string } | { problem: string } {
  if (size > maxLineBytes) {
    return {
      problem: `line ${number}: ${formatBytes(size)} is over the line size limit of ${formatBytes(maxLineBytes)}`,
    };
  }
  let text: string;
  try {
    text = decoder.decode(Buffer.concat(parts, size));
  } catch {
    return { problem: `line ${number}: not valid UTF-8` };
  }
  return { text: text.endsWith('\r') ? text.slice(0, -1) : text };
}

/** The stream's bytes without a UTF-8 byte-order mark at the start (even one split across chunks). */
async function* withoutBom(stream: ByteStream, onBom: () => void = () => undefined): AsyncGenerator<Uint8Array> {
  let head: Uint8Array = new Uint8Array(0);
  let started = false;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (started) {
      yield bytes;
      continue;
    }
    head = Buffer.concat([head, bytes]);
    if (head.length < 3 && BOM.slice(0, head.length).every((b, i) => head[i] === b)) continue;
    started = true;
    const bom = BOM.every((b, i) => head[i] === b);
    if (bom) onBom();
    yield bom ? head.subarray(BOM.length) : head;
  }
  if (!started && !BOM.every((b, i) => head[i] === b) && head.length > 0) yield head;
}

const BOM = [0xef, 0xbb, 0xbf];

/** True for a line that holds only spaces, tabs and carriage returns: skipped, as `countNonBlankLines` counts. */
export function isBlankLine(text: string): boolean {
  return /^[ \t\r]*$/.test(text);
}

/**
 * The number of lines that hold something other than spaces, tabs and carriage returns (a byte-order mark at the
 * start does not count), counted on the bytes: nothing is decoded.
 */
export async function countNonBlankLines(stream: ByteStream): Promise<number> {
  let count = 0;
  let blank = true;
  for await (const buffer of withoutBom(stream)) {
    for (let start = 0; start < buffer.length;) {
      const end = buffer.indexOf(NEWLINE, start);
      const stop = end === -1 ? buffer.length : end;
      // Lines of a stories file start with "{": the scan usually stops at the first byte.
      for (let i = start; blank && i < stop; i++) blank = isSpace(buffer[i]!);
      if (end === -1) break;
      if (!blank) count++;
      blank = true;
      start = end + 1;
    }
  }
  return blank ? count : count + 1;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d;
}
