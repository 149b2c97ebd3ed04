/**
 * A queue worker: `concurrency` loops, each taking jobs from the chosen queues in turn and running their handler.
 * It stops taking jobs when `signal` aborts, gives the jobs in hand `graceMs` to finish, and then releases the rest
 * (marks them failed, so they are retried at once elsewhere, or after a restart): a job is never lost, whether the
 * worker stops, crashes or is killed (a job a dead worker held is retried when its time is up, see `expireInSeconds`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobName } from './job-catalog.js';
import type { JobHandler, JobHandlers, JobOutcome } from './job-handler.js';
import type { JobQueue, QueueJob } from './job-queue.js';
import type { JsonLog } from './json-log.js';

/** How a worker runs. */
export interface WorkerOptions {
  queue: JobQueue;
  /** The queues to work, each with its handler. */
  handlers: JobHandlers;
  /** Jobs (batches) in hand at once (default 1). */
  concurrency?: number;
  /**
   * Stop once the worked queues hold no unfinished job: none in anyone's hands, and none waiting (or waiting to
   * retry) to start within `idleHorizonSeconds` (default 60: a feed's next poll in a quarter of an hour is not work).
   */
  exitWhenIdle?: boolean;
  idleHorizonSeconds?: number;
  /** Pause between looks at empty queues, in milliseconds (default 500). */
  pollIntervalMs?: number;
  /** After a stop request, how long the jobs in hand may take to finish before they are released (default 30 s). */
  graceMs?: number;
  /** Stops the worker (e.g. on SIGTERM). */
  signal?: AbortSignal;
  log: JsonLog;
}

/** What a worker did. */
export interface WorkerSummary {
  completed: number;
  failed: number;
  rejected: number;
  released: number;
}

/** A batch in some loop's hands. */
interface InHand {
  name: JobName;
  jobs: QueueJob<unknown>[];
}

