/**
 * Makes sure every piece of pending work of the stream has its job: a feed its next poll, a queued article its read,
 * read articles a turn of the writer, a story whose report is out of date its analysis. Jobs are sent inside the
 * writes that create the work, so this finds nothing to do unless a job was lost another way: it went dead after its
 * retries (the database was away for longer than they last), or it was deleted by hand. Run when a worker starts and
 * now and then after, and by `parallax ingest`/`watch` on a PostgreSQL library. Sending twice is harmless (every job
 * is idempotent, and polls and analyses fold into one waiting job).
 */
import { PG_SCHEMA } from '../storage/pg-migrations.js';
import { inTransaction } from '../storage/pg-pool.js';
import type { QueueLibrary } from './open-queue-library.js';
import { QUEUE_SCHEMA } from './job-catalog.js';

const S = PG_SCHEMA;

/** Unfinished jobs of a queue (the job table's states before `completed`). */
const unfinished = (name: string, match: string) =>
  `EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.job j WHERE j.name = '${name}' AND j.state < 'completed' AND ${match})`;

/** What was missing and has a job now. */
export interface Reconciled {
  polls: number;
  reads: number;
  turns: number;
  analyses: number;
}

/** Sends the missing jobs, in one transaction (see the file's comment). */
export async function reconcileJobs(
  library: QueueLibrary,
  options: { reportMinArticles: number },
): Promise<Reconciled> {
  const { queue } = library;
  return inTransaction(library.pool, async (client) => {
    const feeds = await client.query<{ id: string; next_poll_at: string }>(
      `SELECT f.id, f.next_poll_at FROM ${S}.stream_feeds f
       WHERE NOT ${unfinished('feed-poll', `j.data->>'feedId' = f.id`)}`,
    );
    await queue.sendManyInTransaction(
      client,
      'feed-poll',
      feeds.rows.map((f) => ({ data: { feedId: f.id }, startAfter: f.next_poll_at })),
    );
    const items = await client.query<{ pk: string; next_attempt_at: string }>(
      `SELECT q.pk, q.next_attempt_at FROM ${S}.stream_queue q
       WHERE q.read_json IS NULL AND NOT ${unfinished('article-read', `j.data->>'queuePk' = q.pk::text`)}`,
    );
    await queue.sendManyInTransaction(
      client,
      'article-read',
      items.rows.map((i) => ({ data: { queuePk: Number(i.pk) }, startAfter: i.next_attempt_at })),
    );
    const reads = await client.query(
      `SELECT 1 FROM ${S}.stream_queue WHERE read_json IS NOT NULL AND NOT ${unfinished('story-assign', 'true')} LIMIT 1`,
    );
    if (reads.rows.length > 0) await queue.sendInTransaction(client, 'story-assign', {});
    const stories = await client.query<{ id: string }>(
      `SELECT s.id FROM ${S}.stream_stories s
       WHERE s.dirty_since IS NOT NULL AND s.merged_into IS NULL AND s.article_count >= $1
         AND NOT ${unfinished('story-analyze', `j.data->>'storyId' = s.id`)}`,
      [options.reportMinArticles],
    );
    await queue.sendManyInTransaction(
      client,
      'story-analyze',
      stories.rows.map((s) => ({ data: { storyId: s.id } })),
    );
    return {
      polls: feeds.rows.length,
      reads: items.rows.length,
      turns: reads.rows.length,
      analyses: stories.rows.length,
    };
  });
}
