/**
 * What the test worker entries share: a job that says it started, as the real worker does (so that the time budget
 * runs), then never ends. Only the pool terminating the worker stops it, whatever the speed of the machine.
 */
import { parentPort } from 'node:worker_threads';
import type { JobStartedMessage, NumberedJob } from '../../src/engine/workers/jobs.js';
import { analysisWorkerEntry, type WorkerEntry } from '../../src/engine/workers/worker-entry.js';

/** Text that makes the read-stuck worker's reading of an input never end (see `stuck-read-worker.ts`). */
export const STUCK_MARKER = '[this input is read forever]';

/** Says the job started, then spins until the worker is terminated. */
export function spinUntilStopped(job: NumberedJob): never {
  parentPort?.postMessage({ parallaxJobStarted: job.id } satisfies JobStartedMessage);
  for (;;) {
    // Spins: only terminating the worker ends this job.
  }
}

/** The entry of a test worker that gets stuck on the story's analysis (`report`) or on reading a marked input (`read`). */
export function stuckWorkerEntry(job: 'read' | 'report'): WorkerEntry {
  return { ...analysisWorkerEntry(), filename: new URL(`./stuck-${job}-worker.ts`, import.meta.url).href };
}