/** Runs a worker until it is stopped (or, with `exitWhenIdle`, until its queues are empty). */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { queue, log } = options;
  const names = (Object.keys(options.handlers) as JobName[]).filter((name) => options.handlers[name]);
  const summary: WorkerSummary = { completed: 0, failed: 0, rejected: 0, released: 0 };
  const inHand = new Set<InHand>();
  const stop = new AbortController();
  // Aborted once the grace time after a stop is over: handlers give up what they are doing (it is done again later).
  const release = new AbortController();
  const stopRequested = options.signal;
  stopRequested?.addEventListener('abort', () => stop.abort(), { once: true });
  if (stopRequested?.aborted) stop.abort();
  const pollMs = options.pollIntervalMs ?? 500;
  let turn = 0;

  /** Takes the next batch from the worked queues, starting at a different queue each time; null when all are empty. */
  const take = async (): Promise<InHand | null> => {
    for (let i = 0; i < names.length; i++) {
      const name = names[(turn + i) % names.length]!;
      const jobs = await queue.fetch(name, queue.spec(name).batchSize);
      if (jobs.length > 0) {
        turn = (turn + i + 1) % names.length;
        return { name, jobs };
      }
    }
    return null;
  };

  const settle = async (batch: InHand, outcomes: readonly JobOutcome[]): Promise<void> => {
    const done = batch.jobs.filter((_, i) => outcomes[i]?.ok === true);
    await queue.complete(
      batch.name,
      done.map((j) => j.id),
    );
    summary.completed += done.length;
    for (const [i, job] of batch.jobs.entries()) {
      const outcome = outcomes[i];
      const fields = { queue: batch.name, job: job.id, attempt: job.retryCount + 1 };
      if (!outcome) continue;
      if (outcome.ok) {
        log.log('info', 'job done', { ...fields, ...outcome.output });
      } else if (outcome.permanent) {
        await queue.reject(batch.name, job, outcome.error);
        summary.rejected += 1;
        log.log('warn', 'job rejected', { ...fields, error: outcome.error });
      } else {
        await queue.fail(batch.name, [job.id], outcome.error);
        summary.failed += 1;
        log.log('warn', 'job failed', { ...fields, error: outcome.error });
      }
    }
  };

  const work = async (batch: InHand): Promise<void> => {
    const handler = options.handlers[batch.name] as JobHandler | undefined;
    const started = Date.now();
    let outcomes: JobOutcome[];
    try {
      outcomes = await handler!.run(batch.jobs as QueueJob<never>[], release.signal);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      outcomes = batch.jobs.map(() => ({ ok: false, error: err, permanent: false }));
    }
    if (!inHand.has(batch)) return; // released at shutdown: someone else has it now
    inHand.delete(batch);
    log.log('debug', 'batch handled', { queue: batch.name, jobs: batch.jobs.length, ms: Date.now() - started });
    await settle(batch, outcomes);
  };

  let idle = false;
  const loop = async (slot: number): Promise<void> => {
    while (!stop.signal.aborted && !idle) {
      let batch: InHand | null = null;
      try {
        batch = await take();
      } catch (error) {
        log.log('error', 'cannot take jobs', { slot, error });
      }
      if (batch) {
        inHand.add(batch);
        log.log('info', 'jobs taken', { slot, queue: batch.name, jobs: batch.jobs.length });
        await work(batch).catch((error: unknown) => log.log('error', 'cannot settle jobs', { slot, error }));
        continue;
      }
      if (
        options.exitWhenIdle &&
        inHand.size === 0 &&
        (await unfinished(queue, names, options.idleHorizonSeconds ?? 60, log)) === 0
      ) {
        idle = true;
        break;
      }
      await sleep(pollMs, undefined, { signal: stop.signal }).catch(() => undefined);
    }
  };

  log.log('info', 'worker started', { queues: names, concurrency: options.concurrency ?? 1 });
  const loops = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, (_, slot) => loop(slot));
  const finished = Promise.all(loops);
  await Promise.race([finished, once(stop.signal)]);
  if (stop.signal.aborted) {
    // Loops with nothing in hand end at once; the others get the grace period for their jobs.
    const graceMs = options.graceMs ?? 30_000;
    if (inHand.size > 0) log.log('info', 'stopping: finishing the jobs in hand', { jobs: countJobs(inHand), graceMs });
    const grace = new AbortController();
    await Promise.race([finished, sleep(graceMs, undefined, { signal: grace.signal }).catch(() => undefined)]);
    grace.abort();
    release.abort();
    summary.released += await releaseJobs(queue, inHand, log);
  }
  log.log('info', 'worker stopped', { ...summary, reason: idle ? 'idle' : 'stopped' });
  return summary;
}

/** Unfinished jobs of the queues, or -1 when the database cannot be asked (the worker then keeps going). */
async function unfinished(
  queue: JobQueue,
  names: readonly JobName[],
  horizonSeconds: number,
  log: JsonLog,
): Promise<number> {
  try {
    return await queue.unfinished(names, horizonSeconds);
  } catch (error) {
    log.log('error', 'cannot count unfinished jobs', { error });
    return -1;
  }
}

/** Hands the unfinished jobs back to the queue (failed with the reason, so they are retried); returns how many. */
async function releaseJobs(queue: JobQueue, inHand: Set<InHand>, log: JsonLog): Promise<number> {
  let released = 0;
  for (const batch of [...inHand]) {
    inHand.delete(batch);
    const ids = batch.jobs.map((j) => j.id);
    try {
      await queue.fail(batch.name, ids, new Error('released: the worker stopped before the job was done'));
      released += ids.length;
      log.log('warn', 'jobs released', { queue: batch.name, jobs: ids });
    } catch (error) {
      // They stay active and are retried when their time is up.
      log.log('error', 'cannot release jobs', { queue: batch.name, jobs: ids, error });
    }
  }
  return released;
}

function countJobs(inHand: Set<InHand>): number {
  return [...inHand].reduce((n, batch) => n + batch.jobs.length, 0);
}

function once(signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal.aborted) done();
    else signal.addEventListener('abort', () => done(), { once: true });
  });
}
