import type { PgStreamFollowUps } from '../storage/pg-stream-repository.js';
import type { JobQueue } from './job-queue.js';

/** Seconds a changed story waits before its analysis starts (the stream's debounce), so a burst costs one analysis. */
export const DEFAULT_ANALYZE_DELAY_SECONDS = 30;

/**
 * The stream's follow-up work as jobs, sent inside the transaction of the write that causes it: a feed added or polled
 * gets its next poll, a queued article (or one due again after a failure) its read, a read article a turn of the
 * stream's writer, a changed story its analysis after `analyzeDelaySeconds`. A write that rolls back sends nothing; a
 * write that commits can never be without its job.
 */
export function jobFollowUps(queue: JobQueue, options: { analyzeDelaySeconds?: number } = {}): PgStreamFollowUps {
  const delay = options.analyzeDelaySeconds ?? DEFAULT_ANALYZE_DELAY_SECONDS;
  return {
    async feedsScheduled(client, feeds) {
      const jobs = feeds.map((f) => ({ data: { feedId: f.id }, startAfter: f.nextPollAt }));
      await queue.sendManyInTransaction(client, 'feed-poll', jobs);
    },
    async itemsQueued(client, items) {
      const jobs = items.map((i) => ({ data: { queuePk: i.pk }, startAfter: i.dueAt }));
      await queue.sendManyInTransaction(client, 'article-read', jobs);
    },
    async itemRead(client) {
      await queue.sendInTransaction(client, 'story-assign', {});
    },
    async storiesChanged(client, storyIds) {
      for (const storyId of storyIds) {
        await queue.sendInTransaction(client, 'story-analyze', { storyId }, { startAfterSeconds: delay });
      }
    },
  };
}
