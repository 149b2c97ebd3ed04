/**
 * The jobs of the pipeline on the queue: their names, what each carries, and how each is retried. Every job is
 * idempotent (running it twice leaves what running it once does), so a job that a crash interrupted is simply run
 * again; back-off grows exponentially between attempts; a job out of attempts goes to its dead-letter queue
 * (`NAME-dead`), where it stays, with its error, for `DEAD_RETENTION_DAYS`, listed by the queue view.
 */
import type { ClusterDoc } from '../../core/cluster/index.js';

/** The PostgreSQL schema of the queue's tables (pg-boss's own). */
export const QUEUE_SCHEMA = 'pgboss';

/** The queues this build works. */
export const JOB_NAMES = ['story-assign', 'story-analyze'] as const;

/** The name of a job queue. */
export type JobName = (typeof JOB_NAMES)[number];

/** An article to place into a story: the document the clusterer reads, with its address. */
export interface StreamDoc extends ClusterDoc {
  url?: string | null;
}

/**
 * Places the articles waiting in a partition (a stream of articles clustered together) into stories, in arrival
 * order, a turn (up to 500) at a time; sends itself again while more wait.
 */
export interface StoryAssignJob {
  /** The partition: lower-case letters, digits and `_` (default `main`). */
  partition: string;
}

/** (Re)computes a story's report from its articles, once the story stopped changing for a moment. */
export interface StoryAnalyzeJob {
  storyId: string;
}

/** The payload of each kind of job. */
export interface JobPayloads {
  'story-assign': StoryAssignJob;
  'story-analyze': StoryAnalyzeJob;
}

/** How a queue treats its jobs (pg-boss queue options). */
export interface QueueSpec {
  /**
   * `standard`: any number of jobs at once; `stately`: per singleton key, at most one job waiting and one running,
   * so that repeated requests for the same work (a story changed again) fold into one.
   */
  policy: 'standard' | 'stately';
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

/** The settings of each queue. */
export const QUEUE_SPECS: Readonly<Record<JobName, QueueSpec>> = {
  'story-assign': {
    policy: 'stately',
    retryLimit: 8,
    retryDelaySeconds: 1,
    expireInSeconds: 120,
    batchSize: 1,
  },
  'story-analyze': {
    policy: 'stately',
    retryLimit: 4,
    retryDelaySeconds: 5,
    expireInSeconds: 900,
    batchSize: 1,
  },
};

/**
 * The key that folds jobs together in a `stately` queue (one waiting and one running per key): the partition of a
 * placement, the story of an analysis.
 */
export function singletonKeyOf<N extends JobName>(name: N, data: JobPayloads[N]): string {
  return name === 'story-analyze'
    ? String((data as StoryAnalyzeJob).storyId)
    : String((data as StoryAssignJob).partition);
}

/** The dead-letter queue of a queue. */
export function deadQueueOf(name: JobName): string {
  return `${name}-dead`;
}

/** True for the name of a queue of this build. */
export function isJobName(value: string): value is JobName {
  return (JOB_NAMES as readonly string[]).includes(value);
}

/** A partition key as stored: lower-case letters, digits and `_`, 1 to 40 of them. */
export const PARTITION_KEY = /^[a-z0-9_]{1,40}$/;

/** The partition of a stream when none is named. */
export const DEFAULT_PARTITION = 'main';
