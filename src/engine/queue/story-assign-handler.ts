import type { JobHandler } from './job-handler.js';
import type { JobQueue } from './job-queue.js';
import type { StreamWriter } from './stream-writer.js';

/** Seconds a turn waits when another writer holds the stream. */
const BUSY_RETRY_SECONDS = 2;

/**
 * `story-assign`: a turn of the stream's writer (see StreamWriter). Idempotent: a turn whose worker died before saying
 * so either committed its articles (they are placed, no longer queued) or not (they wait still), and the next turn
 * takes whatever waits. When more wait than a turn takes, or another writer held the stream, it sends itself again.
 */
export function storyAssignHandler(writer: StreamWriter, queue: JobQueue): JobHandler<'story-assign'> {
  return {
    async run(jobs) {
      const result = await writer.turn();
      if (result.busy) await queue.send('story-assign', {}, { startAfterSeconds: BUSY_RETRY_SECONDS });
      else if (result.more) await queue.send('story-assign', {});
      const kinds: Record<string, number> = {};
      for (const o of result.outcomes) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
      const output = {
        ...kinds,
        rejected: result.rejected,
        more: result.more,
        busy: result.busy,
        caughtUp: result.caughtUp,
      };
      return jobs.map(() => ({ ok: true as const, output }));
    },
  };
}
