import PgBoss from 'pg-boss';
import type { PgTransaction } from '../storage/pg-pool.js';
import {
  DEAD_RETENTION_DAYS,
  JOB_NAMES,
  QUEUE_SCHEMA,
  QUEUE_SPECS,
  deadQueueOf,
  singletonKeyOf,
  type JobName,
  type JobPayloads,
  type QueueSpec,
} from './job-catalog.js';
import { readQueueStats, type QueueStats } from './queue-stats.js';

/** How to open the queue. */
export interface JobQueueOptions {
  /** A `postgres://` URL: the queue lives in the same database as the library. */
  url: string;
  /** Most connections of the queue in this process (default 4). */
  maxConnections?: number;
  /**
   * Overrides of `expireInSeconds` for every queue: how long a job may stay in a worker's hands before it is taken as
   * lost and run again. It is stored with the queue and applies to the jobs sent from then on. Lost jobs are looked
   * for at half the shortest lease (1 s to 1 min).
   */
  jobTimeoutSeconds?: number;
  /** Changes to the settings of some queues (e.g. fewer, faster retries in tests). */
  specs?: { [N in JobName]?: Partial<QueueSpec> };
  /** Where errors of the queue's background work go (a lost connection); they never end the process. */
  onError?: (error: Error) => void;
}

/** A job as a worker receives it. */
export interface QueueJob<T> {
  id: string;
  name: JobName;
  data: T;
  /** Attempts before this one. */
  retryCount: number;
}

/** Options of sending one job. */
export interface SendOptions {
  /** Seconds to wait before the job may start (a debounce), or the ISO time it may start at. */
  startAfterSeconds?: number;
  startAfter?: string;
  /** A fixed job id: sending the same id again while the job is kept does nothing (an idempotent enqueue). */
  id?: string;
}

