/**
 * Files by extension and bytes: any of the supported extensions (and some that are not), holding corpus texts or
 * generated strings in any encoding, with or without a byte-order mark, with bytes changed. Read as an upload (name
 * and bytes) or from a folder on disk (listing, size check, generator-marker check).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readInputs, readUploadedFile, DEFAULT_MAX_BYTES } from '../../../src/engine/inputs/index.js';
import { bytesRecipeArbitrary, materializeBytes, PROFILES, type BytesRecipe } from '../mutations.js';
import type { FuzzTarget } from '../target.js';
import { readAndCheck } from './read-checks.js';

/** One file: its extension, its bytes, and whether it is read from a folder on disk. */
export interface FileInput {
  ext: string;
  bytes: BytesRecipe;
  onDisk: boolean;
}

const EXTENSIONS = ['.txt', '.html', '.htm', '.md', '.markdown', '.json', '.jsonl', '.TXT', '.Html', '.pdf', ''];

/** The file target. */
export const fileTarget: FuzzTarget<FileInput> = {
  name: 'file',
  weight: 3,
  arbitrary: ({ corpus, mode }) =>
    fc.record({
      ext: fc.constantFrom(...EXTENSIONS),
      bytes: bytesRecipeArbitrary([...corpus.texts, ...corpus.pages], PROFILES[mode]),
      onDisk: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  async run(input) {
    const bytes = materializeBytes(input.bytes);
    const name = `fuzz${input.ext}`;
    if (!input.onDisk) return readAndCheck(readUploadedFile(name, bytes, { maxBytes: DEFAULT_MAX_BYTES }));
    const dir = await mkdtemp(join(tmpdir(), 'parallax-fuzz-'));
    try {
      await writeFile(join(dir, name), bytes);
      return readAndCheck(await readInputs([dir, join(dir, name)]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
