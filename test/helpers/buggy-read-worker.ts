/**
 * A worker entry for the tests: every job runs as in the real analysis worker except reading an input that holds
 * BUG_MARKER, which throws the TypeError a bug in the reader would throw. It stands for an exception of our own code
 * (not a known input failure), so that the tests can check the callers report it as an internal error.
 */
import runJob from '../../src/engine/workers/analysis-worker.js';
import type { NumberedJob } from '../../src/engine/workers/jobs.js';
import { BUG_MARKER } from './buggy-worker.js';

/** Runs a job; reading a marked input throws a TypeError. */
export default function runBuggyReadJob(job: NumberedJob): unknown {
  if (job.kind === 'read' && job.raw.content.includes(BUG_MARKER)) {
    throw new TypeError("Cannot read properties of undefined (reading 'length')");
  }
  return runJob(job);
}