/** The job queue of the pipeline, on PostgreSQL (pg-boss 10). */
export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly specs: Readonly<Record<JobName, QueueSpec>>,
    private readonly overridden: boolean,
  ) {}

  /** Connects, installs or migrates the queue's schema, and creates every queue and its dead-letter queue. */
  static async open(options: JobQueueOptions): Promise<JobQueue> {
    const timeout = options.jobTimeoutSeconds;
    const specs = Object.fromEntries(
      JOB_NAMES.map((name) => [
        name,
        { ...QUEUE_SPECS[name], ...(timeout ? { expireInSeconds: timeout } : {}), ...options.specs?.[name] },
      ]),
    ) as Record<JobName, QueueSpec>;
    const boss = new PgBoss({
      connectionString: options.url,
      schema: QUEUE_SCHEMA,
      application_name: 'parallax-queue',
      max: options.maxConnections ?? 4,
      schedule: false,
      supervise: true,
      // Lost jobs are looked for at half the shortest lease: a dead worker's job waits at most 1.5 leases.
      maintenanceIntervalSeconds: Math.min(60, Math.max(1, Math.floor(shortestLease(specs) / 2))),
    });
    boss.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
    await boss.start();
    const queue = new JobQueue(boss, specs, timeout !== undefined || options.specs !== undefined);
    try {
      await queue.createQueues();
    } catch (error) {
      await boss.stop({ graceful: false, wait: true });
      throw error;
    }
    return queue;
  }

  /** The settings of a queue. */
  spec(name: JobName): QueueSpec {
    return this.specs[name];
  }

  /** Enqueues a job; null when an equal job (same id, or same key in a stately queue) is already waiting. */
  send<N extends JobName>(name: N, data: JobPayloads[N], options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data as object, toBossOptions(name, data, options));
  }

  /** Enqueues a job inside the caller's transaction: it exists exactly when the transaction commits. */
  sendInTransaction<N extends JobName>(
    client: PgTransaction,
    name: N,
    data: JobPayloads[N],
    options: SendOptions = {},
  ): Promise<string | null> {
    const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
    return this.boss.send(name, data as object, { ...toBossOptions(name, data, options), db });
  }

  /**
   * Enqueues many jobs of one queue in one statement inside the caller's transaction (each folded with an equal one
   * waiting, as `send` does); `startAfter` is an ISO time.
   */
  async sendManyInTransaction<N extends JobName>(
    client: PgTransaction,
    name: N,
    jobs: readonly { data: JobPayloads[N]; startAfter?: string }[],
  ): Promise<void> {
    if (jobs.length === 0) return;
    const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
    const rows = jobs.map(({ data, startAfter }) => {
      const key = singletonKeyOf(name, data);
      return {
        name,
        data: data as object,
        ...(startAfter ? { startAfter } : {}),
        ...(key ? { singletonKey: key } : {}),
      };
    });
    await this.boss.insert(rows, { db });
  }

  /** Takes up to `batchSize` jobs that are due, marking them active (no other worker gets them). */
  async fetch<N extends JobName>(name: N, batchSize: number): Promise<QueueJob<JobPayloads[N]>[]> {
    const jobs = await this.boss.fetch<JobPayloads[N]>(name, { batchSize, includeMetadata: true });
    return jobs.map((job) => ({ id: job.id, name, data: job.data, retryCount: job.retryCount }));
  }

  /** Marks jobs done. */
  async complete(name: JobName, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.boss.complete(name, [...ids]);
  }

  /** Marks jobs failed: each is retried after its back-off, or goes to the dead-letter queue when out of attempts. */
  async fail(name: JobName, ids: readonly string[], error: Error): Promise<void> {
    // One at a time: the error goes with each (failures are few).
    for (const id of ids) await this.boss.fail(name, id, { message: error.message, name: error.name });
  }

  /**
   * Ends a job that can never succeed (its input is bad): done, with no retry, and a copy with the reason in the
   * dead-letter queue (the copy has the job's id, so doing this twice keeps one copy).
   */
  async reject(name: JobName, job: QueueJob<unknown>, error: Error): Promise<void> {
    await this.boss.send(deadQueueOf(name), { ...(job.data as object), error: error.message }, { id: job.id });
    await this.boss.complete(name, job.id, { rejected: error.message });
  }

  /**
   * Jobs of these queues that are not finished: in some worker's hands, or waiting (or waiting to retry) to start
   * within `horizonSeconds` (a feed's next poll in a quarter of an hour is not work to wait for; default: any time).
   */
  async unfinished(names: readonly JobName[], horizonSeconds?: number): Promise<number> {
    const horizon =
      horizonSeconds === undefined ? '' : `AND (state = 'active' OR start_after < now() + $2 * interval '1 second')`;
    const { rows } = await this.boss
      .getDb()
      .executeSql(
        `SELECT count(*)::integer AS n FROM ${QUEUE_SCHEMA}.job WHERE name = ANY($1) AND state < 'completed' ${horizon}`,
        horizonSeconds === undefined ? [names] : [names, horizonSeconds],
      );
    return (rows[0] as { n: number } | undefined)?.n ?? 0;
  }

  /**
   * Settles the failures that were folds, and returns how many. A stately queue keeps one job per state and key, so a
   * job that fails (or outlives its lease, its worker gone) while another of its key waits to retry cannot go to
   * retry: pg-boss marks it failed and copies it to the dead-letter queue, though it had attempts left and the job
   * waiting covers its work. Such a job is marked completed (its error kept in its output) and its copy, made in the
   * same statement (same time), leaves the dead-letter queue, so only jobs out of attempts are shown as dead.
   */
  async settleFolded(): Promise<number> {
    const names = JOB_NAMES.filter((name) => this.specs[name].policy === 'stately');
    if (names.length === 0) return 0;
    const { rows } = await this.boss.getDb().executeSql(
      `WITH folded AS (
         UPDATE ${QUEUE_SCHEMA}.job SET state = 'completed', output = jsonb_build_object('folded', true, 'error', output)
         WHERE name = ANY($1) AND state = 'failed' AND retry_count < retry_limit
         RETURNING name, completed_on
       ), counts AS (
         SELECT name || '-dead' AS dead, completed_on AS at, count(*) AS n FROM folded GROUP BY 1, 2
       ), copies AS (
         SELECT d.id, row_number() OVER (PARTITION BY d.name, d.created_on ORDER BY d.id) AS rn, c.n
         FROM ${QUEUE_SCHEMA}.job d JOIN counts c ON d.name = c.dead AND d.created_on = c.at
       ), removed AS (
         DELETE FROM ${QUEUE_SCHEMA}.job WHERE name = ANY($2) AND id IN (SELECT id FROM copies WHERE rn <= n)
       )
       SELECT count(*)::integer AS n FROM folded`,
      [names, names.map(deadQueueOf)],
    );
    return (rows[0] as { n: number } | undefined)?.n ?? 0;
  }

  /** Counts per queue and state, throughput and the latest dead jobs (the queue view of the API). */
  stats(): Promise<QueueStats> {
    const db = this.boss.getDb();
    return readQueueStats((text, values) => db.executeSql(text, values));
  }

  /** Stops the queue's background work and closes its connections. */
  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }

  private async createQueues(): Promise<void> {
    for (const name of JOB_NAMES) {
      const spec = this.specs[name];
      const dead = deadQueueOf(name);
      const retentionMinutes = DEAD_RETENTION_DAYS * 24 * 60;
      await this.boss.createQueue(dead, { name: dead, policy: 'standard', retentionMinutes });
      const options = {
        name,
        policy: spec.policy,
        retentionMinutes,
        retryLimit: spec.retryLimit,
        retryDelay: spec.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: spec.expireInSeconds,
        deadLetter: dead,
      };
      await this.boss.createQueue(name, options);
      // Settings given on purpose (a lease, retries) replace the stored ones; they apply to jobs sent from now on.
      if (this.overridden) await this.boss.updateQueue(name, options);
    }
  }
}

function shortestLease(specs: Readonly<Record<JobName, QueueSpec>>): number {
  return Math.min(...JOB_NAMES.map((name) => specs[name].expireInSeconds));
}

function toBossOptions<N extends JobName>(name: N, data: JobPayloads[N], options: SendOptions): PgBoss.SendOptions {
  const key = singletonKeyOf(name, data);
  return {
    ...(key ? { singletonKey: key } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.id ? { id: options.id } : {}),
  };
}
