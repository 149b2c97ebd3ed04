/**
 * A worker entry for the tests: every job runs as in the real analysis worker except reading an input that holds
 * STUCK_MARKER, which never ends, standing for an input too costly to read. Unlike a large input, it outlasts any
 * time budget on any machine, so the tests of budgets do not depend on how fast reading is.
 */
import runJob from '../../src/engine/workers/analysis-worker.js';
import type { NumberedJob } from '../../src/engine/workers/jobs.js';
import { spinUntilStopped, STUCK_MARKER } from './stuck-worker.js';

/** Runs a job; reading a marked input spins until the pool stops it. */
export default function runStuckReadJob(job: NumberedJob): unknown {
  return job.kind === 'read' && job.raw.content.includes(STUCK_MARKER) ? spinUntilStopped(job) : runJob(job);
}
