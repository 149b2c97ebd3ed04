import type { JobHandler, JobOutcome } from './job-handler.js';
import { PartitionKeyError, type StoryAssigner } from './story-assigner.js';

/**
 * Places the articles waiting in a partition, a turn at a time, in arrival order (see StoryAssigner). Idempotent: a
 * turn whose worker died before saying so was either rolled back whole (its articles wait still) or committed (they
 * are placed), and the next turn takes whatever waits. A job naming no valid partition is rejected for good.
 */
export function storyAssignHandler(assigner: StoryAssigner): JobHandler<'story-assign'> {
  return {
    async run(jobs) {
      const outcomes: JobOutcome[] = [];
      for (const job of jobs) {
        try {
          const { placements, more } = await assigner.placeWaiting(
            (job.data as { partition?: unknown })?.partition as string,
          );
          const rejected = placements.filter((p) => 'rejected' in p).length;
          outcomes.push({ ok: true, output: { placed: placements.length - rejected, rejected, more } });
        } catch (error) {
          if (!(error instanceof PartitionKeyError)) throw error;
          outcomes.push({ ok: false, error, permanent: true });
        }
      }
      return outcomes;
    },
  };
}
