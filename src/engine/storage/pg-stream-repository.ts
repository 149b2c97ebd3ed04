/**
 * The stream storage in PostgreSQL: the same contract as the SQLite one (`test/helpers/stream-repository-contract.ts`
 * runs against both), in the schema of the PostgreSQL story library, so that a stream story's report is published in
 * the library in the same transaction as it is stored.
 *
 * Several processes write at once here (workers on many machines), which SQLite never sees. What keeps that safe:
 * every write is one transaction; a story's row is locked before it is changed (stories first, in id order, so that
 * two writers never wait for each other in a circle); an article's position in the stream (`seq`) is unique, so a
 * writer whose clusterer is behind can never store a decision at a position already taken; and a report computed
 * from an older revision of a story never replaces a newer one.
 *
 * Work that follows from a write (poll a feed at its next time, read a queued article, place a read one, analyze a
 * changed story) is handed to `PgStreamFollowUps` inside the write's transaction: the job queue sends its jobs there,
 * so that a job exists exactly when the data it works on does.
 */
import type pg from 'pg';
import type { RawArticle } from '../../core/model.js';
import type { CoverageOutlet } from '../../core/stream/coverage-split.js';
import { shortHash } from '../../core/hash.js';
import { PG_SCHEMA } from './pg-migrations.js';
import { inTransaction, pgText, type PgTransaction } from './pg-pool.js';
import { writeAnalysis } from './pg-story-repository.js';
import { toRawArticle as toLibraryArticle, type ArticleRow as LibraryArticleRow } from './story-rows.js';
import {
  addKnown,
  groupIds,
  mergeOutlets,
  outletsOfMeta,
  storyListings,
  toArticleRecord,
  toClusterInput,
  toDirtyStory,
  toFeed,
  toMember,
  toQueueItem,
  toRawArticle,
  toSummary,
  toVersionInfo,
  type AliasRow,
  type ArticleRow,
  type ClusterRow,
  type FeedRow,
  type IdRow,
  type KnownRow,
  type ManualStoryRow,
  type MemberRow,
  type QueueRow,
  type StoryRow,
  type VersionRow,
  followMerges,
} from './stream-rows.js';
import type {
  ArticleIngest,
  ClusterInput,
  DirtyStory,
  DuplicateRecord,
  FeedPoll,
  FeedRecord,
  KnownAddress,
  NewFeed,
  NewVersion,
  QueueEntry,
  QueueFailure,
  QueueItem,
  RevisitRecord,
  StoredVersion,
  StoryListing,
  StreamArticleRecord,
  StreamCheckpoint,
  StreamLease,
  StreamReport,
  StreamRepository,
  StreamStoryDetail,
  StreamStorySort,
  StreamStorySources,
  StreamStorySummary,
  VersionAppend,
} from './stream-repository.js';

const S = PG_SCHEMA;

/** Work that follows from a write, done inside its transaction (each is optional). */
export interface PgStreamFollowUps {
  /** Feeds were added or polled: each is due for its next poll at `nextPollAt`. */
  feedsScheduled?(client: PgTransaction, feeds: readonly { id: string; nextPollAt: string }[]): Promise<void>;
  /** Articles were queued, or are due again after a failed attempt, at `dueAt`. */
  itemsQueued?(client: PgTransaction, items: readonly { pk: number; dueAt: string }[]): Promise<void>;
  /** A queued article was read and waits for the stream's writer to place it. */
  itemRead?(client: PgTransaction): Promise<void>;
  /** Stories gained articles or their articles changed: their reports are out of date. */
  storiesChanged?(client: PgTransaction, storyIds: readonly string[]): Promise<void>;
}

/** A queued article with what a worker read of it (null while it waits to be read). */
export interface QueuedRead<R> {
  item: QueueItem;
  read: R | null;
  /** When its next attempt is due (ISO). */
  dueAt: string;
}

type ReadRow = QueueRow & { read_json: string | null; next_attempt_at: string };

function toQueuedRead<R>(row: ReadRow): QueuedRead<R> {
  return {
    item: toQueueItem(row),
    read: row.read_json === null ? null : (JSON.parse(row.read_json) as R),
    dueAt: row.next_attempt_at,
  };
}

const FEED_COLUMNS = `f.id, f.url, f.title, f.added_at, f.state_json,
  (SELECT COUNT(*) FROM ${S}.stream_articles a WHERE a.feed_id = f.id)::integer AS articles,
  (SELECT COUNT(*) FROM ${S}.stream_queue q WHERE q.feed_id = f.id)::integer AS queued,
  (SELECT COUNT(*) FROM ${S}.stream_failures x WHERE x.feed_id = f.id)::integer AS failed,
  (SELECT json_build_object('at', x.failed_at, 'url', x.url, 'code', x.code, 'message', x.message)::text
     FROM ${S}.stream_failures x WHERE x.feed_id = f.id ORDER BY x.failed_at COLLATE "C" DESC LIMIT 1) AS last_failure`;

const QUEUE_COLUMNS = `pk, url_key, kind, feed_id, source, entry_json, use_entry_content, signature, enqueued_at,
  attempts, last_error`;

const MEMBER_SQL = `SELECT a.*, v.title, v.format, v.content FROM ${S}.stream_articles a
  JOIN ${S}.stream_versions v ON v.article_pk = a.pk AND v.version = a.current_version`;

/** Queue rows written per statement (an entry may carry a whole article). */
const INSERT_CHUNK = 200;

/** Text stored as bytes (it may hold NUL), decoded. */
function decode(bytes: Buffer): string {
  return bytes.toString('utf8');
}

