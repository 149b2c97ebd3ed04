import type { JobHandler, JobOutcome } from './job-handler.js';
import type { StoryAssignJob } from './job-catalog.js';
import type { QueueJob } from './job-queue.js';
import { PartitionKeyError, type StoryAssigner } from './story-assigner.js';

/**
 * Places a batch of articles: the jobs of each partition in one transaction, in the order the queue gave them. An
 * article already placed (the job ran before and its worker died before saying so) keeps its place; a bad article
 * is rejected for good (a retry would read the same bad input).
 */
export function storyAssignHandler(assigner: StoryAssigner): JobHandler<'story-assign'> {
  return {
    async run(jobs) {
      const outcomes = new Map<string, JobOutcome>();
      for (const job of jobs.filter((j) => !isAssignJob(j.data))) {
        const error = new Error('the job carries no article object {id, text, title?, date?, outlet?} and partition');
        outcomes.set(job.id, { ok: false, error, permanent: true });
      }
      for (const [partition, group] of byPartition(jobs.filter((j) => isAssignJob(j.data)))) {
        try {
          const placements = await assigner.assign(
            partition,
            group.map((job) => job.data.article),
          );
          placements.forEach((placement, i) => {
            const job = group[i]!;
            outcomes.set(
              job.id,
              'rejected' in placement
                ? { ok: false, error: new Error(placement.rejected), permanent: true }
                : { ok: true, output: { ...placement } },
            );
          });
        } catch (error) {
          if (!(error instanceof PartitionKeyError)) throw error;
          for (const job of group) outcomes.set(job.id, { ok: false, error, permanent: true });
        }
      }
      return jobs.map((job) => outcomes.get(job.id)!);
    },
  };
}

/** True for job data of the expected shape (a job may have been written by anyone with access to the database). */
function isAssignJob(data: unknown): data is StoryAssignJob {
  const job = data as Partial<StoryAssignJob> | null;
  return (
    typeof job === 'object' &&
    job !== null &&
    typeof job.partition === 'string' &&
    typeof job.article === 'object' &&
    job.article !== null
  );
}

/** The jobs grouped by partition, each group in the order given. */
function byPartition(jobs: readonly QueueJob<StoryAssignJob>[]): Map<string, QueueJob<StoryAssignJob>[]> {
  const groups = new Map<string, QueueJob<StoryAssignJob>[]>();
  for (const job of jobs) groups.set(job.data.partition, [...(groups.get(job.data.partition) ?? []), job]);
  return groups;
}
