// The inputs the benchmarks build from the shared data: the seed articles, and long texts made of real prose.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSeed, seedNames, SHARED_DIR } from '../../test/helpers/shared.js';

/** The folder of the seed articles (`../shared/seeds`, or under PARALLAX_SHARED). */
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');

/** The seed articles (file name and text) in file-name order; null when the shared data is not there. */
export function seedArticles(): { file: string; text: string }[] | null {
  if (!existsSync(SEEDS_DIR)) return null;
  return seedNames().map((file) => ({ file, text: readSeed(file) }));
}

/** The pieces over and over in order, joined by blank lines, until the text holds at least `bytes` of UTF-8. */
export function repeatToBytes(pieces: readonly string[], bytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const piece = pieces[i % pieces.length]!;
    out.push(piece);
    size += Buffer.byteLength(piece) + 2;
  }
  return out.join('\n\n');
}
