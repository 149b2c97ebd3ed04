/**
 * Runs fuzz inputs in a worker thread under a watchdog: past its time budget an input is an overrun; past the hang
 * limit the worker is stopped (terminate works even on a loop that never yields) and a fresh one takes its place;
 * past the memory limit the worker dies and that input is recorded as out of memory. The budget of an input grows
 * with the size of the largest text it is made of (`msPerMb`), so that reading a large input in linear time is not an
 * overrun while the same time on a small input is.
 */
import { Worker } from 'node:worker_threads';
import { problem, type Verdict } from './verdict.js';
import type { Job, JobResult, JobSize } from './worker.js';

/** How inputs are run. */
export interface PoolOptions {
  /** The targets the worker warms up. */
  targets: readonly string[];
  /** Time budget of one input in milliseconds, plus `msPerMb` for each million characters of its largest text. */
  budgetMs: number;
  /** Milliseconds of budget per million characters of an input (default 0: the same budget whatever the size). */
  msPerMb?: number;
  /** An input still running at this many budgets is a hang: the worker is stopped (default 4). */
  hangFactor?: number;
  /** Heap limit of the worker in MB (default 1536). */
  memoryMb?: number;
}

/** What running one input gave, how long it took (measured in the worker) and its largest text's length. */
export interface RunOutcome {
  verdict: Verdict;
  ms: number;
  chars: number;
}

/** The time budget of an input of `chars` characters. */
export function budgetFor(chars: number, options: { budgetMs: number; msPerMb?: number }): number {
  return Math.round(options.budgetMs + ((options.msPerMb ?? 0) * chars) / 1_000_000);
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
/** How long a new worker may take to load and warm up (modules, language model) before it counts as broken. */
const START_TIMEOUT_MS = 180_000;

/** One worker with a watchdog; `run` is called one input at a time. */
export class FuzzPool {
  private worker: Worker | null = null;
  private starting: Promise<Worker> | null = null;
  private nextId = 0;
  /** Workers started so far (the first, and one after each hang or death). */
  started = 0;

  /** A pool with its options (no worker starts before the first input). */
  constructor(private readonly options: PoolOptions) {}

  /** Runs one input of a target and returns its verdict, a budget overrun, a hang or a worker death. */
  async run(target: string, input: unknown): Promise<RunOutcome> {
    const worker = await this.ready();
    const hangFactor = this.options.hangFactor ?? 4;
    return new Promise((resolve) => {
      const id = ++this.nextId;
      const started = performance.now();
      let chars = 0;
      let timer: NodeJS.Timeout | undefined;
      // The hang limit, from the start, for the size known so far.
      const arm = () => {
        clearTimeout(timer);
        const hangMs = hangFactor * budgetFor(chars, this.options);
        timer = setTimeout(
          () => {
            const budget = `budget ${budgetFor(chars, this.options)} ms`;
            finish({ verdict: problem('hang', `no result within ${hangMs} ms (${budget})`), ms: hangMs, chars }, true);
          },
          hangMs - (performance.now() - started),
        );
      };
      const finish = (outcome: RunOutcome, broken: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (broken) this.discard(worker);
        resolve(outcome);
      };
      const onMessage = (message: JobResult | JobSize) => {
        if (message.id !== id) return;
        if ('size' in message) {
          chars = message.size;
          arm();
          return;
        }
        const budgetMs = budgetFor(message.chars, this.options);
        const over = message.ms > budgetMs && message.verdict.ok;
        const ms = Math.round(message.ms);
        const verdict = over ? problem('budget-overrun', `took ${ms} ms (budget ${budgetMs} ms)`) : message.verdict;
        finish({ verdict, ms, chars: message.chars }, false);
      };
      const onError = (error: Error & { code?: string }) => {
        const ms = Math.round(performance.now() - started);
        const verdict =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? problem('out-of-memory', `over the heap limit of ${this.options.memoryMb ?? 1536} MB after ${ms} ms`)
            : problem('worker-crash', `${error.name}: ${error.message}`.slice(0, 500), error.stack);
        finish({ verdict, ms, chars }, true);
      };
      const onExit = (code: number) =>
        finish({ verdict: problem('worker-crash', `the worker exited (${code})`), ms: 0, chars }, true);
      arm();
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, target, input } satisfies Job);
    });
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    const worker = this.worker ?? (await this.starting?.catch(() => null));
    this.worker = null;
    this.starting = null;
    await worker?.terminate();
  }

  private ready(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= this.start();
    return this.starting;
  }

  private start(): Promise<Worker> {
    this.started++;
    const worker = new Worker(ENTRY, {
      workerData: { targets: this.options.targets },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb ?? 1536 },
      stdout: true,
      stderr: true,
    });
    // What the code under test prints is not the fuzzer's output.
    worker.stdout.resume();
    worker.stderr.resume();
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        this.starting = null;
        void worker.terminate();
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error('the fuzz worker did not start in time')), START_TIMEOUT_MS);
      worker.once('error', fail);
      worker.once('message', () => {
        clearTimeout(timer);
        worker.off('error', fail);
        this.worker = worker;
        this.starting = null;
        resolve(worker);
      });
    });
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }
}
