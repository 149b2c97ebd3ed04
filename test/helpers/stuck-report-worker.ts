/**
 * A worker entry for the tests: every job runs as in the real analysis worker except the story's analysis, which
 * never ends, standing for a story too costly as a whole.
 */
import runJob from '../../src/engine/workers/analysis-worker.js';
import type { NumberedJob } from '../../src/engine/workers/jobs.js';
import { spinUntilStopped } from './stuck-worker.js';

/** Runs a job; the `report` job spins until the pool stops it. */
export default function runStuckJob(job: NumberedJob): unknown {
  return job.kind === 'report' ? spinUntilStopped(job) : runJob(job);
}
