import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { lightReport, type ArticleText } from '../../core/light-report.js';
import type { RawArticle, Report } from '../../core/model.js';
import { analysisWriter, type AnalysisWriter } from './sqlite-analysis-writer.js';
import { migrate } from './sqlite-migrations.js';
import { escapeLike, toFtsQuery } from './sqlite-fts-query.js';
import {
  parseDigest,
  toHit,
  toRawArticle,
  toRecord,
  type ArticleRow,
  type HitRow,
  type ListedRow,
  type StoryRow,
} from './story-rows.js';
import {
  StoryChangedError,
  type AnalysisReplacement,
  type ArticleAppend,
  type ListedStory,
  type NewStory,
  type SearchHit,
  type StoryListQuery,
  type StoryRecord,
  type StoryRepository,
  type StorySources,
  type StoredReport,
} from './story-repository.js';

/** Options for opening the SQLite story library. */
export interface SqliteRepositoryOptions {
  /** Database file (its folder is created), or `:memory:` for a throw-away library. */
  path: string;
  /** Milliseconds to wait for another writer's lock before failing (default 5000). */
  busyTimeoutMs?: number;
}

const STORY_COLUMNS = `s.id, s.title, s.created_at, s.updated_at,
  (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id) AS article_count,
  CASE WHEN EXISTS (SELECT 1 FROM stream_stories ss WHERE ss.id = s.id) THEN 'stream' ELSE 'manual' END AS kind`;

const LIST_ORDER = {
  updated: 's.updated_at DESC, s.id',
  size: 'article_count DESC, s.updated_at DESC, s.id',
} as const;

// Snippets carry no markup (empty highlight markers): the web page renders them as text, never as HTML.
const SEARCH_SQL = `
  SELECT * FROM (
    SELECT a.story_id, s.title AS story_title, 'article' AS kind, a.article_id AS item_id,
      snippet(articles_fts, -1, '', '', '…', 24) AS snippet, bm25(articles_fts, 4.0, 1.0) AS score
    FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid JOIN stories s ON s.id = a.story_id
    WHERE articles_fts MATCH @fts
    UNION ALL
    SELECT f.story_id, s.title, 'fact', f.fact_id, snippet(facts_fts, 0, '', '', '…', 24), bm25(facts_fts)
    FROM facts_fts JOIN facts f ON f.pk = facts_fts.rowid JOIN stories s ON s.id = f.story_id
    WHERE facts_fts MATCH @fts
  ) ORDER BY score, story_id, item_id LIMIT @limit`;

const TITLE_MATCH_SQL = "s.title LIKE @like ESCAPE '\\'";
const TEXT_MATCH_SQL = `
  s.id IN (SELECT a.story_id FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
              WHERE articles_fts MATCH @fts)
  OR s.id IN (SELECT f.story_id FROM facts_fts JOIN facts f ON f.pk = facts_fts.rowid WHERE facts_fts MATCH @fts)`;