/** Bytes of a text, to store exactly. */
function encode(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** A nullable text for a text column (NUL replaced). */
function nullableText(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : pgText(value);
}

/** Characters of a text as SQLite's `length()` counts them (code points). */
function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

type MemberBytes = Omit<MemberRow, 'content'> & { content: Buffer };

/** The stream storage in PostgreSQL (see the file's comment). */
export class PgStreamRepository implements StreamRepository {
  /** Wraps a pool on a migrated database (the story library's). */
  constructor(
    readonly pool: pg.Pool,
    private readonly followUps: PgStreamFollowUps = {},
  ) {}

  // Feeds ----------------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.addFeeds} */
  async addFeeds(feeds: readonly NewFeed[]): Promise<{ added: FeedRecord[]; existing: FeedRecord[] }> {
    return inTransaction(this.pool, (client) => this.insertFeeds(client, feeds));
  }

  /** {@inheritDoc StreamRepository.listFeeds} */
  async listFeeds(): Promise<FeedRecord[]> {
    const { rows } = await this.pool.query<FeedRow>(
      `SELECT ${FEED_COLUMNS} FROM ${S}.stream_feeds f ORDER BY f.added_at COLLATE "C", f.id COLLATE "C"`,
    );
    return rows.map(toFeed);
  }

  /** {@inheritDoc StreamRepository.getFeed} */
  async getFeed(id: string): Promise<FeedRecord | null> {
    return feedWhere(this.pool, 'f.id = $1', pgText(id));
  }

  /** {@inheritDoc StreamRepository.removeFeed} */
  async removeFeed(id: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await client.query(`DELETE FROM ${S}.stream_queue WHERE feed_id = $1`, [pgText(id)]);
      const result = await client.query(`DELETE FROM ${S}.stream_feeds WHERE id = $1`, [pgText(id)]);
      return (result.rowCount ?? 0) > 0;
    });
  }

  /** {@inheritDoc StreamRepository.dueFeeds} */
  async dueFeeds(now: string, limit: number): Promise<FeedRecord[]> {
    const { rows } = await this.pool.query<FeedRow>(
      `SELECT ${FEED_COLUMNS} FROM ${S}.stream_feeds f WHERE f.next_poll_at <= $1
       ORDER BY f.next_poll_at COLLATE "C", f.id COLLATE "C" LIMIT $2`,
      [now, limit],
    );
    return rows.map(toFeed);
  }

  /** {@inheritDoc StreamRepository.nextPollAt} */
  async nextPollAt(): Promise<string | null> {
    const { rows } = await this.pool.query<{ at: string | null }>(
      `SELECT MIN(next_poll_at COLLATE "C") AS at FROM ${S}.stream_feeds`,
    );
    return rows[0]?.at ?? null;
  }

  /** {@inheritDoc StreamRepository.savePoll} */
  async savePoll(poll: FeedPoll): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { state } = poll;
      const updated = await client.query(
        `UPDATE ${S}.stream_feeds SET state_json = $1, next_poll_at = $2, title = COALESCE($3, title) WHERE id = $4`,
        [JSON.stringify(state), state.nextPollAt, nullableText(poll.title), pgText(poll.feedId)],
      );
      // A feed removed while it was being polled stays removed, and queues nothing.
      if ((updated.rowCount ?? 0) === 0) return;
      await this.insertQueue(client, poll.queue, state.lastPollAt ?? state.nextPollAt);
      await this.followUps.feedsScheduled?.(client, [{ id: poll.feedId, nextPollAt: state.nextPollAt }]);
    });
  }

  // Queue ----------------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.enqueue} */
  async enqueue(entries: readonly QueueEntry[], at: string): Promise<number> {
    return inTransaction(this.pool, (client) => this.insertQueue(client, entries, at));
  }

  /** {@inheritDoc StreamRepository.resolveProbe} */
  async resolveProbe(probe: {
    queuePk: number;
    feeds: readonly NewFeed[];
  }): Promise<{ added: FeedRecord[]; existing: FeedRecord[] }> {
    return inTransaction(this.pool, async (client) => {
      const result = await this.insertFeeds(client, probe.feeds);
      await client.query(`DELETE FROM ${S}.stream_queue WHERE pk = $1`, [probe.queuePk]);
      return result;
    });
  }

  /** {@inheritDoc StreamRepository.dueQueue} */
  async dueQueue(now: string, limit: number): Promise<QueueItem[]> {
    const { rows } = await this.pool.query<QueueRow>(
      `SELECT ${QUEUE_COLUMNS} FROM ${S}.stream_queue WHERE next_attempt_at <= $1
       ORDER BY order_key COLLATE "C", pk LIMIT $2`,
      [now, limit],
    );
    return rows.map(toQueueItem);
  }

  /** {@inheritDoc StreamRepository.queueSize} */
  async queueSize(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(`SELECT COUNT(*)::integer AS n FROM ${S}.stream_queue`);
    return rows[0]?.n ?? 0;
  }

  /** {@inheritDoc StreamRepository.nextQueuedAt} */
  async nextQueuedAt(): Promise<string | null> {
    const { rows } = await this.pool.query<{ at: string | null }>(
      `SELECT MIN(next_attempt_at COLLATE "C") AS at FROM ${S}.stream_queue`,
    );
    return rows[0]?.at ?? null;
  }

  /** {@inheritDoc StreamRepository.failQueued} */
  async failQueued(failure: QueueFailure): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<QueueRow>(
        `SELECT ${QUEUE_COLUMNS} FROM ${S}.stream_queue WHERE pk = $1 FOR UPDATE`,
        [failure.queuePk],
      );
      const row = rows[0];
      if (!row) return;
      const message = pgText(`${failure.code}: ${failure.message}`);
      if (failure.retryAt !== null) {
        await client.query(
          `UPDATE ${S}.stream_queue SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2,
             read_json = NULL, read_at = NULL WHERE pk = $3`,
          [failure.retryAt, message, failure.queuePk],
        );
        await this.followUps.itemsQueued?.(client, [{ pk: failure.queuePk, dueAt: failure.retryAt }]);
        return;
      }
      const item = toQueueItem(row);
      await client.query(
        `INSERT INTO ${S}.stream_failures (url_key, url, feed_id, signature, code, message, attempts, failed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (url_key) DO UPDATE SET url = excluded.url,
           feed_id = excluded.feed_id, signature = excluded.signature, code = excluded.code,
           message = excluded.message, attempts = excluded.attempts, failed_at = excluded.failed_at`,
        [
          item.urlKey,
          nullableText(item.entry.url),
          item.feedId,
          item.signature,
          pgText(failure.code),
          pgText(failure.message),
          item.attempts + 1,
          failure.at,
        ],
      );
      await client.query(`DELETE FROM ${S}.stream_queue WHERE pk = $1`, [failure.queuePk]);
    });
  }

  /** {@inheritDoc StreamRepository.hasFailed} */
  async hasFailed(urlKey: string, signature: string): Promise<boolean> {
    const { rows } = await this.pool.query(`SELECT 1 FROM ${S}.stream_failures WHERE url_key = $1 AND signature = $2`, [
      pgText(urlKey),
      pgText(signature),
    ]);
    return rows.length > 0;
  }

  /** {@inheritDoc StreamRepository.queuedKeys} */
  async queuedKeys(urlKeys: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ url_key: string }>(
      `SELECT url_key FROM ${S}.stream_queue WHERE url_key = ANY($1)`,
      [urlKeys.map(pgText)],
    );
    return new Set(rows.map((r) => r.url_key));
  }

  // Articles -------------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.findAddresses} */
  async findAddresses(urlKeys: readonly string[]): Promise<Map<string, KnownAddress>> {
    const found = new Map<string, KnownAddress>();
    if (urlKeys.length === 0) return found;
    // An article's own address first: it wins over another article's alias of the same key.
    const { rows } = await this.pool.query<KnownRow>(
      `SELECT * FROM (
         SELECT url_key, 'article' AS kind, id, signature, etag, last_modified FROM ${S}.stream_articles
         WHERE url_key = ANY($1)
         UNION ALL
         SELECT x.url_key, 'alias', a.id, a.signature, a.etag, a.last_modified FROM ${S}.stream_aliases x
         JOIN ${S}.stream_articles a ON a.pk = x.article_pk WHERE x.url_key = ANY($1)
       ) known ORDER BY kind = 'alias'`,
      [urlKeys.map(pgText)],
    );
    addKnown(found, rows);
    return found;
  }

  /** {@inheritDoc StreamRepository.findByContentHash} */
  async findByContentHash(contentHash: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT a.id FROM ${S}.stream_versions v JOIN ${S}.stream_articles a ON a.pk = v.article_pk
       WHERE v.content_hash = $1 ORDER BY v.pk LIMIT 1`,
      [pgText(contentHash)],
    );
    return rows[0]?.id ?? null;
  }

  /** {@inheritDoc StreamRepository.currentVersion} */
  async currentVersion(
    articleId: string,
  ): Promise<{ version: number; contentHash: string; title: string | null } | null> {
    const { rows } = await this.pool.query<{ version: number; content_hash: string; title: string | null }>(
      `SELECT v.version, v.content_hash, v.title FROM ${S}.stream_articles a
       JOIN ${S}.stream_versions v ON v.article_pk = a.pk AND v.version = a.current_version WHERE a.id = $1`,
      [pgText(articleId)],
    );
    const row = rows[0];
    return row ? { version: row.version, contentHash: row.content_hash, title: row.title } : null;
  }

  /** {@inheritDoc StreamRepository.articleIdTaken} */
  async articleIdTaken(id: string): Promise<boolean> {
    const { rows } = await this.pool.query(`SELECT 1 FROM ${S}.stream_articles WHERE id = $1`, [pgText(id)]);
    return rows.length > 0;
  }

  /** {@inheritDoc StreamRepository.ingestArticle} */
  async ingestArticle(ingest: ArticleIngest): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { assignment: a, version: v, at } = ingest;
      const merged = a.mergedStoryIds ?? [];
      await lockStories(client, [a.storyId, ...merged]);
      const { rows } = await client.query<{ pk: string }>(
        `INSERT INTO ${S}.stream_articles (id, url_key, url, feed_id, outlet, published_at, cluster_date,
           first_seen_at, updated_at, current_version, etag, last_modified, signature, wire_of, wire_original,
           wire_overlap, seq, story_id, assigned_story_id, decision, reason_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 1, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, $18)
         RETURNING pk`,
        [
          pgText(ingest.id),
          pgText(ingest.urlKey),
          nullableText(ingest.url),
          ingest.feedId,
          nullableText(ingest.outlet),
          nullableText(ingest.publishedAt),
          ingest.clusterDate,
          at,
          nullableText(ingest.etag),
          nullableText(ingest.lastModified),
          nullableText(ingest.signature),
          nullableText(ingest.wire?.of),
          nullableText(ingest.wire?.original),
          ingest.wire?.overlap ?? null,
          a.seq,
          pgText(a.storyId),
          a.decision,
          JSON.stringify(a.reason),
        ],
      );
      const pk = rows[0]!.pk;
      await insertVersion(client, pk, 1, v);
      await insertAliases(client, pk, ingest.aliases, ingest.feedId, at);
      await client.query(
        `INSERT INTO ${S}.stream_stories (id, title, created_at, updated_at, article_count, outlets_json, revision,
           dirty_since, last_change_at) VALUES ($1, $2, $3, $3, 0, '[]', 0, $3, $3) ON CONFLICT (id) DO NOTHING`,
        [pgText(a.storyId), pgText(v.title ?? ingest.url ?? ingest.id), at],
      );
      const outlets: CoverageOutlet[] = [];
      for (const absorbed of merged) outlets.push(...(await mergeInto(client, absorbed, a.storyId, at)));
      await changeStory(client, a.storyId, at, [...outlets, { outlet: ingest.outlet, url: ingest.url }]);
      await finish(client, ingest.queuePk, ingest.urlKey);
      await this.followUps.storiesChanged?.(client, [a.storyId]);
    });
  }

  /** {@inheritDoc StreamRepository.appendVersion} */
  async appendVersion(append: VersionAppend): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const story = await storyOfArticle(client, append.articleId);
      await lockStories(client, [story]);
      const row = await requireArticle(client, append.articleId);
      const next = Number(row.current_version) + 1;
      await insertVersion(client, row.pk, next, append.version);
      await client.query(
        `UPDATE ${S}.stream_articles SET current_version = $1, updated_at = $2, etag = $3, last_modified = $4,
           signature = COALESCE($5, signature) WHERE pk = $6`,
        [
          next,
          append.at,
          nullableText(append.etag),
          nullableText(append.lastModified),
          nullableText(append.signature),
          row.pk,
        ],
      );
      await insertAliases(client, row.pk, append.aliases, row.feed_id, append.at);
      await changeStory(client, row.story_id, append.at, []);
      await finish(client, append.queuePk, row.url_key);
      await this.followUps.storiesChanged?.(client, [row.story_id]);
      return next;
    });
  }

  /** {@inheritDoc StreamRepository.recordRevisit} */
  async recordRevisit(revisit: RevisitRecord): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const row = await requireArticle(client, revisit.articleId);
      await client.query(
        `UPDATE ${S}.stream_articles SET etag = COALESCE($1, etag), last_modified = COALESCE($2, last_modified),
           signature = COALESCE($3, signature) WHERE pk = $4`,
        [nullableText(revisit.etag), nullableText(revisit.lastModified), nullableText(revisit.signature), row.pk],
      );
      await insertAliases(client, row.pk, revisit.aliases, row.feed_id, revisit.at);
      await finish(client, revisit.queuePk, row.url_key);
    });
  }

  /** {@inheritDoc StreamRepository.recordDuplicate} */
  async recordDuplicate(duplicate: DuplicateRecord): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const row = await requireArticle(client, duplicate.of);
      await client.query(
        `INSERT INTO ${S}.stream_aliases (url_key, article_pk, url, kind, feed_id, seen_at)
         VALUES ($1, $2, $3, 'duplicate', $4, $5) ON CONFLICT (url_key) DO NOTHING`,
        [pgText(duplicate.urlKey), row.pk, nullableText(duplicate.url), duplicate.feedId, duplicate.at],
      );
      await finish(client, duplicate.queuePk, duplicate.urlKey);
    });
  }

  /** {@inheritDoc StreamRepository.getArticle} */
  async getArticle(id: string): Promise<StreamArticleRecord | null> {
    return snapshot(this.pool, async (client) => {
      const { rows } = await client.query<ArticleRow>(`SELECT * FROM ${S}.stream_articles WHERE id = $1`, [pgText(id)]);
      const row = rows[0];
      if (!row) return null;
      const versions = await client.query<VersionRow>(
        `SELECT version, fetched_at, title, content_hash, text_length FROM ${S}.stream_versions
         WHERE article_pk = $1 ORDER BY version`,
        [row.pk],
      );
      const aliases = await client.query<AliasRow>(
        `SELECT url, url_key, kind, seen_at FROM ${S}.stream_aliases WHERE article_pk = $1
         ORDER BY seen_at COLLATE "C", url_key COLLATE "C"`,
        [row.pk],
      );
      return toArticleRecord(row, versions.rows, aliases.rows);
    });
  }

  /** {@inheritDoc StreamRepository.getVersion} */
  async getVersion(articleId: string, version: number): Promise<StoredVersion | null> {
    const { rows } = await this.pool.query<
      VersionRow & { format: RawArticle['format']; content: Buffer; text: Buffer }
    >(
      `SELECT v.version, v.fetched_at, v.title, v.content_hash, v.text_length, v.format, v.content, v.text
       FROM ${S}.stream_versions v JOIN ${S}.stream_articles a ON a.pk = v.article_pk
       WHERE a.id = $1 AND v.version = $2`,
      [pgText(articleId), version],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ...toVersionInfo(row),
      format: row.format,
      content: decode(row.content),
      text: decode(row.text),
    };
  }

  // Clustering -----------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.lastSeq} */
  async lastSeq(): Promise<number> {
    const { rows } = await this.pool.query<{ seq: string }>(
      `SELECT COALESCE(MAX(seq), 0) AS seq FROM ${S}.stream_articles`,
    );
    return Number(rows[0]?.seq ?? 0);
  }

  /** {@inheritDoc StreamRepository.clusterInputs} */
  async clusterInputs(afterSeq: number, upToSeq: number, limit: number): Promise<ClusterInput[]> {
    const { rows } = await this.pool.query<Omit<ClusterRow, 'text'> & { text: Buffer }>(
      `SELECT a.seq, a.id, v.title, v.text, a.cluster_date, a.outlet, a.published_at, a.url_key,
         a.assigned_story_id, a.decision
       FROM ${S}.stream_articles a JOIN ${S}.stream_versions v ON v.article_pk = a.pk AND v.version = 1
       WHERE a.seq > $1 AND a.seq <= $2 ORDER BY a.seq LIMIT $3`,
      [afterSeq, upToSeq, limit],
    );
    return rows.map((r) => toClusterInput({ ...r, text: decode(r.text) }));
  }

  /** {@inheritDoc StreamRepository.saveCheckpoint} */
  async saveCheckpoint(checkpoint: StreamCheckpoint): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${S}.stream_checkpoint (id, seq, snapshot_json, saved_at) VALUES (1, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, snapshot_json = excluded.snapshot_json,
         saved_at = excluded.saved_at`,
      [checkpoint.seq, JSON.stringify(checkpoint.snapshot), checkpoint.savedAt],
    );
  }

  /** {@inheritDoc StreamRepository.loadCheckpoint} */
  async loadCheckpoint(): Promise<StreamCheckpoint | null> {
    const { rows } = await this.pool.query<{ seq: string; snapshot_json: string; saved_at: string }>(
      `SELECT seq, snapshot_json, saved_at FROM ${S}.stream_checkpoint WHERE id = 1`,
    );
    const row = rows[0];
    return row
      ? { seq: Number(row.seq), snapshot: JSON.parse(row.snapshot_json) as unknown, savedAt: row.saved_at }
      : null;
  }

  // Stories --------------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.resolveStory} */
  async resolveStory(id: string): Promise<string | null> {
    return followMerges(pgText(id), async (current) => {
      const { rows } = await this.pool.query<{ merged_into: string | null }>(
        `SELECT merged_into FROM ${S}.stream_stories WHERE id = $1`,
        [current],
      );
      return rows[0]?.merged_into;
    });
  }

  /** {@inheritDoc StreamRepository.listStreamStories} */
  async listStreamStories(query: {
    sort: StreamStorySort;
    limit: number;
    offset: number;
  }): Promise<{ stories: StreamStorySummary[]; total: number }> {
    const order =
      query.sort === 'size'
        ? 'article_count DESC, updated_at COLLATE "C" DESC, id COLLATE "C"'
        : 'updated_at COLLATE "C" DESC, id COLLATE "C"';
    return snapshot(this.pool, async (client) => {
      const total = await client.query<{ n: number }>(
        `SELECT COUNT(*)::integer AS n FROM ${S}.stream_stories WHERE merged_into IS NULL`,
      );
      const { rows } = await client.query<StoryRow>(
        `SELECT * FROM ${S}.stream_stories WHERE merged_into IS NULL ORDER BY ${order} LIMIT $1 OFFSET $2`,
        [query.limit, query.offset],
      );
      return { stories: rows.map(toSummary), total: total.rows[0]?.n ?? 0 };
    });
  }

  /** {@inheritDoc StreamRepository.getStreamStory} */
  async getStreamStory(id: string): Promise<StreamStoryDetail | null> {
    return snapshot(this.pool, async (client) => {
      const row = await storyRow(client, id);
      if (!row || row.merged_into !== null) return null;
      const mergedFrom = await client.query<{ id: string }>(
        `SELECT id FROM ${S}.stream_stories WHERE merged_into = $1 ORDER BY merged_at COLLATE "C", id COLLATE "C"`,
        [row.id],
      );
      return {
        story: toSummary(row),
        members: (await members(client, row.id)).map(toMember),
        mergedFrom: mergedFrom.rows.map((r) => r.id),
      };
    });
  }

  /** {@inheritDoc StreamRepository.dirtyStories} */
  async dirtyStories(limit: number, minArticles: number): Promise<DirtyStory[]> {
    const { rows } = await this.pool.query<StoryRow>(
      `SELECT * FROM ${S}.stream_stories
       WHERE dirty_since IS NOT NULL AND merged_into IS NULL AND article_count >= $1
       ORDER BY dirty_since COLLATE "C", id COLLATE "C" LIMIT $2`,
      [minArticles, limit],
    );
    return rows.map(toDirtyStory);
  }

  /** {@inheritDoc StreamRepository.storySources} */
  async storySources(id: string): Promise<StreamStorySources | null> {
    return snapshot(this.pool, async (client) => {
      const story = await storyRow(client, id);
      if (!story || story.merged_into !== null) return null;
      const hand = await client.query<Omit<LibraryArticleRow, 'content'> & { content: Buffer }>(
        `SELECT article_id, source, format, content, meta_json, diagnostics_json FROM ${S}.articles
         WHERE story_id = $1 AND stream_article_pk IS NULL ORDER BY position`,
        [story.id],
      );
      return {
        revision: Number(story.revision),
        articles: [
          ...(await members(client, story.id)).map(toRawArticle),
          ...hand.rows.map((r) => toLibraryArticle({ ...r, content: decode(r.content) })),
        ],
      };
    });
  }

  /**
   * {@inheritDoc StreamRepository.storeReport}
   * Also false when a report of a later revision is stored already (two analyses of one story ran at once).
   */
  async storeReport(report: StreamReport): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await lockStories(client, [report.storyId]);
      const story = await storyRow(client, report.storyId);
      if (!story || story.merged_into !== null) return false;
      const stored = story.report_revision;
      if (stored !== null && stored !== undefined && Number(stored) > report.revision) return false;
      await client.query(
        `INSERT INTO ${S}.stories (id, title, fingerprint, reference_date, created_at, updated_at)
         VALUES ($1, $2, $3, NULL, $4, $5)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, fingerprint = excluded.fingerprint,
           updated_at = excluded.updated_at, revision = ${S}.stories.revision + 1`,
        [story.id, pgText(report.title), pgText(report.fingerprint), story.created_at, report.at],
      );
      await client.query(`DELETE FROM ${S}.articles WHERE story_id = $1 AND stream_article_pk IS NOT NULL`, [story.id]);
      const list = await members(client, story.id);
      if (list.length > 0) {
        // The references, in one statement: the content is the stream version's, not a copy.
        await client.query(
          `INSERT INTO ${S}.articles (story_id, article_id, position, source, format, content, meta_json,
             diagnostics_json, stream_article_pk)
           SELECT $1, r.article_id, r.position, r.source, r.format, '\\x'::bytea, r.meta_json, '[]', r.pk
           FROM unnest($2::text[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::bigint[])
             AS r (article_id, position, source, format, meta_json, pk)
           ON CONFLICT (story_id, article_id) DO NOTHING`,
          [
            story.id,
            list.map((m) => m.id),
            list.map((_, position) => position),
            list.map((m) => m.url ?? m.id),
            list.map((m) => m.format),
            list.map((m) => JSON.stringify(toRawArticle(m).meta)),
            list.map((m) => m.pk),
          ],
        );
      }
      await writeAnalysis(client, story.id, report.analysis);
      await client.query(
        `UPDATE ${S}.stream_stories SET title = $1, report_at = $2, report_revision = $3, lead_entities_json = $4,
           dirty_since = CASE WHEN revision = $3 THEN NULL ELSE dirty_since END WHERE id = $5`,
        [pgText(report.title), report.at, report.revision, JSON.stringify(report.leadEntities), story.id],
      );
      return true;
    });
  }

  /** {@inheritDoc StreamRepository.listAllStories} */
  async listAllStories(): Promise<StoryListing[]> {
    return snapshot(this.pool, async (client) => {
      const stream = await client.query<StoryRow>(
        `SELECT * FROM ${S}.stream_stories WHERE merged_into IS NULL ORDER BY created_at COLLATE "C", id COLLATE "C"`,
      );
      const memberIds = await client.query<IdRow>(
        `SELECT story_id, id FROM ${S}.stream_articles ORDER BY story_id, seq`,
      );
      const manual = await client.query<ManualStoryRow>(
        `SELECT id, title, created_at, updated_at FROM ${S}.stories
         WHERE id NOT IN (SELECT id FROM ${S}.stream_stories) ORDER BY created_at COLLATE "C", id COLLATE "C"`,
      );
      const manualIds = await client.query<IdRow>(
        `SELECT story_id, article_id AS id FROM ${S}.articles
         WHERE story_id NOT IN (SELECT id FROM ${S}.stream_stories) ORDER BY story_id, position`,
      );
      const metas = await client.query<{ story_id: string; meta_json: string }>(
        `SELECT story_id, meta_json FROM ${S}.articles
         WHERE story_id NOT IN (SELECT id FROM ${S}.stream_stories) ORDER BY story_id, position`,
      );
      const metaOf = new Map<string, { meta_json: string }[]>();
      for (const row of metas.rows) metaOf.set(row.story_id, [...(metaOf.get(row.story_id) ?? []), row]);
      return storyListings({
        stream: stream.rows,
        memberIds: groupIds(memberIds.rows),
        manual: manual.rows,
        manualIds: groupIds(manualIds.rows),
        manualOutlets: (id) => outletsOfMeta(metaOf.get(id) ?? []),
      });
    });
  }

  // Lease ----------------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.acquireLease} */
  async acquireLease(owner: string, at: string, options: { replaceOwner?: string } = {}): Promise<StreamLease> {
    return inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO ${S}.stream_lease (id, owner, heartbeat_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING`,
        [pgText(owner), at],
      );
      const { rows } = await client.query<{ owner: string; heartbeat_at: string }>(
        `SELECT owner, heartbeat_at FROM ${S}.stream_lease WHERE id = 1 FOR UPDATE`,
      );
      const held = rows[0]!;
      if (held.owner === owner || held.owner === options.replaceOwner) {
        await client.query(`UPDATE ${S}.stream_lease SET owner = $1, heartbeat_at = $2 WHERE id = 1`, [
          pgText(owner),
          at,
        ]);
        return { owner, heartbeatAt: at };
      }
      return { owner: held.owner, heartbeatAt: held.heartbeat_at };
    });
  }

  /** {@inheritDoc StreamRepository.releaseLease} */
  async releaseLease(owner: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${S}.stream_lease WHERE id = 1 AND owner = $1`, [pgText(owner)]);
  }

  /** Closes the connections (shared with the story library: closing either closes both). */
  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  // For the job queue: reading and placing in separate hands ---------------------------------------------------------

  /** A queued article with what was read of it, or null when it is no longer queued (stored, or given up). */
  async queuedRead<R>(queuePk: number): Promise<QueuedRead<R> | null> {
    const { rows } = await this.pool.query<ReadRow>(
      `SELECT ${QUEUE_COLUMNS}, read_json, next_attempt_at FROM ${S}.stream_queue WHERE pk = $1`,
      [queuePk],
    );
    return rows[0] ? toQueuedRead<R>(rows[0]) : null;
  }

  /**
   * Keeps what a worker read of a queued article until the stream's writer places it, and tells the follow-ups so;
   * false when the article is no longer queued or was read already (by another worker: the first read stands).
   */
  async storeRead(queuePk: number, read: unknown, at: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const result = await client.query(
        `UPDATE ${S}.stream_queue SET read_json = $1, read_at = $2 WHERE pk = $3 AND read_json IS NULL`,
        [JSON.stringify(read), at, queuePk],
      );
      if ((result.rowCount ?? 0) === 0) return false;
      await this.followUps.itemRead?.(client);
      return true;
    });
  }

  /**
   * The next queued articles for the stream's writer, in queue order: those read, and those that carry their text
   * (a JSON Lines article), due at `now` and not read yet, which the writer must wait for, since their order is the
   * stream's. Pages still being fetched are not waited for.
   */
  async nextToPlace<R>(now: string, limit: number): Promise<QueuedRead<R>[]> {
    const { rows } = await this.pool.query<ReadRow>(
      `SELECT ${QUEUE_COLUMNS}, read_json, next_attempt_at FROM ${S}.stream_queue
       WHERE read_json IS NOT NULL OR (use_entry_content AND next_attempt_at <= $1)
       ORDER BY order_key COLLATE "C", pk LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => toQueuedRead<R>(row));
  }

  /**
   * Reserves the next request slot of a host across every process: returns how long to wait (ms) before the request,
   * so that the starts of two requests to one host are at least `gapMs` apart whoever makes them.
   */
  async reserveHostSlot(host: string, gapMs: number): Promise<number> {
    const { rows } = await this.pool.query<{ wait_ms: number }>(
      `INSERT INTO ${S}.stream_hosts AS h (host, next_at) VALUES ($1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (host) DO UPDATE SET next_at = GREATEST(h.next_at, now()) + $2 * interval '1 millisecond'
       RETURNING (extract(epoch FROM (next_at - now())) * 1000 - $2)::float8 AS wait_ms`,
      [pgText(host.toLowerCase()), gapMs],
    );
    return Math.max(0, Math.round(rows[0]?.wait_ms ?? 0));
  }

  // Helpers (inside transactions) ------------------------------------------------------------------------------------

  private async insertFeeds(
    client: PgTransaction,
    feeds: readonly NewFeed[],
  ): Promise<{ added: FeedRecord[]; existing: FeedRecord[] }> {
    const added: FeedRecord[] = [];
    const existing: FeedRecord[] = [];
    for (const feed of feeds) {
      const url = pgText(feed.url);
      if (added.some((f) => f.url === url)) continue;
      const record = await this.insertFeed(client, { ...feed, url });
      if (record.added) added.push(record.feed);
      else if (!existing.some((f) => f.id === record.feed.id)) existing.push(record.feed);
    }
    if (added.length > 0) {
      await this.followUps.feedsScheduled?.(
        client,
        added.map((f) => ({ id: f.id, nextPollAt: f.state.nextPollAt })),
      );
    }
    return { added, existing };
  }

  /** Adds one feed unless its address is stored (by anyone, even at this moment); finds a free id for it. */
  private async insertFeed(client: PgTransaction, feed: NewFeed): Promise<{ added: boolean; feed: FeedRecord }> {
    for (let n = 1; n < 100; n++) {
      const known = await feedWhere(client, 'f.url = $1', feed.url);
      if (known) return { added: false, feed: known };
      const id = `f${shortHash(n === 1 ? feed.url : `${feed.url}#${n}`)}`;
      const inserted = await client.query(
        `INSERT INTO ${S}.stream_feeds (id, url, title, added_at, state_json, next_poll_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [id, feed.url, nullableText(feed.title), feed.addedAt, JSON.stringify(feed.state), feed.state.nextPollAt],
      );
      if ((inserted.rowCount ?? 0) > 0) return { added: true, feed: (await feedWhere(client, 'f.id = $1', id))! };
    }
    throw new Error(`no free feed id for ${feed.url}`);
  }

  /** Queues entries (an address already queued is left as it is), in the order given; returns how many. */
  private async insertQueue(client: PgTransaction, entries: readonly QueueEntry[], at: string): Promise<number> {
    const queued: { pk: number; dueAt: string }[] = [];
    for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
      const chunk = entries.slice(i, i + INSERT_CHUNK).map((e) => ({
        url_key: pgText(e.urlKey),
        kind: e.kind,
        feed_id: e.feedId,
        source: pgText(e.source),
        entry_json: JSON.stringify(e.entry),
        use_entry_content: e.useEntryContent,
        signature: pgText(e.signature),
        order_key: e.orderKey ?? at,
      }));
      // WITH ORDINALITY keeps the given order in the queue's numbers (the order of a JSON Lines stream).
      const { rows } = await client.query<{ pk: string; next_attempt_at: string }>(
        `INSERT INTO ${S}.stream_queue (url_key, kind, feed_id, source, entry_json, use_entry_content, signature,
           order_key, enqueued_at, next_attempt_at)
         SELECT x.e->>'url_key', x.e->>'kind', x.e->>'feed_id', x.e->>'source', x.e->>'entry_json',
           (x.e->>'use_entry_content')::boolean, x.e->>'signature', x.e->>'order_key', $2, $2
         FROM json_array_elements($1::json) WITH ORDINALITY AS x (e, n)
         ORDER BY x.n
         ON CONFLICT (url_key) DO NOTHING
         RETURNING pk, next_attempt_at`,
        [JSON.stringify(chunk), at],
      );
      queued.push(...rows.map((r) => ({ pk: Number(r.pk), dueAt: r.next_attempt_at })));
    }
    if (queued.length > 0) await this.followUps.itemsQueued?.(client, queued);
    return queued.length;
  }
}

