/**
 * A piscina pool whose every job runs under a time budget and a memory budget. The time budget starts when a worker
 * starts the job (it says so), so that waiting in the queue never counts; past it, the job is aborted, which makes
 * piscina terminate that worker and start a fresh one. The memory budget is the worker's heap limit: a job past it
 * kills its worker (and only that job fails). Either way the job rejects with a JobStoppedError that says why.
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
    return this.piscina.queueSize;
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
    try {
      return (await this.piscina.run({ ...job, id }, { signal: budget.signal })) as JobResults[K];
    } catch (error) {
      throw this.stopReason(error, budget.signal);
    } finally {
      clearTimeout(timer);
      this.onStart.delete(id);
      this.pending.delete(id);
    }
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
