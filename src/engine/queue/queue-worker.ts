import { packageVersion } from '../version.js';
import { AnalysisPool } from '../workers/analysis-pool.js';
import type { PoolOptions } from '../workers/budget-options.js';
import { JOB_NAMES, type JobName } from './job-catalog.js';
import type { JobHandlers } from './job-handler.js';
import type { JobQueue, JobQueueOptions } from './job-queue.js';
import { openQueueDatabase } from './open-queue-database.js';
import type { JsonLog } from './json-log.js';
import { runWorker, type WorkerSummary } from './run-worker.js';
import { storyAnalyzeHandler } from './story-analyze-handler.js';
import { storyAssignHandler } from './story-assign-handler.js';
import { StoryAssigner, type PlacementChanges } from './story-assigner.js';
import type { PgTransaction } from '../storage/pg-pool.js';

/** Seconds a changed story waits before its analysis starts, so that a burst of articles costs one analysis. */
export const DEFAULT_ANALYZE_DELAY_SECONDS = 5;

/** Everything a worker process needs. */
export interface QueueWorkerOptions {
  /** The PostgreSQL URL of the library and the queue. */
  url: string;
  /** The queues to work (default all). */
  queues?: readonly JobName[];
  /** Jobs (batches) in hand at once (default 1). */
  concurrency?: number;
  exitWhenIdle?: boolean;
  /** See `JobQueueOptions.jobTimeoutSeconds`. */
  jobTimeoutSeconds?: number;
  /** See `JobQueueOptions.specs`. */
  specs?: JobQueueOptions['specs'];
  /** See `WorkerOptions.graceMs`. */
  graceMs?: number;
  /** See `DEFAULT_ANALYZE_DELAY_SECONDS`. */
  analyzeDelaySeconds?: number;
  /** The analysis threads and their budgets. */
  pool?: PoolOptions;
  pollIntervalMs?: number;
  signal?: AbortSignal;
  log: JsonLog;
}

/**
 * The follow-up of a turn of placement, inside its transaction: the analysis of every story it changed, the next
 * turn when more articles wait, and a record of each rejected article in the dead-letter queue.
 */
export function followPlacement(
  queue: JobQueue,
  delaySeconds: number,
): (client: PgTransaction, changes: PlacementChanges) => Promise<void> {
  return async (client, changes) => {
    for (const storyId of [...changes.changed, ...changes.mergedAway]) {
      await queue.sendInTransaction(client, 'story-analyze', { storyId }, { startAfterSeconds: delaySeconds });
    }
    if (changes.more) await queue.sendInTransaction(client, 'story-assign', { partition: changes.partition });
    for (const { articleId, reason } of changes.rejected) {
      await queue.buryInTransaction(client, 'story-assign', {
        partition: changes.partition,
        article: { id: articleId },
        error: reason,
      });
    }
  };
}

/** Connects to the database, works the queues until stopped (or idle), and closes everything. */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<WorkerSummary> {
  const { log } = options;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const names = options.queues ?? JOB_NAMES;
  const onError = (error: Error) => log.log('error', 'database connection error', { error });
  const { repo, queue, close } = await openQueueDatabase({
    url: options.url,
    maxConnections: concurrency + 2,
    ...(options.jobTimeoutSeconds ? { jobTimeoutSeconds: options.jobTimeoutSeconds } : {}),
    ...(options.specs ? { specs: options.specs } : {}),
    onError,
  });
  const closers: (() => Promise<unknown>)[] = [close];
  try {
    const handlers: JobHandlers = {};
    if (names.includes('story-assign')) {
      const delay = options.analyzeDelaySeconds ?? DEFAULT_ANALYZE_DELAY_SECONDS;
      const assigner = new StoryAssigner({
        pool: repo.pool,
        onPlaced: followPlacement(queue, delay),
      });
      handlers['story-assign'] = storyAssignHandler(assigner);
    }
    if (names.includes('story-analyze')) {
      const pool = new AnalysisPool(options.pool ?? {});
      closers.unshift(() => pool.close());
      handlers['story-analyze'] = storyAnalyzeHandler({ db: repo.pool, repo, pool, version: packageVersion() });
    }
    return await runWorker({
      queue,
      handlers,
      concurrency,
      log,
      ...(options.exitWhenIdle ? { exitWhenIdle: true } : {}),
      ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
      ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } finally {
    for (const close of closers) await close().catch((error: unknown) => log.log('error', 'close failed', { error }));
  }
}
