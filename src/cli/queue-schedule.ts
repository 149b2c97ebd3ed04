/**
 * What the stream commands do on a PostgreSQL library: its work (polls, reads, placements, reports) is done by
 * `parallax worker` processes through the job queue, so a command makes sure every piece of pending work has its job
 * (see reconcileJobs) and says how the queue stands.
 */
import type { QueueLibrary } from '../engine/queue/open-queue-library.js';
import type { QueueStats } from '../engine/queue/queue-stats.js';
import { reconcileJobs } from '../engine/queue/reconcile-jobs.js';
import { resolveStreamOptions } from '../engine/stream/stream-options.js';
import type { CliIo } from './io.js';

/** How often the jobs of pending work are made sure of while a command runs. */
const SCHEDULE_EVERY_MS = 60_000;

/** Sends the jobs of pending work that has none; resolves to how many it sent. */
export async function scheduleJobs(library: QueueLibrary): Promise<number> {
  const sent = await reconcileJobs(library, resolveStreamOptions());
  return sent.polls + sent.reads + sent.turns + sent.analyses;
}

/** Makes sure of the jobs now and every minute after; resolves to the function that stops it. */
export async function keepJobsScheduled(library: QueueLibrary, io: CliIo): Promise<() => Promise<void>> {
  await scheduleJobs(library);
  const timer = setInterval(() => {
    scheduleJobs(library).catch((error: unknown) =>
      io.stderr.write(
        `parallax: cannot reach the job queue: ${error instanceof Error ? error.message : String(error)}\n`,
      ),
    );
  }, SCHEDULE_EVERY_MS);
  timer.unref();
  io.stderr.write("parallax: the library's stream is worked by `parallax worker` processes (jobs on the queue)\n");
  return async () => clearInterval(timer);
}

/** One line on the queue: the jobs waiting, running, failed and dead, per stage. */
export function queueLine(stats: QueueStats): string {
  const stages = stats.queues.map((q) => `${q.name} ${q.waiting + q.retrying}/${q.running}`).join(', ');
  const failed = stats.queues.reduce((n, q) => n + q.failed, 0);
  const dead = stats.queues.reduce((n, q) => n + q.dead, 0);
  return `parallax: jobs waiting/running: ${stages}; ${failed} failed, ${dead} dead\n`;
}
