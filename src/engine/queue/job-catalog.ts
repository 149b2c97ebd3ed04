/**
 * The jobs of the stream pipeline on the queue: their names, what each carries, and how each is retried. Every job is
 * idempotent (running it twice leaves what running it once does), so a job that a crash interrupted is simply run
 * again; back-off grows exponentially between attempts; a job out of attempts goes to its dead-letter queue
 * (`NAME-dead`), where it stays, with its error, for `DEAD_RETENTION_DAYS`, listed by the queue view.
 *
 * A job names its work (a feed, a queued article, a story) and the work itself lives in the stream's storage: the job
 * is a wake-up call, sent in the same transaction as the data it is about (see `stream-follow-ups.ts`).
 */

/** The PostgreSQL schema of the queue's tables (pg-boss's own). */
export const QUEUE_SCHEMA = 'pgboss';

/** The queues of the pipeline, in pipeline order. */
export const JOB_NAMES = ['feed-poll', 'article-read', 'story-assign', 'story-analyze'] as const;

/** The name of a job queue. */
export type JobName = (typeof JOB_NAMES)[number];

/** Polls a feed (when it is due) and queues the articles it names. */
export interface FeedPollJob {
  feedId: string;
  /** The host request slot reserved for it, when it was put off until then (see `hostTurn`). */
  slotAt?: string;
}

/** Fetches a queued article's page (unless its entry carries it) and reads it, for the stream's writer to place. */
export interface ArticleReadJob {
  queuePk: number;
  /** The host request slot reserved for it, when it was put off until then (see `hostTurn`). */
  slotAt?: string;
}

/** Places the read articles in stories, in queue order, a turn at a time: the stream's one writer. */
export type StoryAssignJob = Record<string, never>;

/** (Re)computes a story's report from its current articles, once the story stopped changing for a moment. */
export interface StoryAnalyzeJob {
  storyId: string;
}

/** The payload of each kind of job. */
export interface JobPayloads {
  'feed-poll': FeedPollJob;
  'article-read': ArticleReadJob;
  'story-assign': StoryAssignJob;
  'story-analyze': StoryAnalyzeJob;
}

/** How a queue treats its jobs (pg-boss queue options). */
export interface QueueSpec {
  /**
   * `standard`: any number of jobs; `short`: per key, at most one job waiting (a second request for the same work
   * while one waits is folded into it); `stately`: per key, at most one waiting and one running.
   */
  policy: 'standard' | 'short' | 'stately';
  /** Attempts after the first. */
  retryLimit: number;
  /** Seconds before the first retry; doubled (with jitter) at every further attempt. */
  retryDelaySeconds: number;
  /** A job still running after this long is taken as lost (its worker died) and run again. */
  expireInSeconds: number;
  /** Jobs one worker takes at once. */
  batchSize: number;
}

/** Days a dead job is kept in its dead-letter queue. */
export const DEAD_RETENTION_DAYS = 30;

/**
 * The settings of each queue. Placement is `stately` on one key: the stream has one writer at a time. Polls and
 * analyses are `short` per feed and per story: a burst of changes costs one analysis; `stately` would be stricter but
 * a job waiting behind a running one of its key holds up pg-boss's fetch of the whole queue.
 */
export const QUEUE_SPECS: Readonly<Record<JobName, QueueSpec>> = {
  'feed-poll': { policy: 'short', retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 300, batchSize: 1 },
  'article-read': { policy: 'standard', retryLimit: 5, retryDelaySeconds: 5, expireInSeconds: 300, batchSize: 4 },
  'story-assign': { policy: 'stately', retryLimit: 8, retryDelaySeconds: 1, expireInSeconds: 120, batchSize: 1 },
  'story-analyze': { policy: 'short', retryLimit: 4, retryDelaySeconds: 5, expireInSeconds: 900, batchSize: 1 },
};

/** The key that folds jobs together (see `QueueSpec.policy`): the feed, the stream, the story; none for a read. */
export function singletonKeyOf<N extends JobName>(name: N, data: JobPayloads[N]): string | undefined {
  switch (name) {
    case 'feed-poll':
      return (data as FeedPollJob).feedId;
    case 'story-assign':
      return 'stream';
    case 'story-analyze':
      return (data as StoryAnalyzeJob).storyId;
    default:
      return undefined;
  }
}

/** The dead-letter queue of a queue. */
export function deadQueueOf(name: JobName): string {
  return `${name}-dead`;
}

/** True for the name of a queue of this build. */
export function isJobName(value: string): value is JobName {
  return (JOB_NAMES as readonly string[]).includes(value);
}
