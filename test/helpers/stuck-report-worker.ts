/**
 * A worker entry for the tests: every job runs as in the real analysis worker except the story's analysis, which
 * never ends, standing for a story too costly as a whole. It says the job started, as the real worker does, so the
 * time budget runs.
 */
import { parentPort } from 'node:worker_threads';
import runJob from '../../src/engine/workers/analysis-worker.js';
import type { JobStartedMessage, NumberedJob } from '../../src/engine/workers/jobs.js';

/** Runs a job; the `report` job spins until the pool stops it. */
export default function runStuckJob(job: NumberedJob): unknown {
  if (job.kind !== 'report') return runJob(job);
  parentPort?.postMessage({ parallaxJobStarted: job.id } satisfies JobStartedMessage);
  while (job.id > 0) {
    // Spins: only terminating the worker ends this job.
  }
  return null;
}