/** Opens (creating if needed) a SQLite library file: WAL journal, foreign keys on, schema migrated. */
export function openSqliteDatabase(options: SqliteRepositoryOptions): Database.Database {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Opens (creating if needed) a SQLite story library: WAL journal, foreign keys on, schema migrated. */
export function openSqliteStoryRepository(options: SqliteRepositoryOptions): SqliteStoryRepository {
  return new SqliteStoryRepository(openSqliteDatabase(options));
}

/** The story library in SQLite (better-sqlite3). All SQLite-specific SQL lives here and in the migrations. */
export class SqliteStoryRepository implements StoryRepository {
  private readonly statements;
  private readonly writeAnalysis: AnalysisWriter;

  /** Wraps an open, migrated connection (use `openSqliteStoryRepository` to get one). */
  constructor(private readonly db: Database.Database) {
    this.statements = {
      story: db.prepare<[string], StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories s WHERE s.id = ?`),
      byFingerprint: db.prepare<[string], StoryRow>(
        `SELECT ${STORY_COLUMNS} FROM stories s WHERE s.fingerprint = ? ORDER BY s.updated_at DESC LIMIT 1`,
      ),
      insertStory: db.prepare(
        'INSERT INTO stories (id, title, fingerprint, reference_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      touchStory: db.prepare('UPDATE stories SET updated_at = ?, revision = revision + 1 WHERE id = ?'),
      revision: db.prepare<[string], { revision: number }>('SELECT revision FROM stories WHERE id = ?'),
      updateInputs: db.prepare('UPDATE stories SET fingerprint = ?, reference_date = ? WHERE id = ?'),
      sourcesOf: db.prepare<[string], { reference_date: string | null; revision: number }>(
        'SELECT reference_date, revision FROM stories WHERE id = ?',
      ),
      deleteStory: db.prepare('DELETE FROM stories WHERE id = ?'),
      // A stream story's article points at the stream article: its current version is the content.
      articles: db.prepare<[string], ArticleRow>(
        `SELECT a.article_id, a.source, COALESCE(v.format, a.format) AS format, COALESCE(v.content, a.content) AS content,
           a.meta_json, a.diagnostics_json
         FROM articles a
         LEFT JOIN stream_articles sa ON sa.pk = a.stream_article_pk
         LEFT JOIN stream_versions v ON v.article_pk = sa.pk AND v.version = sa.current_version
         WHERE a.story_id = ? ORDER BY a.position`,
      ),
      nextPosition: db.prepare<[string], { next: number }>(
        'SELECT COALESCE(MAX(position) + 1, 0) AS next FROM articles WHERE story_id = ?',
      ),
      insertArticle: db.prepare(
        `INSERT INTO articles (story_id, article_id, position, source, format, content, meta_json, diagnostics_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      reportJson: db.prepare<[string], { report_json: string }>('SELECT report_json FROM reports WHERE story_id = ?'),
      lightJson: db.prepare<[string], { report_json: string }>(
        'SELECT report_json FROM light_reports WHERE story_id = ?',
      ),
      digest: db.prepare<[string], { digest_json: string | null }>('SELECT digest_json FROM stories WHERE id = ?'),
      articleText: db.prepare<[string, string], { text: string; text_layout_json: string | null }>(
        'SELECT text, text_layout_json FROM articles WHERE story_id = ? AND article_id = ?',
      ),
      search: db.prepare<{ fts: string; limit: number }, HitRow>(SEARCH_SQL),
    };
    this.writeAnalysis = analysisWriter(db);
  }

  /** {@inheritDoc StoryRepository.createStory} */
  async createStory(story: NewStory): Promise<StoryRecord> {
    this.db.transaction(() => {
      const { id, title, fingerprint, referenceDate, createdAt } = story;
      this.statements.insertStory.run(id, title, fingerprint, referenceDate, createdAt, createdAt);
      this.insertArticles(story.id, story.articles);
      this.writeAnalysis(story.id, story.analysis);
    })();
    return this.requireStory(story.id);
  }

  /** {@inheritDoc StoryRepository.appendArticles} */
  async appendArticles(append: ArticleAppend): Promise<StoryRecord | null> {
    const done = this.db.transaction(() => {
      if (!this.checkRevision(append.storyId, append.expectedRevision)) return false;
      this.insertArticles(append.storyId, append.articles);
      this.writeAnalysis(append.storyId, append.analysis);
      this.statements.updateInputs.run(append.fingerprint, append.referenceDate, append.storyId);
      this.statements.touchStory.run(append.updatedAt, append.storyId);
      return true;
    })();
    return done ? this.requireStory(append.storyId) : null;
  }

  /** {@inheritDoc StoryRepository.replaceAnalysis} */
  async replaceAnalysis(replacement: AnalysisReplacement): Promise<StoryRecord | null> {
    const done = this.db.transaction(() => {
      if (!this.checkRevision(replacement.storyId, replacement.expectedRevision)) return false;
      this.writeAnalysis(replacement.storyId, replacement.analysis);
      this.statements.touchStory.run(replacement.updatedAt, replacement.storyId);
      return true;
    })();
    return done ? this.requireStory(replacement.storyId) : null;
  }

  /** {@inheritDoc StoryRepository.getStory} */
  async getStory(id: string): Promise<StoryRecord | null> {
    const row = this.statements.story.get(id);
    return row ? toRecord(row) : null;
  }

  /** {@inheritDoc StoryRepository.getSources} */
  async getSources(id: string): Promise<StorySources | null> {
    // One read transaction so the articles and the reference date belong to the same state of the story.
    return this.db.transaction(() => {
      const story = this.statements.sourcesOf.get(id);
      if (!story) return null;
      const articles = this.statements.articles.all(id).map(toRawArticle);
      return { articles, referenceDate: story.reference_date, revision: story.revision };
    })();
  }

  /** {@inheritDoc StoryRepository.getStoryReport} */
  async getStoryReport(id: string, options: { light?: boolean } = {}): Promise<StoredReport | null> {
    return this.db.transaction(() => {
      const row = this.statements.story.get(id);
      if (!row) return null;
      const reportJson = options.light ? this.lightJson(id) : this.statements.reportJson.get(id)?.report_json;
      if (reportJson === undefined) return null;
      return { story: toRecord(row), reportJson, digest: parseDigest(this.statements.digest.get(id)?.digest_json) };
    })();
  }

  /** {@inheritDoc StoryRepository.getArticleText} */
  async getArticleText(storyId: string, articleId: string): Promise<ArticleText | null> {
    const row = this.statements.articleText.get(storyId, articleId);
    // An article the stored report did not read (or one stored before the report was) has no layout: no text either.
    if (!row?.text_layout_json) return null;
    return { text: row.text, ...(JSON.parse(row.text_layout_json) as Omit<ArticleText, 'text'>) };
  }

  /** {@inheritDoc StoryRepository.findByFingerprint} */
  async findByFingerprint(fingerprint: string): Promise<StoryRecord | null> {
    const row = this.statements.byFingerprint.get(fingerprint);
    return row ? toRecord(row) : null;
  }

  /** {@inheritDoc StoryRepository.listStories} */
  async listStories(query: StoryListQuery): Promise<{ stories: ListedStory[]; total: number }> {
    const q = query.q?.trim() ?? '';
    const fts = q ? toFtsQuery(q) : null;
    // A query without words (e.g. "?!") can still match a title literally; it skips the full-text part.
    const clauses = q ? [TITLE_MATCH_SQL, ...(fts ? [TEXT_MATCH_SQL] : [])] : [];
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' OR ')}` : '';
    const params = { ...(q ? { like: `%${escapeLike(q)}%` } : {}), ...(fts ? { fts } : {}) };
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM stories s ${where}`).get(params) as { n: number }).n;
    const order = LIST_ORDER[query.sort ?? 'updated'];
    const rows = this.db
      .prepare<Record<string, unknown>, ListedRow>(
        `SELECT ${STORY_COLUMNS}, s.digest_json FROM stories s ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset });
    return { stories: rows.map((row) => ({ ...toRecord(row), digest: parseDigest(row.digest_json) })), total };
  }

  /** {@inheritDoc StoryRepository.search} */
  async search(q: string, limit: number): Promise<SearchHit[]> {
    const fts = toFtsQuery(q);
    if (!fts) return [];
    return this.statements.search.all({ fts, limit }).map(toHit);
  }

  /** {@inheritDoc StoryRepository.deleteStory} */
  async deleteStory(id: string): Promise<boolean> {
    // Articles, report and facts go with the story (ON DELETE CASCADE); the FTS triggers follow the cascade.
    return this.statements.deleteStory.run(id).changes > 0;
  }

  /** {@inheritDoc StoryRepository.close} */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** The stored light report, or one made from the full report when it has none (a view that could not be written). */
  private lightJson(id: string): string | undefined {
    const light = this.statements.lightJson.get(id)?.report_json;
    if (light !== undefined) return light;
    const full = this.statements.reportJson.get(id)?.report_json;
    return full === undefined ? undefined : JSON.stringify(lightReport(JSON.parse(full) as Report));
  }

  private async requireStory(id: string): Promise<StoryRecord> {
    const story = await this.getStory(id);
    if (!story) throw new Error(`story ${id} vanished right after it was written`);
    return story;
  }

  /** False when the story does not exist; throws when it was written since `expected` (inside a transaction). */
  private checkRevision(storyId: string, expected: number): boolean {
    const row = this.statements.revision.get(storyId);
    if (!row) return false;
    if (row.revision !== expected) throw new StoryChangedError(storyId);
    return true;
  }

  private insertArticles(storyId: string, articles: readonly RawArticle[]): void {
    let position = this.statements.nextPosition.get(storyId)?.next ?? 0;
    for (const raw of articles) {
      this.statements.insertArticle.run(
        storyId,
        raw.id,
        position++,
        raw.source,
        raw.format,
        raw.content,
        JSON.stringify(raw.meta),
        JSON.stringify(raw.diagnostics ?? []),
      );
    }
  }
}
