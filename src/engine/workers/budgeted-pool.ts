/**
 * A piscina pool whose every job runs under a time budget and a memory budget. The time budget starts when a worker
 * starts the job (it says so), so that waiting in the queue never counts; past it, the job is aborted, which makes
 * piscina terminate that worker and start a fresh one. The memory budget is the worker's heap limit: a job past it
 * kills its worker (and only that job fails). Either way the job rejects with a JobStoppedError that says why.
 *
 * Jobs wait for a worker here, not in piscina's queue: when piscina stops a worker for an aborted job it starts a new
 * one only up to `minThreads` (0 here), so a job waiting in its queue while every running job was aborted was never
 * started, and a CLI run ended with its last job unsettled (exit code 13). Giving piscina only as many jobs as there are
 * workers makes it start a worker for each job it is given.
 */
import { Piscina } from 'piscina';
import { resolvePoolSettings, type PoolOptions, type PoolSettings } from './budget-options.js';
import { isJobStarted, type Job, type JobResults } from './jobs.js';
import { JobStoppedError } from './job-stopped-error.js';
import { analysisWorkerEntry, type WorkerEntry } from './worker-entry.js';

/** How much lower than the main thread's the CPU priority of low-priority workers is (a nice increment, 0 to 19). */
const LOW_PRIORITY_NICENESS = 10;

/** Options of a budgeted pool: the budgets and, for tests, another worker module. */
export interface BudgetedPoolOptions extends PoolOptions {
  /** The worker module (default: the analysis worker). */
  entry?: WorkerEntry;
}

/** Runs jobs on worker threads under budgets. */
export class BudgetedPool {
  /** The settings in force. */
  readonly settings: PoolSettings;
  private readonly piscina: Piscina;
  private readonly onStart = new Map<number, () => void>();
  /** The budget of every job not yet settled, to fail them all if the workers cannot start. */
  private readonly pending = new Map<number, AbortController>();
  private nextId = 1;
  private closed = false;
  /** Jobs given to piscina and not settled: at most one per worker. */
  private running = 0;
  /** Jobs waiting for a worker, first come first served. */
  private readonly waiting: (() => void)[] = [];

  /** Starts the pool (its workers start on first use, then stay up until `close`). */
  constructor(options: BudgetedPoolOptions = {}) {
    this.settings = resolvePoolSettings(options);
    const entry = options.entry ?? analysisWorkerEntry();
    this.piscina = new Piscina({
      filename: entry.filename,
      execArgv: entry.execArgv,
      minThreads: 0,
      maxThreads: this.settings.workers,
      // Workers are slow to start (they load the language models): keep them while there is work now and then.
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.settings.jobMemoryMb },
      // On Linux, through piscina's optional @napi-rs/nice (elsewhere the setting does nothing).
      niceIncrement: this.settings.lowPriority ? LOW_PRIORITY_NICENESS : 0,
    });
    this.piscina.on('message', (message: unknown) => {
      if (isJobStarted(message)) this.onStart.get(message.parallaxJobStarted)?.();
    });
    // A worker that dies between jobs is replaced by piscina (without a listener the event would end the process).
    // One that dies while starting is not replaced, and the jobs waiting for it would wait forever: fail them (the
    // next job tries a new worker).
    this.piscina.on('error', (error: unknown) => {
      if (this.piscina.threads.length > 0) return;
      const detail = error instanceof Error ? error.message : String(error);
      this.failPending(JobStoppedError.workerFailed(`the analysis worker could not start (${detail})`));
    });
  }

  /** Jobs waiting for a free worker. */
  get queued(): number {
    return this.waiting.length + this.piscina.queueSize;
  }

  /** Jobs given and not yet settled (running or waiting). */
  get active(): number {
    return this.pending.size;
  }

  /** Runs one job and resolves to its result; rejects with JobStoppedError when it is stopped. */
  async run<K extends Job['kind']>(job: Extract<Job, { kind: K }>): Promise<JobResults[K]> {
    if (this.closed) throw JobStoppedError.workerFailed('the analysis pool is closed');
    const id = this.nextId++;
    const budget = new AbortController();
    this.pending.set(id, budget);
    let timer: NodeJS.Timeout | undefined;
    this.onStart.set(id, () => {
      timer = setTimeout(
        () => budget.abort(JobStoppedError.overTime(this.settings.jobTimeoutMs)),
        this.settings.jobTimeoutMs,
      );
    });
    let holdsWorker = false;
    try {
      await this.workerFor(budget.signal);
      holdsWorker = true;
      return (await this.piscina.run({ ...job, id }, { signal: budget.signal })) as JobResults[K];
    } catch (error) {
      throw this.stopReason(error, budget.signal);
    } finally {
      clearTimeout(timer);
      this.onStart.delete(id);
      this.pending.delete(id);
      if (holdsWorker) this.releaseWorker();
    }
  }

  /** Resolves when a worker is free for one more job; rejects with the budget's reason if it is stopped first. */
  private workerFor(budget: AbortSignal): Promise<void> {
    if (this.running < this.settings.workers) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const take = (): void => {
        budget.removeEventListener('abort', stop);
        resolve();
      };
      const stop = (): void => {
        const i = this.waiting.indexOf(take);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(budget.reason as Error);
      };
      if (budget.aborted) return stop();
      budget.addEventListener('abort', stop, { once: true });
      this.waiting.push(take);
    });
  }

  /** Gives a finished job's worker to the next waiting job (its count stays), or frees it. */
  private releaseWorker(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  /** Stops every worker at once (running jobs fail); later jobs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    this.failPending(JobStoppedError.workerFailed('the analysis pool was closed'));
    await this.piscina.destroy();
  }

  /** Fails every job not yet settled with the reason. */
  private failPending(reason: JobStoppedError): void {
    for (const budget of this.pending.values()) budget.abort(reason);
  }

  /** The error a failed job rejects with: the budget it went over, or what else stopped its worker. */
  private stopReason(error: unknown, budget: AbortSignal): unknown {
    if (budget.aborted && budget.reason instanceof JobStoppedError) return budget.reason;
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') return JobStoppedError.overMemory(this.settings.jobMemoryMb);
    if (error instanceof Error && /^worker exited with code/.test(error.message)) {
      return JobStoppedError.workerFailed(`the worker stopped (${error.message})`);
    }
    // An error thrown by the job itself (a bug in a stage): the caller reports it as it would in-process.
    return error;
  }
}
