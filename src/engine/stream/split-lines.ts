import type { ByteStream } from '../inputs/options.js';

/** One line of a byte stream: its text, or `tooLong` when it passed the size limit (its text is then dropped). */
export type StreamLine = { number: number; text: string } | { number: number; tooLong: true; bytes: number };

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into UTF-8 lines (numbered from 1; "\r\n" and a leading byte-order mark are handled), holding
 * at most `maxLineBytes` of one line in memory: a longer line is reported as too long and skipped, and the lines after
 * it still come. Invalid UTF-8 bytes become U+FFFD rather than failing the stream.
 */
export async function* splitLines(stream: ByteStream, maxLineBytes: number): AsyncGenerator<StreamLine> {
  const decoder = new TextDecoder('utf-8');
  let parts: Uint8Array[] = [];
  let size = 0;
  let overflow = false;
  let number = 0;
  const finish = (): StreamLine => {
    number += 1;
    if (overflow) return { number, tooLong: true, bytes: size };
    let text = decoder.decode(concat(parts, size));
    if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { number, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };
  const reset = (): void => {
    parts = [];
    size = 0;
    overflow = false;
  };
  const keep = (piece: Uint8Array): void => {
    size += piece.length;
    if (size > maxLineBytes) {
      overflow = true;
      parts = [];
    } else if (!overflow) parts.push(piece);
  };
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let from = 0;
    for (let at = bytes.indexOf(NEWLINE, from); at !== -1; at = bytes.indexOf(NEWLINE, from)) {
      keep(bytes.subarray(from, at));
      yield finish();
      reset();
      from = at + 1;
    }
    if (from < bytes.length) keep(bytes.subarray(from));
  }
  if (size > 0 || overflow) yield finish();
}

/** The bytes of several pieces as one array. */
function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