/** Runs reads in one snapshot, so that what they return belongs to one state of the stream. */
function snapshot<T>(pool: pg.Pool, work: (client: PgTransaction) => Promise<T>): Promise<T> {
  return inTransaction(pool, work, 'repeatable read');
}

async function feedWhere(db: pg.Pool | PgTransaction, where: string, value: string): Promise<FeedRecord | null> {
  const { rows } = await db.query<FeedRow>(`SELECT ${FEED_COLUMNS} FROM ${S}.stream_feeds f WHERE ${where}`, [value]);
  return rows[0] ? toFeed(rows[0]) : null;
}

async function storyRow(
  client: PgTransaction,
  id: string,
): Promise<(StoryRow & { report_revision: number | null }) | null> {
  const { rows } = await client.query<StoryRow & { report_revision: number | null }>(
    `SELECT * FROM ${S}.stream_stories WHERE id = $1`,
    [pgText(id)],
  );
  return rows[0] ?? null;
}

/** A story's members in arrival order, their current versions' content decoded. */
async function members(client: PgTransaction, storyId: string): Promise<MemberRow[]> {
  const { rows } = await client.query<MemberBytes>(`${MEMBER_SQL} WHERE a.story_id = $1 ORDER BY a.seq`, [storyId]);
  return rows.map((r) => ({ ...r, content: decode(r.content) }));
}

