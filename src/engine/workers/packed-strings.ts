/**
 * Strings packed into one SharedArrayBuffer: a story's texts are copied once and every worker job reads the same
 * memory, so that sending n reading jobs costs the main thread one copy of the story, not n.
 */

/** Strings packed as UTF-16 code units (lossless, lone surrogates included) with each one's end offset in bytes. */
export interface PackedStrings {
  buffer: SharedArrayBuffer;
  ends: number[];
}

/** Copies the strings into one shared buffer. */
export function packStrings(strings: readonly string[]): PackedStrings {
  const ends: number[] = [];
  let size = 0;
  for (const s of strings) ends.push((size += s.length * 2));
  const buffer = new SharedArrayBuffer(size);
  const bytes = Buffer.from(buffer);
  let start = 0;
  strings.forEach((s, i) => {
    bytes.write(s, start, 'utf16le');
    start = ends[i]!;
  });
  return { buffer, ends };
}

/** The strings back from their shared buffer. */
export function unpackStrings(packed: PackedStrings): string[] {
  const bytes = Buffer.from(packed.buffer);
  return packed.ends.map((end, i) => bytes.toString('utf16le', i === 0 ? 0 : packed.ends[i - 1]!, end));
}
