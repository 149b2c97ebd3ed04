/**
 * The fuzz loop: for each target, fast-check generates inputs from the seed, runs each in the worker pool, and on a
 * problem shrinks the input (within a time limit) to a small case. The problem's signature is then known, and the
 * run goes on with the rest of its inputs, so one session can find several distinct problems.
 */
import fc from 'fast-check';
import { corpusIndex } from './corpus.js';
import type { FuzzMode } from './mutations.js';
import { FuzzPool } from './pool.js';
import type { FuzzTarget } from './target.js';
import type { ProblemKind, Verdict } from './verdict.js';

/** A problem found: the target, what happened, the minimized input, and how to find it again. */
export interface Finding {
  target: string;
  kind: ProblemKind;
  message: string;
  detail?: string;
  /** What tells this problem from others: the target, the kind, and the message without its particulars. */
  signature: string;
  input: unknown;
  seed: number;
  mode: FuzzMode;
  budgetMs: number;
  /** Budget per million characters of the input, on top of `budgetMs`. */
  msPerMb: number;
}

/** Options of a fuzz session. */
export interface FuzzOptions {
  targets: readonly FuzzTarget[];
  /** Inputs in all, shared among the targets by weight. */
  runs: number;
  seed: number;
  mode: FuzzMode;
  budgetMs: number;
  /** Budget per million characters of an input, on top of `budgetMs` (default 0). */
  msPerMb?: number;
  /** Signatures not to report again (e.g. the saved regression cases still open). */
  known?: ReadonlySet<string>;
  /** How long shrinking one problem may take (default 60 s). */
  shrinkMs?: number;
  onFinding?: (finding: Finding) => void;
  onProgress?: (event: { target: string; done: number; total: number }) => void;
}

/** What a session did. */
export interface FuzzReport {
  findings: Finding[];
  runs: number;
  /** Inputs per target. */
  perTarget: Record<string, number>;
  workersStarted: number;
}

/** The signature of a problem: kind and message with numbers and quoted parts blanked, so repeats are one problem. */
export function signatureOf(target: string, verdict: Exclude<Verdict, { ok: true }>): string {
  const message = verdict.message
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\d+/g, 'N')
    .slice(0, 200);
  return ['budget-overrun', 'hang', 'out-of-memory'].includes(verdict.kind)
    ? `${target}:${verdict.kind}`
    : `${target}:${verdict.kind}:${message}`;
}

/** Runs a fuzz session; never throws for what the inputs do (that is what it reports). */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const pool = new FuzzPool({
    targets: options.targets.map((t) => t.name),
    budgetMs: options.budgetMs,
    msPerMb: options.msPerMb ?? 0,
  });
  const known = new Set(options.known ?? []);
  const findings: Finding[] = [];
  const perTarget: Record<string, number> = {};
  const weights = options.targets.reduce((sum, t) => sum + t.weight, 0);
  try {
    for (const [index, target] of options.targets.entries()) {
      const runs = Math.max(1, Math.round((options.runs * target.weight) / weights));
      perTarget[target.name] = await fuzzTarget({
        target,
        runs,
        seed: options.seed + index,
        pool,
        known,
        findings,
        options,
      });
    }
  } finally {
    await pool.close();
  }
  const total = Object.values(perTarget).reduce((a, b) => a + b, 0);
  return { findings, runs: total, perTarget, workersStarted: pool.started };
}

/** The last failing input of a property (the smallest so far while shrinking), and when the first one failed. */
interface Failure {
  input: unknown;
  verdict: Exclude<Verdict, { ok: true }>;
  signature: string;
  at: number;
}

interface TargetRun {
  target: FuzzTarget;
  runs: number;
  seed: number;
  pool: FuzzPool;
  known: Set<string>;
  findings: Finding[];
  options: FuzzOptions;
}

/** Fuzzes one target for `runs` inputs; returns how many were run (not counting shrinking). */
async function fuzzTarget(run: TargetRun): Promise<number> {
  const { target, pool, known, options } = run;
  const arbitrary = target.arbitrary({ corpus: corpusIndex(), mode: options.mode });
  let done = 0;
  for (let attempt = 0; done < run.runs; attempt++) {
    const state: { failure: Failure | null } = { failure: null };
    const property = fc.asyncProperty(arbitrary, async (input) => {
      const { failure } = state;
      // Past the shrinking time, every candidate "passes": fast-check keeps the smallest failing input so far.
      if (failure && performance.now() - failure.at > (options.shrinkMs ?? 60_000)) return true;
      if (!failure) {
        done++;
        options.onProgress?.({ target: target.name, done, total: run.runs });
      }
      const { verdict } = await pool.run(target.name, input);
      if (verdict.ok) return true;
      const signature = signatureOf(target.name, verdict);
      // While shrinking, only the same problem counts: the case must stay a case of what was found.
      if (failure ? signature !== failure.signature : known.has(signature)) return true;
      state.failure = { input, verdict, signature, at: failure?.at ?? performance.now() };
      return false;
    });
    const details = await fc.check(property, { seed: run.seed + attempt * 7919, numRuns: run.runs - done });
    const found = state.failure;
    if (!details.failed || !found) break;
    known.add(found.signature);
    const finding: Finding = {
      target: target.name,
      kind: found.verdict.kind,
      message: found.verdict.message,
      ...(found.verdict.detail ? { detail: found.verdict.detail } : {}),
      signature: found.signature,
      input: details.counterexample?.[0] ?? found.input,
      seed: details.seed,
      mode: options.mode,
      budgetMs: options.budgetMs,
      msPerMb: options.msPerMb ?? 0,
    };
    run.findings.push(finding);
    options.onFinding?.(finding);
  }
  return done;
}
