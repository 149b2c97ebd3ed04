/**
 * Regression cases: each problem the fuzzer finds is saved as a small JSON file in `test/fuzz-regressions/` (the
 * minimized input recipe, never a copy of an article: corpus entries are named) and replayed by a test. A case is
 * `open` until the problem is fixed, then `fixed`, and a fixed case must keep passing.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortHash } from '../../src/core/hash.js';
import type { FuzzMode } from './mutations.js';
import { budgetFor, type FuzzPool } from './pool.js';
import type { Finding } from './run.js';
import { problem, type ProblemKind, type Verdict } from './verdict.js';

/** Where the cases live. */
export const REGRESSIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fuzz-regressions');

/** A saved case. */
export interface RegressionCase {
  target: string;
  kind: ProblemKind;
  /** `open`: the problem is still there (the replay skips it); `fixed`: the input must pass. */
  status: 'open' | 'fixed';
  message: string;
  detail?: string;
  signature: string;
  /** Which part of the code the problem is in, when known (e.g. "src/core/read"). */
  where?: string;
  mode: FuzzMode;
  budgetMs: number;
  /** Budget per million characters of the input, on top of `budgetMs` (absent: 0). */
  msPerMb?: number;
  seed: number;
  input: unknown;
}

/** The file name of a finding: target, kind and a hash of the input. */
export function caseFileName(finding: Pick<Finding, 'target' | 'kind' | 'input'>): string {
  return `${finding.target}-${finding.kind}-${shortHash(JSON.stringify(finding.input))}.json`;
}

/** Saves a finding as an open case; returns its path. */
export function saveFinding(finding: Finding, dir = REGRESSIONS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, caseFileName(finding));
  const saved: RegressionCase = {
    target: finding.target,
    kind: finding.kind,
    status: 'open',
    message: finding.message,
    ...(finding.detail ? { detail: finding.detail } : {}),
    signature: finding.signature,
    mode: finding.mode,
    budgetMs: finding.budgetMs,
    ...(finding.msPerMb ? { msPerMb: finding.msPerMb } : {}),
    seed: finding.seed,
    input: finding.input,
  };
  writeFileSync(path, `${JSON.stringify(saved, null, 2)}\n`);
  return path;
}

/** Every saved case with its file name, sorted. */
export function loadCases(dir = REGRESSIONS_DIR): { file: string; case: RegressionCase }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names
    .sort()
    .map((file) => ({ file, case: JSON.parse(readFileSync(join(dir, file), 'utf8')) as RegressionCase }));
}

/** Writes a case back (after its status changed). */
export function updateCase(file: string, saved: RegressionCase, dir = REGRESSIONS_DIR): void {
  writeFileSync(join(dir, file), `${JSON.stringify(saved, null, 2)}\n`);
}

/** True when a case's input needs the shared data folder (it names corpus entries that are not the repository's own). */
export function needsSharedData(saved: RegressionCase): boolean {
  return /"ref":"(?!fiction:|fixture:)/.test(JSON.stringify(saved.input));
}

/** Runs a saved case in the pool: ok when the problem is gone and the input ran within the case's budget. */
export async function replayCase(pool: FuzzPool, saved: RegressionCase): Promise<Verdict> {
  const { verdict, ms, chars } = await pool.run(saved.target, saved.input);
  const budgetMs = budgetFor(chars, saved);
  if (verdict.ok && ms > budgetMs) return problem('budget-overrun', `took ${ms} ms (budget ${budgetMs} ms)`);
  return verdict;
}
