/**
 * The fuzz worker: warms the targets it will run, says it is ready, then runs one input at a time and answers with
 * the verdict and the time the run took. The main thread's watchdog stops it when an input overruns its budget.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setMaterializeListener } from './mutations.js';
import { runTarget } from './target.js';
import { targetNamed } from './targets/index.js';
import type { Verdict } from './verdict.js';

/** A job from the pool. */
export interface Job {
  id: number;
  target: string;
  input: unknown;
}

/** The answer to a job: its verdict, how long it ran, and the length of the largest text it was made of. */
export interface JobResult {
  id: number;
  verdict: Verdict;
  ms: number;
  chars: number;
}

/** Sent while a job runs, each time it makes a text larger than any before: the pool then widens its budget. */
export interface JobSize {
  id: number;
  size: number;
}

const port = parentPort;
if (!port) throw new Error('the fuzz worker runs in a worker thread');
const names = (workerData as { targets: string[] }).targets;
for (const name of names) {
  // A target that fails to warm up fails on its inputs too, where the failure is recorded.
  await targetNamed(name)
    .warm?.()
    .catch(() => undefined);
}
port.on('message', (job: Job) => {
  const started = performance.now();
  let chars = 0;
  setMaterializeListener((length) => {
    if (length <= chars) return;
    chars = length;
    port.postMessage({ id: job.id, size: chars } satisfies JobSize);
  });
  void runTarget(targetNamed(job.target), job.input).then((verdict) =>
    port.postMessage({ id: job.id, verdict, ms: performance.now() - started, chars } satisfies JobResult),
  );
});
port.postMessage({ ready: true });
