import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import type { RawArticle } from '../../src/core/model.js';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared data folder beside the repository (seeds and evaluation data); absent on some machines. */
export const SHARED_DIR = process.env.PARALLAX_SHARED ?? resolve(REPO_ROOT, '..', 'shared');

/** True when the shared data folder is present. */
export const hasShared = existsSync(join(SHARED_DIR, 'seeds'));

/** `describe` that skips (and says so) when the shared data folder is absent. */
export const describeShared: ReturnType<typeof describe.skipIf> = describe.skipIf(!hasShared);

/** The seed article files (names only), sorted. */
export function seedNames(): string[] {
  return hasShared
    ? readdirSync(join(SHARED_DIR, 'seeds'))
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
}

/** Absolute path of a seed file. */
export function seedPath(name: string): string {
  return join(SHARED_DIR, 'seeds', name);
}

/** The text of a seed file. */
export function readSeed(name: string): string {
  return readFileSync(seedPath(name), 'utf8');
}

/** The seed articles as raw plain-text inputs; ids are the file names without extension. */
export function seedRaws(): RawArticle[] {
  return seedNames().map((name) => ({
    id: name.replace(/\.txt$/, ''),
    source: name,
    format: 'text',
    content: readSeed(name),
    meta: {},
  }));
}
