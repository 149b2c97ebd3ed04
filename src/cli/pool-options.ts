import {
  DEFAULT_JOB_MEMORY_MB,
  DEFAULT_JOB_TIMEOUT_MS,
  MAX_WORKERS,
  MIN_JOB_MEMORY_MB,
  defaultWorkerCount,
  type PoolOptions,
} from '../engine/workers/budget-options.js';
import { AnalysisPool } from '../engine/workers/analysis-pool.js';
import { UsageError } from './errors.js';
import { parsePositiveInteger } from './option-values.js';
import type { OptionSpec, ParsedValues } from './parse-command-args.js';

/** The options of every command that analyzes: the worker pool and the budgets of its jobs. */
export const POOL_OPTIONS: OptionSpec = {
  workers: { type: 'string' },
  'job-timeout': { type: 'string' },
  'job-memory': { type: 'string' },
};

/** Help lines of the pool options. */
export const POOL_HELP = `  --workers N            worker threads that analyze (default: the CPUs less one, 1 to 4; here ${defaultWorkerCount()})
  --job-timeout SECONDS  time budget of one job: reading one input, or analyzing the story (default ${DEFAULT_JOB_TIMEOUT_MS / 1000})
  --job-memory MB        memory budget of one worker (default ${DEFAULT_JOB_MEMORY_MB}, at least ${MIN_JOB_MEMORY_MB})`;

/** The pool settings from parsed flags (throws UsageError on bad values). */
export function poolOptions(command: string, values: ParsedValues): PoolOptions {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);
  const options: PoolOptions = {};
  const workers = text('workers');
  if (workers !== undefined) {
    options.workers = parsePositiveInteger(command, 'workers', workers);
    if (options.workers > MAX_WORKERS) throw new UsageError(`--workers must be at most ${MAX_WORKERS}`, command);
  }
  const timeout = text('job-timeout');
  if (timeout !== undefined) options.jobTimeoutMs = parseSeconds(command, timeout) * 1000;
  const memory = text('job-memory');
  if (memory !== undefined) {
    options.jobMemoryMb = parsePositiveInteger(command, 'job-memory', memory);
    if (options.jobMemoryMb < MIN_JOB_MEMORY_MB) {
      throw new UsageError(`--job-memory must be at least ${MIN_JOB_MEMORY_MB} (MB), got "${memory}"`, command);
    }
  }
  return options;
}

/** Runs `work` on a pool with these settings, and closes the pool afterwards (so that no worker outlives the run). */
export async function withPool<T>(settings: PoolOptions, work: (pool: AnalysisPool) => Promise<T>): Promise<T> {
  const pool = new AnalysisPool(settings);
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}

/** A number of seconds, whole or decimal (`60`, `2.5`), above zero. */
function parseSeconds(command: string, value: string): number {
  const n = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n > 0 && Number.isFinite(n))) {
    throw new UsageError(`--job-timeout must be a positive number of seconds (got "${value}")`, command);
  }
  return n;
}