/** Locks stories' rows for the transaction, in id order (every writer takes them in that order: no deadlock). */
async function lockStories(client: PgTransaction, ids: readonly string[]): Promise<void> {
  const list = [...new Set(ids.map(pgText))].sort();
  await client.query(`SELECT 1 FROM ${S}.stream_stories WHERE id = ANY($1) ORDER BY id COLLATE "C" FOR UPDATE`, [list]);
}

async function storyOfArticle(client: PgTransaction, articleId: string): Promise<string> {
  const { rows } = await client.query<{ story_id: string }>(`SELECT story_id FROM ${S}.stream_articles WHERE id = $1`, [
    pgText(articleId),
  ]);
  if (!rows[0]) throw new Error(`no stream article with id "${articleId}"`);
  return rows[0].story_id;
}

/** The article's row, locked for the transaction. */
async function requireArticle(client: PgTransaction, id: string): Promise<ArticleRow> {
  const { rows } = await client.query<ArticleRow>(`SELECT * FROM ${S}.stream_articles WHERE id = $1 FOR UPDATE`, [
    pgText(id),
  ]);
  if (!rows[0]) throw new Error(`no stream article with id "${id}"`);
  return rows[0];
}

async function insertVersion(client: PgTransaction, articlePk: string | number, n: number, v: NewVersion) {
  await client.query(
    `INSERT INTO ${S}.stream_versions (article_pk, version, fetched_at, format, content, title, text, text_length,
       content_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      articlePk,
      n,
      v.fetchedAt,
      v.format,
      encode(v.content),
      nullableText(v.title),
      encode(v.text),
      codePoints(v.text),
      pgText(v.contentHash),
    ],
  );
}

async function insertAliases(
  client: PgTransaction,
  articlePk: string | number,
  aliases: readonly { urlKey: string; url: string | null }[],
  feedId: string | null,
  at: string,
): Promise<void> {
  for (const alias of aliases) {
    await client.query(
      `INSERT INTO ${S}.stream_aliases (url_key, article_pk, url, kind, feed_id, seen_at)
       VALUES ($1, $2, $3, 'address', $4, $5) ON CONFLICT (url_key) DO NOTHING`,
      [pgText(alias.urlKey), articlePk, nullableText(alias.url), feedId, at],
    );
  }
}

/** Removes the queue item the write completes, and any earlier give-up of the address. */
async function finish(client: PgTransaction, queuePk: number | null, urlKey: string): Promise<void> {
  if (queuePk !== null) await client.query(`DELETE FROM ${S}.stream_queue WHERE pk = $1`, [queuePk]);
  await client.query(`DELETE FROM ${S}.stream_failures WHERE url_key = $1`, [pgText(urlKey)]);
}

/** Recounts a story's members, adds outlets to its list, and marks its report out of date. */
async function changeStory(
  client: PgTransaction,
  id: string,
  at: string,
  outlets: readonly CoverageOutlet[],
): Promise<void> {
  const known = JSON.parse((await storyRow(client, id))?.outlets_json ?? '[]') as CoverageOutlet[];
  await client.query(
    `UPDATE ${S}.stream_stories SET updated_at = GREATEST(updated_at COLLATE "C", $2), revision = revision + 1,
       dirty_since = COALESCE(dirty_since, $2), last_change_at = $2,
       article_count = (SELECT COUNT(*) FROM ${S}.stream_articles a WHERE a.story_id = $1), outlets_json = $3
     WHERE id = $1`,
    [pgText(id), at, JSON.stringify(mergeOutlets(known, outlets))],
  );
}

/**
 * Folds a merged-away story into the survivor: its members move, its id (and the ids merged into it before) now
 * resolve to the survivor, and its page leaves the story library (articles added to it by hand move along when the
 * survivor is already published).
 */
async function mergeInto(
  client: PgTransaction,
  absorbed: string,
  survivor: string,
  at: string,
): Promise<CoverageOutlet[]> {
  const [from, into] = [pgText(absorbed), pgText(survivor)];
  const outlets = JSON.parse((await storyRow(client, from))?.outlets_json ?? '[]') as CoverageOutlet[];
  await client.query(`UPDATE ${S}.stream_articles SET story_id = $1 WHERE story_id = $2`, [into, from]);
  await client.query(
    `UPDATE ${S}.stream_stories SET merged_into = $1, merged_at = $2, dirty_since = NULL WHERE id = $3`,
    [into, at, from],
  );
  await client.query(`UPDATE ${S}.stream_stories SET merged_into = $1 WHERE merged_into = $2`, [into, from]);
  const published = await client.query(`SELECT 1 FROM ${S}.stories WHERE id = $1`, [into]);
  if (published.rows.length > 0) {
    await client.query(
      `UPDATE ${S}.articles SET story_id = $1 WHERE story_id = $2 AND stream_article_pk IS NULL
         AND article_id NOT IN (SELECT article_id FROM ${S}.articles WHERE story_id = $1)`,
      [into, from],
    );
  }
  await client.query(`DELETE FROM ${S}.stories WHERE id = $1`, [from]);
  return outlets;
}
