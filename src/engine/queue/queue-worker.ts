import { resolveStreamOptions, type ResolvedStreamOptions, type StreamOptions } from '../stream/stream-options.js';
import { streamFetcher } from '../stream/stream-fetcher.js';
import { packageVersion } from '../version.js';
import { AnalysisPool } from '../workers/analysis-pool.js';
import type { PoolOptions } from '../workers/budget-options.js';
import { articleReadHandler } from './article-read-handler.js';
import { feedPollHandler } from './feed-poll-handler.js';
import { JOB_NAMES, type JobName } from './job-catalog.js';
import type { JobHandlers } from './job-handler.js';
import type { JobQueueOptions } from './job-queue.js';
import type { JsonLog } from './json-log.js';
import { openQueueLibrary, type QueueLibrary } from './open-queue-library.js';
import { reconcileJobs } from './reconcile-jobs.js';
import { runWorker, type WorkerOptions, type WorkerSummary } from './run-worker.js';
import { storyAnalyzeHandler } from './story-analyze-handler.js';
import { storyAssignHandler } from './story-assign-handler.js';
import { StreamWriter } from './stream-writer.js';
import type { StreamWork } from './stream-work.js';

/** Seconds between two looks for work that lost its job (see `reconcileJobs`). */
export const DEFAULT_RECONCILE_SECONDS = 300;

/** Everything a worker process needs. */
export interface QueueWorkerOptions {
  /** The PostgreSQL URL of the library and the queue. */
  url: string;
  /** The queues to work (default all). */
  queues?: readonly JobName[];
  /** Jobs (batches) in hand at once (default 1). */
  concurrency?: number;
  exitWhenIdle?: boolean;
  /** See `WorkerOptions.idleHorizonSeconds`. */
  idleHorizonSeconds?: number;
  /** See `JobQueueOptions.jobTimeoutSeconds`. */
  jobTimeoutSeconds?: number;
  /** See `JobQueueOptions.specs`. */
  specs?: JobQueueOptions['specs'];
  /** See `WorkerOptions.graceMs`. */
  graceMs?: number;
  /** Seconds a changed story waits before its analysis (see `jobFollowUps`). */
  analyzeDelaySeconds?: number;
  /** The stream's settings: fetching (politeness, limits, private addresses), clustering, reports. */
  stream?: StreamOptions;
  /** The analysis threads and their budgets. */
  pool?: PoolOptions;
  pollIntervalMs?: number;
  /** Seconds between two looks for work without a job (default 300; 0: only at start). */
  reconcileSeconds?: number;
  signal?: AbortSignal;
  log: JsonLog;
}

/** Connects to the database, works the queues until stopped (or idle), and closes everything. */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<WorkerSummary> {
  const { log } = options;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const names = options.queues ?? JOB_NAMES;
  const stream = resolveStreamOptions(options.stream);
  const library = await openLibrary(options, concurrency);
  const needsPool = names.includes('article-read') || names.includes('story-analyze');
  const pool = needsPool ? new AnalysisPool(options.pool ?? {}) : undefined;
  const work: StreamWork = {
    repo: library.stream,
    queue: library.queue,
    fetcher: streamFetcher(stream),
    ...(pool ? { pool } : {}),
    options: stream,
    now: () => Date.now(),
    log,
    version: packageVersion(),
  };
  const handlers = handlersOf(names, work, library, stream);
  const every = (options.reconcileSeconds ?? DEFAULT_RECONCILE_SECONDS) * 1000;
  const timer = every > 0 ? setInterval(() => void reconcile(library, stream, log), every) : undefined;
  timer?.unref();
  try {
    await reconcile(library, stream, log);
    return await runWorker({ queue: library.queue, handlers, concurrency, log, ...workerSettings(options) });
  } finally {
    clearInterval(timer);
    // The jobs released on stop, or lost by a dead worker, may have folded into a waiting one.
    await settleFolded(library, log);
    await pool?.close().catch((error: unknown) => log.log('error', 'close failed', { error }));
    await library.close().catch((error: unknown) => log.log('error', 'close failed', { error }));
  }
}

/** Opens the library and its queue with enough connections for the jobs in hand. */
function openLibrary(options: QueueWorkerOptions, concurrency: number): Promise<QueueLibrary> {
  return openQueueLibrary({
    url: options.url,
    // Each job in hand may hold a connection, the writer's turn one more for its lock, and the queue its own pool.
    maxConnections: concurrency + 3,
    ...(options.jobTimeoutSeconds ? { jobTimeoutSeconds: options.jobTimeoutSeconds } : {}),
    ...(options.specs ? { specs: options.specs } : {}),
    ...(options.analyzeDelaySeconds !== undefined ? { analyzeDelaySeconds: options.analyzeDelaySeconds } : {}),
    onError: (error) => options.log.log('error', 'database connection error', { error }),
  });
}

/** The handlers of the queues this worker works. */
function handlersOf(
  names: readonly JobName[],
  work: StreamWork,
  library: QueueLibrary,
  stream: ResolvedStreamOptions,
): JobHandlers {
  const handlers: JobHandlers = {};
  if (names.includes('feed-poll')) handlers['feed-poll'] = feedPollHandler(work);
  if (names.includes('article-read')) handlers['article-read'] = articleReadHandler(work);
  if (names.includes('story-assign')) {
    handlers['story-assign'] = storyAssignHandler(new StreamWriter(library.stream, stream), library.queue);
  }
  if (names.includes('story-analyze')) handlers['story-analyze'] = storyAnalyzeHandler(work);
  return handlers;
}

/** The worker loop's settings the caller gave. */
function workerSettings(
  options: QueueWorkerOptions,
): Omit<WorkerOptions, 'queue' | 'handlers' | 'concurrency' | 'log'> {
  return {
    ...(options.exitWhenIdle ? { exitWhenIdle: true } : {}),
    ...(options.idleHorizonSeconds !== undefined ? { idleHorizonSeconds: options.idleHorizonSeconds } : {}),
    ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** Sends jobs for work that lost its job, then settles folded jobs; a failure is logged, never thrown. */
async function reconcile(library: QueueLibrary, stream: ResolvedStreamOptions, log: JsonLog): Promise<void> {
  try {
    const sent = await reconcileJobs(library, stream);
    if (sent.polls + sent.reads + sent.turns + sent.analyses > 0)
      log.log('warn', 'jobs sent for work without one', { ...sent });
  } catch (error) {
    log.log('error', 'cannot look for work without a job', { error });
  }
  await settleFolded(library, log);
}

/** Settles failed jobs folded into the one waiting to retry; a failure is logged, never thrown. */
async function settleFolded(library: QueueLibrary, log: JsonLog): Promise<void> {
  try {
    const folded = await library.queue.settleFolded();
    if (folded > 0) log.log('info', 'failed jobs folded into the one waiting to retry', { jobs: folded });
  } catch (error) {
    log.log('error', 'cannot settle folded jobs', { error });
  }
}
