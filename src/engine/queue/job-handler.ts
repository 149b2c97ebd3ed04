import type { JobName, JobPayloads } from './job-catalog.js';
import type { QueueJob } from './job-queue.js';

/** The outcome of one job: done (with a small result to log and keep), or failed. */
export type JobOutcome =
  | { ok: true; output?: Record<string, unknown> }
  | {
      ok: false;
      error: Error;
      /** True when no retry can help (the input is bad): the job goes straight to its dead-letter queue. */
      permanent: boolean;
    };

/** What a queue's worker does with the jobs it takes. */
export interface JobHandler<N extends JobName = JobName> {
  /**
   * Does the jobs (up to the queue's batch size at once) and says how each went, in the order given. Throwing fails
   * every job of the batch (each is retried after its back-off). `signal` aborts when the worker stops and the jobs'
   * grace time is over: what is left undone is then done again by another worker.
   */
  run(jobs: readonly QueueJob<JobPayloads[N]>[], signal: AbortSignal): Promise<JobOutcome[]>;
}

/** The handler of every queue a worker may work. */
export type JobHandlers = { [N in JobName]?: JobHandler<N> };
