/**
 * The queue view: per queue, how many jobs wait, run, wait to retry, failed and went dead; how many finished in the
 * last minute and the last 15 minutes, and how long they were in hand; and the latest dead jobs with their errors.
 * Read from pg-boss 10's tables (`pgboss.job`), read-only.
 */
import { JOB_NAMES, QUEUE_SCHEMA, deadQueueOf, type JobName } from './job-catalog.js';

/** One queue's figures. */
export interface QueueFigures {
  name: JobName;
  /** Due or scheduled, not yet taken. */
  waiting: number;
  /** Failed at least once, waiting for their next attempt. */
  retrying: number;
  /** In some worker's hands now. */
  running: number;
  /** Out of attempts (also copied to the dead-letter queue). */
  failed: number;
  /** In the dead-letter queue. */
  dead: number;
  /** Finished in the last minute and in the last 15 minutes. */
  completedLastMinute: number;
  completedLast15Minutes: number;
  /** Jobs finished per second over the last 15 minutes. */
  perSecond: number;
  /** Mean time a finished job was in a worker's hands over the last 15 minutes, in milliseconds (null: none). */
  meanMs: number | null;
}

/** A job in a dead-letter queue. */
export interface DeadJob {
  id: string;
  queue: JobName;
  /** What the job was about: the story id, the feed id, or the queued article's number. */
  subject: string | null;
  error: string | null;
  /** When it died (ISO 8601). */
  at: string;
}

/** The whole queue view. */
export interface QueueStats {
  queues: QueueFigures[];
  dead: DeadJob[];
}

/** Runs one SQL statement. */
export type RunSql = (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;

/** Latest dead jobs listed. */
const DEAD_LISTED = 20;

const COUNTS_SQL = `
  SELECT name, state::text AS state, count(*)::integer AS n FROM ${QUEUE_SCHEMA}.job
  WHERE name = ANY($1) AND state IN ('created', 'retry', 'active', 'failed')
  GROUP BY name, state`;

const THROUGHPUT_SQL = `
  SELECT name,
    count(*) FILTER (WHERE completed_on > now() - interval '1 minute')::integer AS last_minute,
    count(*)::integer AS last_15,
    avg(extract(epoch FROM completed_on - started_on) * 1000)::float8 AS mean_ms
  FROM ${QUEUE_SCHEMA}.job
  WHERE name = ANY($1) AND state = 'completed' AND completed_on > now() - interval '15 minutes'
  GROUP BY name`;

const DEAD_SQL = `
  SELECT id::text, name, COALESCE(data->>'storyId', data->>'feedId', data->>'queuePk') AS subject,
    COALESCE(data->>'error', output->>'message', output->'value'->>'message') AS error, created_on
  FROM ${QUEUE_SCHEMA}.job WHERE name = ANY($1) ORDER BY created_on DESC LIMIT ${DEAD_LISTED}`;

const DEAD_COUNT_SQL = `SELECT name, count(*)::integer AS n FROM ${QUEUE_SCHEMA}.job WHERE name = ANY($1) GROUP BY name`;

/** Reads the queue view. */
export async function readQueueStats(run: RunSql): Promise<QueueStats> {
  const names = [...JOB_NAMES];
  const deadNames = names.map(deadQueueOf);
  const [counts, throughput, dead, deadCounts] = await Promise.all([
    run(COUNTS_SQL, [names]),
    run(THROUGHPUT_SQL, [names]),
    run(DEAD_SQL, [deadNames]),
    run(DEAD_COUNT_SQL, [deadNames]),
  ]);
  const count = (name: string, state: string): number =>
    (counts.rows as { name: string; state: string; n: number }[]).find((r) => r.name === name && r.state === state)
      ?.n ?? 0;
  const liveOf = (name: string) =>
    (throughput.rows as { name: string; last_minute: number; last_15: number; mean_ms: number | null }[]).find(
      (r) => r.name === name,
    );
  const deadOf = (name: string) =>
    (deadCounts.rows as { name: string; n: number }[]).find((r) => r.name === deadQueueOf(name as JobName))?.n ?? 0;
  const queues = names.map((name): QueueFigures => {
    const live = liveOf(name);
    return {
      name,
      waiting: count(name, 'created'),
      retrying: count(name, 'retry'),
      running: count(name, 'active'),
      failed: count(name, 'failed'),
      dead: deadOf(name),
      completedLastMinute: live?.last_minute ?? 0,
      completedLast15Minutes: live?.last_15 ?? 0,
      perSecond: Math.round(((live?.last_15 ?? 0) / 900) * 1000) / 1000,
      meanMs: live?.mean_ms === null || live?.mean_ms === undefined ? null : Math.round(live.mean_ms),
    };
  });
  const deadJobs = (
    dead.rows as { id: string; name: string; subject: string | null; error: string | null; created_on: Date }[]
  ).map((row): DeadJob => ({
    id: row.id,
    queue: row.name.replace(/-dead$/, '') as JobName,
    subject: row.subject,
    error: row.error,
    at: new Date(row.created_on).toISOString(),
  }));
  return { queues, dead: deadJobs };
}
