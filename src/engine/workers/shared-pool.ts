/**
 * The pools that library calls use when the caller brings none: one per set of settings, started on first use and kept
 * (workers are slow to start). Idle workers do not keep the process alive, and leave after a minute without work.
 */
import { AnalysisPool } from './analysis-pool.js';
import { resolvePoolSettings, type PoolOptions } from './budget-options.js';

const pools = new Map<string, AnalysisPool>();

/** The shared pool with these settings (created on first use). Throws a TypeError for invalid settings. */
export function sharedAnalysisPool(options: PoolOptions = {}): AnalysisPool {
  const settings = resolvePoolSettings(options);
  const key = `${settings.workers}/${settings.jobTimeoutMs}/${settings.jobMemoryMb}/${settings.lowPriority}`;
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = new AnalysisPool(settings)));
  return pool;
}

/** Closes every shared pool (a later call starts a new one). */
export async function closeSharedPools(): Promise<void> {
  const closing = [...pools.values()].map((p) => p.close());
  pools.clear();
  await Promise.all(closing);
}

/** The pool a call runs on: the caller's, else the shared one for the caller's settings. */
export function poolFor(options: PoolOptions & { pool?: AnalysisPool }): AnalysisPool {
  if (options.pool) return options.pool;
  return sharedAnalysisPool({
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.jobTimeoutMs !== undefined ? { jobTimeoutMs: options.jobTimeoutMs } : {}),
    ...(options.jobMemoryMb !== undefined ? { jobMemoryMb: options.jobMemoryMb } : {}),
    ...(options.lowPriority !== undefined ? { lowPriority: options.lowPriority } : {}),
  });
}
