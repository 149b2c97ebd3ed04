/**
 * A fuzz target: how to generate its inputs (in the main thread, with fast-check) and how to run one input (in a
 * worker, under a time budget). Inputs are plain data (recipes), so they cross to the worker and into regression
 * files as they are.
 */
import type fc from 'fast-check';
import type { CorpusIndex } from './corpus.js';
import type { FuzzMode } from './mutations.js';
import { crashOf, type Verdict } from './verdict.js';

/** What a target's generator may use. */
export interface TargetEnv {
  corpus: CorpusIndex;
  mode: FuzzMode;
}

/** One input path under test. */
export interface FuzzTarget<I = unknown> {
  /** A short name (`file`, `html`...), used on the command line and in regression file names. */
  name: string;
  /** Which part of the CI run's inputs it gets (relative to the other targets). */
  weight: number;
  /** The generator of its inputs. */
  arbitrary(env: TargetEnv): fc.Arbitrary<I>;
  /** Runs one input and checks what came out; may throw (a crash). Runs in a worker. */
  run(input: I): Promise<Verdict>;
  /** Loads what the first run would load (modules, models), so that it does not count against a budget. */
  warm?(): Promise<void>;
}

/**
 * A small invented story for the targets' warm-up: as many articles as a pool has workers at most (4), so that every
 * worker of the shared analysis pool starts and loads its models before the first input is timed.
 */
export const WARM_STORY = {
  id: 'warm-up',
  articles: ['north', 'south', 'east', 'west'].map((side, i) => ({
    id: `warm-${i + 1}`,
    title: `Ferry service resumes on the ${side} route`,
    text:
      `The ferry on the ${side} route resumed on Sunday after storms kept it in port for three days, the operator ` +
      `said. "We are glad to be back," captain Ines Walde told reporters on Monday. About 1,200 passengers waited.`,
  })),
};

/** Runs a target on one input, turning an exception into a crash verdict. */
export async function runTarget(target: FuzzTarget, input: unknown): Promise<Verdict> {
  try {
    return await target.run(input);
  } catch (error) {
    return crashOf(error);
  }
}
