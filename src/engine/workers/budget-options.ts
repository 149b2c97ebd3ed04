/**
 * The budgets of analysis jobs and the size of the worker pool, with their documented defaults (docs/security.md,
 * "CPU and memory budgets"). Every job (reading one input, analyzing one story) runs on a worker thread; past its time
 * or memory budget the worker is stopped and replaced, and that input (or story) fails with the reason.
 */
import { availableParallelism } from 'node:os';

/** Default time budget of one job: 60 seconds of running (time spent waiting in the queue does not count). */
export const DEFAULT_JOB_TIMEOUT_MS = 60_000;

/** Default memory budget of one worker (its JavaScript heap): 1 GB. */
export const DEFAULT_JOB_MEMORY_MB = 1024;

/** The smallest memory budget accepted: below it a worker cannot even load the language models. */
export const MIN_JOB_MEMORY_MB = 128;

/** The most workers one pool may have. */
export const MAX_WORKERS = 64;

/** The pool's settings as a caller gives them. All optional. */
export interface PoolOptions {
  /** Worker threads running jobs at once (default: the CPUs less one for the main thread, 1 to 4). */
  workers?: number;
  /** Time budget of one job in milliseconds (default 60,000). */
  jobTimeoutMs?: number;
  /** Memory budget (JavaScript heap) of one worker in MB (default 1,024; at least 128). */
  jobMemoryMb?: number;
  /**
   * Run the workers at a lower CPU priority than the main thread (default false; the server sets it): when the CPUs
   * are contended, answering requests comes before analyzing. Jobs then take longer on a busy machine.
   */
  lowPriority?: boolean;
}

/** The pool's settings with every default filled in. */
export type PoolSettings = Required<PoolOptions>;

/** Workers by default: one CPU stays with the main thread (which serves requests), at least 1 and at most 4. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** Fills in the defaults and checks the values (throws a TypeError naming the bad option). */
export function resolvePoolSettings(options: PoolOptions = {}): PoolSettings {
  const workers = options.workers ?? defaultWorkerCount();
  const jobTimeoutMs = options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
  const jobMemoryMb = options.jobMemoryMb ?? DEFAULT_JOB_MEMORY_MB;
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new TypeError(`workers must be a whole number from 1 to ${MAX_WORKERS}, got ${String(workers)}`);
  }
  if (!(Number.isFinite(jobTimeoutMs) && jobTimeoutMs > 0)) {
    throw new TypeError(`jobTimeoutMs must be a positive number, got ${String(jobTimeoutMs)}`);
  }
  if (!(Number.isInteger(jobMemoryMb) && jobMemoryMb >= MIN_JOB_MEMORY_MB)) {
    throw new TypeError(
      `jobMemoryMb must be a whole number of at least ${MIN_JOB_MEMORY_MB}, got ${String(jobMemoryMb)}`,
    );
  }
  return { workers, jobTimeoutMs, jobMemoryMb, lowPriority: options.lowPriority ?? false };
}

/** A time budget as people read it: "60 s", "1.5 s", "500 ms". */
export function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${+(ms / 1000).toFixed(1)} s`;
}

/** A memory budget as people read it: "1 GB", "1.5 GB", "512 MB". */
export function formatMegabytes(mb: number): string {
  return mb >= 1024 ? `${+(mb / 1024).toFixed(1)} GB` : `${mb} MB`;
}
