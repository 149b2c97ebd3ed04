/**
 * The fuzz worker: warms the targets it will run, says it is ready, then runs one input at a time and answers with
 * the verdict and the time the run took. The main thread's watchdog stops it when an input overruns its budget.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runTarget } from './target.js';
import { targetNamed } from './targets/index.js';
import type { Verdict } from './verdict.js';

/** A job from the pool. */
export interface Job {
  id: number;
  target: string;
  input: unknown;
}

/** The answer to a job. */
export interface JobResult {
  id: number;
  verdict: Verdict;
  ms: number;
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
  void runTarget(targetNamed(job.target), job.input).then((verdict) =>
    port.postMessage({ id: job.id, verdict, ms: performance.now() - started } satisfies JobResult),
  );
});
port.postMessage({ ready: true });
