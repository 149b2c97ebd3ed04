import type Database from 'better-sqlite3';
import type { InputMeta, RawArticle } from '../../core/model.js';
import type { CoverageOutlet } from '../../core/stream/coverage-split.js';
import type { FeedEntry } from '../feeds/types.js';
import { analysisWriter, type AnalysisWriter } from './sqlite-analysis-writer.js';
import { openSqliteDatabase, type SqliteRepositoryOptions } from './sqlite-story-repository.js';
import type {
  ArticleIngest,
  ClusterInput,
  DirtyStory,
  DuplicateRecord,
  FeedPoll,
  FeedRecord,
  KnownAddress,
  NewFeed,
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
import { shortHash } from '../../core/hash.js';
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
  toQueueItem,
  toRawArticle,
  toMember,
  toSummary,
  toVersionInfo,
  type AliasRow,
  type ArticleRow as SharedArticleRow,
  type ClusterRow as SharedClusterRow,
  type FeedRow as SharedFeedRow,
  type IdRow,
  type KnownRow,
  type ManualStoryRow,
  type MemberRow as SharedMemberRow,
  type QueueRow as SharedQueueRow,
  type StoryRow as SharedStoryRow,
  type VersionRow as SharedVersionRow,
  followMerges,
} from './stream-rows.js';

type FeedRow = SharedFeedRow<number>;
type QueueRow = SharedQueueRow<number>;
type ArticleRow = SharedArticleRow<number>;
type MemberRow = SharedMemberRow<number>;
type StoryRow = SharedStoryRow<number>;
type VersionRow = SharedVersionRow<number>;
type ClusterRow = SharedClusterRow<number>;

const FEED_COLUMNS = `f.id, f.url, f.title, f.added_at, f.state_json,
  (SELECT COUNT(*) FROM stream_articles a WHERE a.feed_id = f.id) AS articles,
  (SELECT COUNT(*) FROM stream_queue q WHERE q.feed_id = f.id) AS queued,
  (SELECT COUNT(*) FROM stream_failures x WHERE x.feed_id = f.id) AS failed,
  (SELECT json_object('at', x.failed_at, 'url', x.url, 'code', x.code, 'message', x.message)
     FROM stream_failures x WHERE x.feed_id = f.id ORDER BY x.failed_at DESC LIMIT 1) AS last_failure`;

const MEMBER_SQL = `SELECT a.*, v.title, v.format, v.content FROM stream_articles a
  JOIN stream_versions v ON v.article_pk = a.pk AND v.version = a.current_version`;

/** Most values bound in one `IN (...)` list (SQLite's limit on variables is far above it). */
const IN_CHUNK = 500;

/** Opens (creating if needed) a SQLite library with its stream storage (see `openSqliteLibrary` for both at once). */
export function openSqliteStreamRepository(options: SqliteRepositoryOptions): SqliteStreamRepository {
  return new SqliteStreamRepository(openSqliteDatabase(options));
}

/** The stream storage in SQLite (better-sqlite3), in the same database as the story library. */
export class SqliteStreamRepository implements StreamRepository {
  private readonly writeAnalysis: AnalysisWriter;
  private readonly s;

