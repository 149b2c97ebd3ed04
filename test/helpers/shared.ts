import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import type { RawArticle } from '../../src/core/model.js';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared data folder beside the repository (seeds and evaluation data); absent on some machines. */
export const SHARED_DIR = process.env.PARALLAX_SHARED ?? resolve(REPO_ROOT, '..', 'shared');

/** True when the shared data folder is present. */
export const hasShared = existsSync(join(SHARED_DIR, 'seeds'));

/**
 * True when data the tests need must be there: continuous integration (`CI` set, as every CI service does) fails on
 * a missing folder instead of skipping, so a green run there always means the tests ran.
 */
export const dataRequired = isSet(process.env.CI);

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** The error of a test whose data is missing where it is required. */
function missing(what: string): Error {
  return new Error(`${what} is missing; CI is set, so the tests built on it fail instead of skipping`);
}

/** A test function of vitest's simplest form: a name, a body and an optional timeout. */
type Register = (name: string, body: () => void | Promise<void>, timeoutMs?: number) => void;

/**
 * `describe` for tests built on data outside the repository: runs them when `present`; skips them (vitest lists them
 * as skipped) when not; under CI registers one failing test in their place that names the missing data.
 */
export function describeWith(present: boolean, what: string): (name: string, body: () => void) => void {
  if (present) return (name, body) => describe(name, body);
  // vitest runs a skipped suite's body to list its tests: a body that reads the data as it is declared throws, and
  // the tests it had not declared yet are listed as one skipped test that names the data.
  if (!dataRequired) return (name, body) => describe.skip(name, () => declareWithout(body, what));
  return (name) =>
    describe(name, () => {
      it('has its data', () => {
        throw missing(what);
      });
    });
}

function declareWithout(body: () => void, what: string): void {
  try {
    body();
  } catch {
    it(`(the rest of this suite reads ${what} as it is declared)`, () => {});
  }
}

/** `it` for one test built on data outside the repository, with the same rule as `describeWith`. */
export function itWith(present: boolean, what: string): Register {
  if (present) return (name, body, timeoutMs) => it(name, body, timeoutMs);
  if (!dataRequired) return (name, body, timeoutMs) => it.skip(name, body, timeoutMs);
  return (name) =>
    it(name, () => {
      throw missing(what);
    });
}

/** What `describeShared` needs, for its messages. */
export const SHARED_SEEDS = `the shared data folder (${join(SHARED_DIR, 'seeds')})`;

/** `describe` for tests on the shared data: skips (and says so) when the folder is absent, fails under CI. */
export const describeShared: (name: string, body: () => void) => void = describeWith(hasShared, SHARED_SEEDS);

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