  /** Wraps an open, migrated connection (shared with the story library when opened by `openSqliteLibrary`). */
  constructor(private readonly db: Database.Database) {
    this.writeAnalysis = analysisWriter(db);
    this.s = {
      feed: db.prepare<[string], FeedRow>(`SELECT ${FEED_COLUMNS} FROM stream_feeds f WHERE f.id = ?`),
      feedByUrl: db.prepare<[string], FeedRow>(`SELECT ${FEED_COLUMNS} FROM stream_feeds f WHERE f.url = ?`),
      feeds: db.prepare<[], FeedRow>(`SELECT ${FEED_COLUMNS} FROM stream_feeds f ORDER BY f.added_at, f.id`),
      dueFeeds: db.prepare<[string, number], FeedRow>(
        `SELECT ${FEED_COLUMNS} FROM stream_feeds f WHERE f.next_poll_at <= ? ORDER BY f.next_poll_at, f.id LIMIT ?`,
      ),
      nextPoll: db.prepare<[], { at: string | null }>('SELECT MIN(next_poll_at) AS at FROM stream_feeds'),
      feedIdTaken: db.prepare<[string], { id: string }>('SELECT id FROM stream_feeds WHERE id = ?'),
      insertFeed: db.prepare(
        'INSERT INTO stream_feeds (id, url, title, added_at, state_json, next_poll_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      updateFeed: db.prepare(
        'UPDATE stream_feeds SET state_json = ?, next_poll_at = ?, title = COALESCE(?, title) WHERE id = ?',
      ),
      deleteFeed: db.prepare('DELETE FROM stream_feeds WHERE id = ?'),
      deleteFeedQueue: db.prepare('DELETE FROM stream_queue WHERE feed_id = ?'),
      enqueue: db.prepare(
        `INSERT INTO stream_queue (url_key, kind, feed_id, source, entry_json, use_entry_content, signature, order_key,
           enqueued_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url_key) DO NOTHING`,
      ),
      dueQueue: db.prepare<[string, number], QueueRow>(
        'SELECT * FROM stream_queue WHERE next_attempt_at <= ? ORDER BY order_key, pk LIMIT ?',
      ),
      nextQueued: db.prepare<[], { at: string | null }>('SELECT MIN(next_attempt_at) AS at FROM stream_queue'),
      queueItem: db.prepare<[number], QueueRow>('SELECT * FROM stream_queue WHERE pk = ?'),
      retryQueued: db.prepare(
        'UPDATE stream_queue SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE pk = ?',
      ),
      deleteQueued: db.prepare('DELETE FROM stream_queue WHERE pk = ?'),
      recordFailure: db.prepare(
        `INSERT INTO stream_failures (url_key, url, feed_id, signature, code, message, attempts, failed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url_key) DO UPDATE SET url = excluded.url,
           feed_id = excluded.feed_id, signature = excluded.signature, code = excluded.code,
           message = excluded.message, attempts = excluded.attempts, failed_at = excluded.failed_at`,
      ),
      hasFailed: db.prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM stream_failures WHERE url_key = ? AND signature = ?',
      ),
      clearFailure: db.prepare('DELETE FROM stream_failures WHERE url_key = ?'),
      byHash: db.prepare<[string], { id: string }>(
        `SELECT a.id FROM stream_versions v JOIN stream_articles a ON a.pk = v.article_pk
         WHERE v.content_hash = ? ORDER BY v.pk LIMIT 1`,
      ),
      currentVersion: db.prepare<[string], { version: number; content_hash: string; title: string | null }>(
        `SELECT v.version, v.content_hash, v.title FROM stream_articles a
         JOIN stream_versions v ON v.article_pk = a.pk AND v.version = a.current_version WHERE a.id = ?`,
      ),
      article: db.prepare<[string], ArticleRow>('SELECT * FROM stream_articles WHERE id = ?'),
      insertArticle: db.prepare(
        `INSERT INTO stream_articles (id, url_key, url, feed_id, outlet, published_at, cluster_date, first_seen_at,
           updated_at, current_version, etag, last_modified, signature, wire_of, wire_original, wire_overlap, seq,
           story_id, assigned_story_id, decision, reason_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertVersion: db.prepare(
        `INSERT INTO stream_versions (article_pk, version, fetched_at, format, content, title, text, content_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      newVersion: db.prepare(
        `UPDATE stream_articles SET current_version = ?, updated_at = ?, etag = ?, last_modified = ?,
           signature = COALESCE(?, signature) WHERE pk = ?`,
      ),
      revisited: db.prepare(
        `UPDATE stream_articles SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
           signature = COALESCE(?, signature) WHERE pk = ?`,
      ),
      insertAlias: db.prepare(
        `INSERT INTO stream_aliases (url_key, article_pk, url, kind, feed_id, seen_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (url_key) DO NOTHING`,
      ),
      versions: db.prepare<[number], VersionRow>(
        `SELECT version, fetched_at, title, content_hash, length(text) AS text_length FROM stream_versions
         WHERE article_pk = ? ORDER BY version`,
      ),
      version: db.prepare<
        [string, number],
        VersionRow & { format: RawArticle['format']; content: string; text: string }
      >(
        `SELECT v.version, v.fetched_at, v.title, v.content_hash, length(v.text) AS text_length, v.format, v.content, v.text
         FROM stream_versions v JOIN stream_articles a ON a.pk = v.article_pk WHERE a.id = ? AND v.version = ?`,
      ),
      aliases: db.prepare<[number], AliasRow>(
        'SELECT url, url_key, kind, seen_at FROM stream_aliases WHERE article_pk = ? ORDER BY seen_at, url_key',
      ),
      lastSeq: db.prepare<[], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM stream_articles'),
      clusterInputs: db.prepare<[number, number, number], ClusterRow>(
        `SELECT a.seq, a.id, v.title, v.text, a.cluster_date, a.outlet, a.published_at, a.url_key, a.assigned_story_id,
           a.decision FROM stream_articles a JOIN stream_versions v ON v.article_pk = a.pk AND v.version = 1
         WHERE a.seq > ? AND a.seq <= ? ORDER BY a.seq LIMIT ?`,
      ),
      saveCheckpoint: db.prepare(
        `INSERT INTO stream_checkpoint (id, seq, snapshot_json, saved_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, snapshot_json = excluded.snapshot_json,
           saved_at = excluded.saved_at`,
      ),
      loadCheckpoint: db.prepare<[], { seq: number; snapshot_json: string; saved_at: string }>(
        'SELECT seq, snapshot_json, saved_at FROM stream_checkpoint WHERE id = 1',
      ),
      story: db.prepare<[string], StoryRow>('SELECT * FROM stream_stories WHERE id = ?'),
      insertStory: db.prepare(
        `INSERT INTO stream_stories (id, title, created_at, updated_at, article_count, outlets_json, revision,
           dirty_since, last_change_at) VALUES (?, ?, ?, ?, 0, '[]', 0, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ),
      changeStory: db.prepare(
        `UPDATE stream_stories SET updated_at = MAX(updated_at, @at), revision = revision + 1,
           dirty_since = COALESCE(dirty_since, @at), last_change_at = @at,
           article_count = (SELECT COUNT(*) FROM stream_articles a WHERE a.story_id = @id),
           outlets_json = @outlets WHERE id = @id`,
      ),
      mergeStory: db.prepare(
        'UPDATE stream_stories SET merged_into = ?, merged_at = ?, dirty_since = NULL WHERE id = ?',
      ),
      repointMerged: db.prepare('UPDATE stream_stories SET merged_into = ? WHERE merged_into = ?'),
      moveMembers: db.prepare('UPDATE stream_articles SET story_id = ? WHERE story_id = ?'),
      libraryStory: db.prepare<[string], { id: string }>('SELECT id FROM stories WHERE id = ?'),
      moveHandArticles: db.prepare(
        'UPDATE articles SET story_id = ? WHERE story_id = ? AND stream_article_pk IS NULL AND article_id NOT IN (SELECT article_id FROM articles WHERE story_id = ?)',
      ),
      deleteLibraryStory: db.prepare('DELETE FROM stories WHERE id = ?'),
      mergedFrom: db.prepare<[string], { id: string }>(
        'SELECT id FROM stream_stories WHERE merged_into = ? ORDER BY merged_at, id',
      ),
      members: db.prepare<[string], MemberRow>(`${MEMBER_SQL} WHERE a.story_id = ? ORDER BY a.seq`),
      handArticles: db.prepare<
        [string],
        { article_id: string; source: string; format: RawArticle['format']; content: string; meta_json: string }
      >(
        `SELECT article_id, source, format, content, meta_json FROM articles
         WHERE story_id = ? AND stream_article_pk IS NULL ORDER BY position`,
      ),
      dirty: db.prepare<[number, number], StoryRow>(
        `SELECT * FROM stream_stories WHERE dirty_since IS NOT NULL AND merged_into IS NULL AND article_count >= ?
         ORDER BY dirty_since, id LIMIT ?`,
      ),
      upsertLibraryStory: db.prepare(
        `INSERT INTO stories (id, title, fingerprint, reference_date, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, fingerprint = excluded.fingerprint,
           updated_at = excluded.updated_at, revision = revision + 1`,
      ),
      dropStreamRefs: db.prepare('DELETE FROM articles WHERE story_id = ? AND stream_article_pk IS NOT NULL'),
      insertRef: db.prepare(
        `INSERT INTO articles (story_id, article_id, position, source, format, content, meta_json, diagnostics_json,
           stream_article_pk) VALUES (?, ?, ?, ?, ?, '', ?, '[]', ?)
         ON CONFLICT (story_id, article_id) DO NOTHING`,
      ),
      reported: db.prepare(
        `UPDATE stream_stories SET title = ?, report_at = ?, report_revision = ?, lead_entities_json = ?,
           dirty_since = CASE WHEN revision = ? THEN NULL ELSE dirty_since END WHERE id = ?`,
      ),
      lease: db.prepare<[], { owner: string; heartbeat_at: string }>(
        'SELECT owner, heartbeat_at FROM stream_lease WHERE id = 1',
      ),
      setLease: db.prepare(
        `INSERT INTO stream_lease (id, owner, heartbeat_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, heartbeat_at = excluded.heartbeat_at`,
      ),
      releaseLease: db.prepare('DELETE FROM stream_lease WHERE id = 1 AND owner = ?'),
    };
  }

  // Feeds ----------------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.addFeeds} */
  async addFeeds(feeds: readonly NewFeed[]): Promise<{ added: FeedRecord[]; existing: FeedRecord[] }> {
    return this.db.transaction(() => this.insertFeeds(feeds))();
  }

  /** {@inheritDoc StreamRepository.resolveProbe} */
  async resolveProbe(probe: {
    queuePk: number;
    feeds: readonly NewFeed[];
  }): Promise<{ added: FeedRecord[]; existing: FeedRecord[] }> {
    return this.db.transaction(() => {
      const result = this.insertFeeds(probe.feeds);
      this.s.deleteQueued.run(probe.queuePk);
      return result;
    })();
  }

  private insertFeeds(feeds: readonly NewFeed[]): { added: FeedRecord[]; existing: FeedRecord[] } {
    const added: FeedRecord[] = [];
    const existing: FeedRecord[] = [];
    for (const feed of feeds) {
      const known = this.s.feedByUrl.get(feed.url);
      if (known) {
        if (!existing.some((f) => f.id === known.id)) existing.push(toFeed(known));
        continue;
      }
      if (added.some((f) => f.url === feed.url)) continue;
      const id = this.newFeedId(feed.url);
      const { state } = feed;
      this.s.insertFeed.run(id, feed.url, feed.title ?? null, feed.addedAt, JSON.stringify(state), state.nextPollAt);
      added.push(toFeed(this.s.feed.get(id)!));
    }
    return { added, existing };
  }

  /** {@inheritDoc StreamRepository.listFeeds} */
  async listFeeds(): Promise<FeedRecord[]> {
    return this.s.feeds.all().map(toFeed);
  }

  /** {@inheritDoc StreamRepository.getFeed} */
  async getFeed(id: string): Promise<FeedRecord | null> {
    const row = this.s.feed.get(id);
    return row ? toFeed(row) : null;
  }

  /** {@inheritDoc StreamRepository.removeFeed} */
  async removeFeed(id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.s.deleteFeedQueue.run(id);
      return this.s.deleteFeed.run(id).changes > 0;
    })();
  }

  /** {@inheritDoc StreamRepository.dueFeeds} */
  async dueFeeds(now: string, limit: number): Promise<FeedRecord[]> {
    return this.s.dueFeeds.all(now, limit).map(toFeed);
  }

  /** {@inheritDoc StreamRepository.nextPollAt} */
  async nextPollAt(): Promise<string | null> {
    return this.s.nextPoll.get()?.at ?? null;
  }

  /** {@inheritDoc StreamRepository.savePoll} */
  async savePoll(poll: FeedPoll): Promise<void> {
    this.db.transaction(() => {
      const { feedId, state } = poll;
      // A feed removed while it was being polled stays removed, and queues nothing.
      if (this.s.updateFeed.run(JSON.stringify(state), state.nextPollAt, poll.title ?? null, feedId).changes === 0)
        return;
      this.insertQueue(poll.queue, state.lastPollAt ?? state.nextPollAt);
    })();
  }

  // Queue ----------------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.enqueue} */
  async enqueue(entries: readonly QueueEntry[], at: string): Promise<number> {
    return this.db.transaction(() => this.insertQueue(entries, at))();
  }

  /** {@inheritDoc StreamRepository.dueQueue} */
  async dueQueue(now: string, limit: number): Promise<QueueItem[]> {
    return this.s.dueQueue.all(now, limit).map(toQueueItem);
  }

  /** {@inheritDoc StreamRepository.queueSize} */
  async queueSize(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM stream_queue').get() as { n: number }).n;
  }

  /** {@inheritDoc StreamRepository.nextQueuedAt} */
  async nextQueuedAt(): Promise<string | null> {
    return this.s.nextQueued.get()?.at ?? null;
  }

  /** {@inheritDoc StreamRepository.failQueued} */
  async failQueued(failure: QueueFailure): Promise<void> {
    this.db.transaction(() => {
      const row = this.s.queueItem.get(failure.queuePk);
      if (!row) return;
      if (failure.retryAt !== null) {
        this.s.retryQueued.run(failure.retryAt, `${failure.code}: ${failure.message}`, failure.queuePk);
        return;
      }
      const entry = JSON.parse(row.entry_json) as FeedEntry;
      this.s.recordFailure.run(
        row.url_key,
        entry.url,
        row.feed_id,
        row.signature,
        failure.code,
        failure.message,
        row.attempts + 1,
        failure.at,
      );
      this.s.deleteQueued.run(failure.queuePk);
    })();
  }

  /** {@inheritDoc StreamRepository.hasFailed} */
  async hasFailed(urlKey: string, signature: string): Promise<boolean> {
    return this.s.hasFailed.get(urlKey, signature) !== undefined;
  }

  /** {@inheritDoc StreamRepository.queuedKeys} */
  async queuedKeys(urlKeys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of chunks(urlKeys)) {
      const rows = this.db
        .prepare<string[], { url_key: string }>(
          `SELECT url_key FROM stream_queue WHERE url_key IN (${placeholders(chunk.length)})`,
        )
        .all(...chunk);
      for (const row of rows) found.add(row.url_key);
    }
    return found;
  }

  // Articles -------------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.findAddresses} */
  async findAddresses(urlKeys: readonly string[]): Promise<Map<string, KnownAddress>> {
    const found = new Map<string, KnownAddress>();
    for (const chunk of chunks(urlKeys)) {
      const list = placeholders(chunk.length);
      const rows = this.db
        .prepare<string[], KnownRow>(
          `SELECT url_key, 'article' AS kind, id, signature, etag, last_modified FROM stream_articles
           WHERE url_key IN (${list})
           UNION ALL
           SELECT x.url_key, 'alias', a.id, a.signature, a.etag, a.last_modified FROM stream_aliases x
           JOIN stream_articles a ON a.pk = x.article_pk WHERE x.url_key IN (${list})`,
        )
        .all(...chunk, ...chunk);
      addKnown(found, rows);
    }
    return found;
  }

  /** {@inheritDoc StreamRepository.findByContentHash} */
  async findByContentHash(contentHash: string): Promise<string | null> {
    return this.s.byHash.get(contentHash)?.id ?? null;
  }

  /** {@inheritDoc StreamRepository.currentVersion} */
  async currentVersion(
    articleId: string,
  ): Promise<{ version: number; contentHash: string; title: string | null } | null> {
    const row = this.s.currentVersion.get(articleId);
    return row ? { version: row.version, contentHash: row.content_hash, title: row.title } : null;
  }

  /** {@inheritDoc StreamRepository.articleIdTaken} */
  async articleIdTaken(id: string): Promise<boolean> {
    return this.s.article.get(id) !== undefined;
  }

  /** {@inheritDoc StreamRepository.ingestArticle} */
  async ingestArticle(ingest: ArticleIngest): Promise<void> {
    this.db.transaction(() => {
      const { assignment: a, version: v, at } = ingest;
      const pk = Number(
        this.s.insertArticle.run(
          ingest.id,
          ingest.urlKey,
          ingest.url,
          ingest.feedId,
          ingest.outlet,
          ingest.publishedAt,
          ingest.clusterDate,
          at,
          at,
          ingest.etag,
          ingest.lastModified,
          ingest.signature,
          ingest.wire?.of ?? null,
          ingest.wire?.original ?? null,
          ingest.wire?.overlap ?? null,
          a.seq,
          a.storyId,
          a.storyId,
          a.decision,
          JSON.stringify(a.reason),
        ).lastInsertRowid,
      );
      this.s.insertVersion.run(pk, 1, v.fetchedAt, v.format, v.content, v.title, v.text, v.contentHash);
      this.insertAliases(pk, ingest.aliases, ingest.feedId, at);
      this.s.insertStory.run(a.storyId, v.title ?? ingest.url ?? ingest.id, at, at, at, at);
      const outlets = (a.mergedStoryIds ?? []).flatMap((absorbed) => this.mergeInto(absorbed, a.storyId, at));
      this.changeStory(a.storyId, at, [...outlets, { outlet: ingest.outlet, url: ingest.url }]);
      this.finish(ingest.queuePk, ingest.urlKey);
    })();
  }

  /** {@inheritDoc StreamRepository.appendVersion} */
  async appendVersion(append: VersionAppend): Promise<number> {
    return this.db.transaction(() => {
      const row = this.requireArticle(append.articleId);
      const v = append.version;
      const next = row.current_version + 1;
      this.s.insertVersion.run(row.pk, next, v.fetchedAt, v.format, v.content, v.title, v.text, v.contentHash);
      this.s.newVersion.run(next, append.at, append.etag, append.lastModified, append.signature, row.pk);
      this.insertAliases(row.pk, append.aliases, row.feed_id, append.at);
      this.changeStory(row.story_id, append.at, []);
      this.finish(append.queuePk, row.url_key);
      return next;
    })();
  }

  /** {@inheritDoc StreamRepository.recordRevisit} */
  async recordRevisit(revisit: RevisitRecord): Promise<void> {
    this.db.transaction(() => {
      const row = this.requireArticle(revisit.articleId);
      this.s.revisited.run(revisit.etag, revisit.lastModified, revisit.signature, row.pk);
      this.insertAliases(row.pk, revisit.aliases, row.feed_id, revisit.at);
      this.finish(revisit.queuePk, row.url_key);
    })();
  }

  /** {@inheritDoc StreamRepository.recordDuplicate} */
  async recordDuplicate(duplicate: DuplicateRecord): Promise<void> {
    this.db.transaction(() => {
      const row = this.requireArticle(duplicate.of);
      this.s.insertAlias.run(duplicate.urlKey, row.pk, duplicate.url, 'duplicate', duplicate.feedId, duplicate.at);
      this.finish(duplicate.queuePk, duplicate.urlKey);
    })();
  }

  /** {@inheritDoc StreamRepository.getArticle} */
  async getArticle(id: string): Promise<StreamArticleRecord | null> {
    return this.db.transaction(() => {
      const row = this.s.article.get(id);
      if (!row) return null;
      return toArticleRecord(row, this.s.versions.all(row.pk), this.s.aliases.all(row.pk));
    })();
  }

  /** {@inheritDoc StreamRepository.getVersion} */
  async getVersion(articleId: string, version: number): Promise<StoredVersion | null> {
    const row = this.s.version.get(articleId, version);
    return row ? { ...toVersionInfo(row), format: row.format, content: row.content, text: row.text } : null;
  }

  // Clustering -----------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.lastSeq} */
  async lastSeq(): Promise<number> {
    return this.s.lastSeq.get()?.seq ?? 0;
  }

  /** {@inheritDoc StreamRepository.clusterInputs} */
  async clusterInputs(afterSeq: number, upToSeq: number, limit: number): Promise<ClusterInput[]> {
    return this.s.clusterInputs.all(afterSeq, upToSeq, limit).map(toClusterInput);
  }

  /** {@inheritDoc StreamRepository.saveCheckpoint} */
  async saveCheckpoint(checkpoint: StreamCheckpoint): Promise<void> {
    this.s.saveCheckpoint.run(checkpoint.seq, JSON.stringify(checkpoint.snapshot), checkpoint.savedAt);
  }

  /** {@inheritDoc StreamRepository.loadCheckpoint} */
  async loadCheckpoint(): Promise<StreamCheckpoint | null> {
    const row = this.s.loadCheckpoint.get();
    return row ? { seq: row.seq, snapshot: JSON.parse(row.snapshot_json) as unknown, savedAt: row.saved_at } : null;
  }

  // Stories --------------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.resolveStory} */
  async resolveStory(id: string): Promise<string | null> {
    return followMerges(id, async (current) => this.s.story.get(current)?.merged_into);
  }

  /** {@inheritDoc StreamRepository.listStreamStories} */
  async listStreamStories(query: {
    sort: StreamStorySort;
    limit: number;
    offset: number;
  }): Promise<{ stories: StreamStorySummary[]; total: number }> {
    const order = query.sort === 'size' ? 'article_count DESC, updated_at DESC, id' : 'updated_at DESC, id';
    return this.db.transaction(() => {
      const total = (
        this.db.prepare('SELECT COUNT(*) AS n FROM stream_stories WHERE merged_into IS NULL').get() as { n: number }
      ).n;
      const rows = this.db
        .prepare<[number, number], StoryRow>(
          `SELECT * FROM stream_stories WHERE merged_into IS NULL ORDER BY ${order} LIMIT ? OFFSET ?`,
        )
        .all(query.limit, query.offset);
      return { stories: rows.map(toSummary), total };
    })();
  }

  /** {@inheritDoc StreamRepository.getStreamStory} */
  async getStreamStory(id: string): Promise<StreamStoryDetail | null> {
    return this.db.transaction(() => {
      const row = this.s.story.get(id);
      if (!row || row.merged_into !== null) return null;
      return {
        story: toSummary(row),
        members: this.s.members.all(id).map(toMember),
        mergedFrom: this.s.mergedFrom.all(id).map((r) => r.id),
      };
    })();
  }

  /** {@inheritDoc StreamRepository.dirtyStories} */
  async dirtyStories(limit: number, minArticles: number): Promise<DirtyStory[]> {
    return this.s.dirty.all(minArticles, limit).map(toDirtyStory);
  }

  /** {@inheritDoc StreamRepository.storySources} */
  async storySources(id: string): Promise<StreamStorySources | null> {
    return this.db.transaction(() => {
      const story = this.s.story.get(id);
      if (!story || story.merged_into !== null) return null;
      const members = this.s.members.all(id).map(toRawArticle);
      const hand = this.s.handArticles.all(id).map((r): RawArticle => ({
        id: r.article_id,
        source: r.source,
        format: r.format,
        content: r.content,
        meta: JSON.parse(r.meta_json) as InputMeta,
      }));
      return { revision: story.revision, articles: [...members, ...hand] };
    })();
  }

  /** {@inheritDoc StreamRepository.storeReport} */
  async storeReport(report: StreamReport): Promise<boolean> {
    return this.db.transaction(() => {
      const story = this.s.story.get(report.storyId);
      if (!story || story.merged_into !== null) return false;
      this.s.upsertLibraryStory.run(report.storyId, report.title, report.fingerprint, story.created_at, report.at);
      this.s.dropStreamRefs.run(report.storyId);
      this.s.members.all(report.storyId).forEach((m, position) => {
        const meta = toRawArticle(m).meta;
        this.s.insertRef.run(report.storyId, m.id, position, m.url ?? m.id, m.format, JSON.stringify(meta), m.pk);
      });
      this.writeAnalysis(report.storyId, report.analysis);
      this.s.reported.run(
        report.title,
        report.at,
        report.revision,
        JSON.stringify(report.leadEntities),
        report.revision,
        report.storyId,
      );
      return true;
    })();
  }

  /** {@inheritDoc StreamRepository.listAllStories} */
  async listAllStories(): Promise<StoryListing[]> {
    return this.db.transaction(() => {
      const stream = this.db
        .prepare<[], StoryRow>('SELECT * FROM stream_stories WHERE merged_into IS NULL ORDER BY created_at, id')
        .all();
      const memberIds = groupIds(
        this.db.prepare<[], IdRow>('SELECT story_id, id FROM stream_articles ORDER BY story_id, seq').all(),
      );
      const manual = this.db
        .prepare<[], ManualStoryRow>(
          `SELECT id, title, created_at, updated_at FROM stories WHERE id NOT IN (SELECT id FROM stream_stories)
           ORDER BY created_at, id`,
        )
        .all();
      const manualIds = groupIds(
        this.db
          .prepare<[], IdRow>(
            `SELECT story_id, article_id AS id FROM articles
             WHERE story_id NOT IN (SELECT id FROM stream_stories) ORDER BY story_id, position`,
          )
          .all(),
      );
      const outletsOf = this.db.prepare<[string], { meta_json: string; source: string }>(
        'SELECT meta_json, source FROM articles WHERE story_id = ? ORDER BY position',
      );
      return storyListings({
        stream,
        memberIds,
        manual,
        manualIds,
        manualOutlets: (id) => outletsOfMeta(outletsOf.all(id)),
      });
    })();
  }

  // Lease ----------------------------------------------------------------------------------------------------------

  /** {@inheritDoc StreamRepository.acquireLease} */
  async acquireLease(owner: string, at: string, options: { replaceOwner?: string } = {}): Promise<StreamLease> {
    return this.db.transaction(() => {
      const held = this.s.lease.get();
      if (!held || held.owner === owner || held.owner === options.replaceOwner) {
        this.s.setLease.run(owner, at);
        return { owner, heartbeatAt: at };
      }
      return { owner: held.owner, heartbeatAt: held.heartbeat_at };
    })();
  }

  /** {@inheritDoc StreamRepository.releaseLease} */
  async releaseLease(owner: string): Promise<void> {
    this.s.releaseLease.run(owner);
  }

  /** {@inheritDoc StreamRepository.close} */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // Helpers (inside transactions) ------------------------------------------------------------------------------------

  private newFeedId(url: string): string {
    let id = `f${shortHash(url)}`;
    for (let n = 2; this.s.feedIdTaken.get(id); n++) id = `f${shortHash(`${url}#${n}`)}`;
    return id;
  }

  private insertQueue(entries: readonly QueueEntry[], at: string): number {
    let queued = 0;
    for (const e of entries) {
      queued += this.s.enqueue.run(
        e.urlKey,
        e.kind,
        e.feedId,
        e.source,
        JSON.stringify(e.entry),
        e.useEntryContent ? 1 : 0,
        e.signature,
        e.orderKey ?? at,
        at,
        at,
      ).changes;
    }
    return queued;
  }

  private requireArticle(id: string): ArticleRow {
    const row = this.s.article.get(id);
    if (!row) throw new Error(`no stream article with id "${id}"`);
    return row;
  }

  private insertAliases(
    articlePk: number,
    aliases: readonly { urlKey: string; url: string | null }[],
    feedId: string | null,
    at: string,
  ): void {
    for (const alias of aliases) this.s.insertAlias.run(alias.urlKey, articlePk, alias.url, 'address', feedId, at);
  }

  /** Removes the queue item the write completes, and any earlier give-up of the address. */
  private finish(queuePk: number | null, urlKey: string): void {
    if (queuePk !== null) this.s.deleteQueued.run(queuePk);
    this.s.clearFailure.run(urlKey);
  }

  /** Recounts a story's members, adds outlets to its list, and marks its report out of date. */
  private changeStory(id: string, at: string, outlets: readonly CoverageOutlet[]): void {
    const known = JSON.parse(this.s.story.get(id)?.outlets_json ?? '[]') as CoverageOutlet[];
    this.s.changeStory.run({ id, at, outlets: JSON.stringify(mergeOutlets(known, outlets)) });
  }

  /**
   * Folds a merged-away story into the survivor: its members move, its id (and the ids merged into it before) now
   * resolve to the survivor, and its page leaves the story library (articles added to it by hand move along when the
   * survivor is already published).
   */
  private mergeInto(absorbed: string, survivor: string, at: string): CoverageOutlet[] {
    const outlets = JSON.parse(this.s.story.get(absorbed)?.outlets_json ?? '[]') as CoverageOutlet[];
    this.s.moveMembers.run(survivor, absorbed);
    this.s.mergeStory.run(survivor, at, absorbed);
    this.s.repointMerged.run(survivor, absorbed);
    if (this.s.libraryStory.get(survivor)) this.s.moveHandArticles.run(survivor, absorbed, survivor);
    this.s.deleteLibraryStory.run(absorbed);
    return outlets;
  }
}

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += IN_CHUNK) out.push(list.slice(i, i + IN_CHUNK));
  return out;
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
