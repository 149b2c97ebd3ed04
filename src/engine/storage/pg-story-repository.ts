import type pg from 'pg';
import { lightReport, splitArticle, type ArticleText, type LightReport } from '../../core/light-report.js';
import type { RawArticle, Report } from '../../core/model.js';
import { storyDigest } from '../../core/story-digest.js';
import { PG_SCHEMA, PG_SEARCH_CONFIG, openMigratedPgPool } from './pg-migrations.js';
import { inTransaction, pgText, type PgConnectionOptions, type PgTransaction } from './pg-pool.js';
import { indexedWords, toTsQuery } from './pg-search-query.js';
import { escapeLike } from './sqlite-fts-query.js';
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
  type StoredAnalysis,
  type StoryListQuery,
  type StoryRecord,
  type StoryRepository,
  type StorySources,
  type StoredReport,
} from './story-repository.js';

const S = PG_SCHEMA;
const CONFIG = `'${PG_SEARCH_CONFIG}'::regconfig`;

const STORY_COLUMNS = `s.id, s.title, s.created_at, s.updated_at,
  (SELECT COUNT(*) FROM ${S}.articles a WHERE a.story_id = s.id)::integer AS article_count,
  CASE WHEN EXISTS (SELECT 1 FROM ${S}.stream_stories ss WHERE ss.id = s.id) THEN 'stream' ELSE 'manual' END AS kind`;

const LIST_ORDER = {
  updated: 's.updated_at DESC, s.id',
  size: 'article_count DESC, s.updated_at DESC, s.id',
} as const;

// Title words weigh four times body words, as in the SQLite ranking (weights of D, C, B, A).
const RANK_WEIGHTS = "'{0.1, 0.2, 0.25, 1.0}'";

// Snippets carry no markup (empty start and stop marks), like the SQLite ones: the web page shows them as text.
const HEADLINE_OPTIONS = `'StartSel="", StopSel="", MaxWords=24, MinWords=12, ShortWord=0, HighlightAll=false'`;

/** A headline of `text` with "…" where it was cut, as SQLite's snippet() gives it. */
function headline(text: string): string {
  const h = `ts_headline(${CONFIG}, ${text}, q.query, ${HEADLINE_OPTIONS})`;
  return `CASE WHEN starts_with(ltrim(${text}), ${h}) THEN '' ELSE '…' END || ${h}
    || CASE WHEN right(rtrim(${text}), length(${h})) = ${h} THEN '' ELSE '…' END`;
}

// The best hits first, then the headlines of those only (a headline reads its whole text: never for every match).
const SEARCH_SQL = `
  WITH q AS (SELECT to_tsquery(${CONFIG}, $1) AS query),
  hits AS (
    SELECT * FROM (
      SELECT a.story_id, 'article' AS kind, a.article_id AS item_id, a.pk, ts_rank(${RANK_WEIGHTS}, a.search, q.query) AS score
      FROM ${S}.articles a, q WHERE a.search @@ q.query
      UNION ALL
      SELECT f.story_id, 'fact', f.fact_id, f.pk, ts_rank(${RANK_WEIGHTS}, f.search, q.query)
      FROM ${S}.facts f, q WHERE f.search @@ q.query
    ) matched ORDER BY score DESC, story_id, item_id LIMIT $2
  )
  SELECT h.story_id, s.title AS story_title, h.kind, h.item_id,
    CASE WHEN h.kind = 'fact' THEN ${headline('f.statement')}
         WHEN ts_filter(a.search, '{b}') @@ q.query OR a.title = '' THEN ${headline('a.text')}
         ELSE ${headline('a.title')} END AS snippet
  FROM hits h CROSS JOIN q JOIN ${S}.stories s ON s.id = h.story_id
    LEFT JOIN ${S}.articles a ON h.kind = 'article' AND a.pk = h.pk
    LEFT JOIN ${S}.facts f ON h.kind = 'fact' AND f.pk = h.pk
  ORDER BY h.score DESC, h.story_id, h.item_id`;

const TITLE_MATCH_SQL = "s.title ILIKE $1 ESCAPE '\\'";
const TEXT_MATCH_SQL = `
  s.id IN (SELECT a.story_id FROM ${S}.articles a WHERE a.search @@ to_tsquery(${CONFIG}, $2))
  OR s.id IN (SELECT f.story_id FROM ${S}.facts f WHERE f.search @@ to_tsquery(${CONFIG}, $2))`;

/** Options for opening the PostgreSQL story library. */
export type PgRepositoryOptions = PgConnectionOptions;

/** Connects to PostgreSQL and migrates the schema; the pool reports idle-connection errors to `onError`. */
export async function openPgStoryRepository(
  options: PgRepositoryOptions,
  onError?: (error: Error) => void,
): Promise<PgStoryRepository> {
  const pool = await openMigratedPgPool(options, onError);
  return new PgStoryRepository(pool);
}

/** The story library in PostgreSQL: the same contract and tests as the SQLite one. */
export class PgStoryRepository implements StoryRepository {
  /** Wraps a pool on a migrated database (use `openPgStoryRepository` to get one). */
  constructor(readonly pool: pg.Pool) {}

  /** {@inheritDoc StoryRepository.createStory} */
  async createStory(story: NewStory): Promise<StoryRecord> {
    return inTransaction(this.pool, async (client) => {
      const { id, title, fingerprint, referenceDate, createdAt } = story;
      await client.query(
        `INSERT INTO ${S}.stories (id, title, fingerprint, reference_date, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5)`,
        [pgText(id), pgText(title), fingerprint, nullableText(referenceDate), pgText(createdAt)],
      );
      await insertArticles(client, id, story.articles);
      await writeAnalysis(client, id, story.analysis);
      return requireStory(client, id);
    });
  }

  /** {@inheritDoc StoryRepository.appendArticles} */
  async appendArticles(append: ArticleAppend): Promise<StoryRecord | null> {
    return inTransaction(this.pool, async (client) => {
      if (!(await checkRevision(client, append.storyId, append.expectedRevision))) return null;
      await insertArticles(client, append.storyId, append.articles);
      await writeAnalysis(client, append.storyId, append.analysis);
      await client.query(`UPDATE ${S}.stories SET fingerprint = $1, reference_date = $2 WHERE id = $3`, [
        append.fingerprint,
        nullableText(append.referenceDate),
        pgText(append.storyId),
      ]);
      await touch(client, append.storyId, append.updatedAt);
      return requireStory(client, append.storyId);
    });
  }

  /** {@inheritDoc StoryRepository.replaceAnalysis} */
  async replaceAnalysis(replacement: AnalysisReplacement): Promise<StoryRecord | null> {
    return inTransaction(this.pool, async (client) => {
      if (!(await checkRevision(client, replacement.storyId, replacement.expectedRevision))) return null;
      await writeAnalysis(client, replacement.storyId, replacement.analysis);
      await touch(client, replacement.storyId, replacement.updatedAt);
      return requireStory(client, replacement.storyId);
    });
  }

  /** {@inheritDoc StoryRepository.getStory} */
  async getStory(id: string): Promise<StoryRecord | null> {
    return readStory(this.pool, id);
  }

  /** {@inheritDoc StoryRepository.getSources} */
  async getSources(id: string): Promise<StorySources | null> {
    // One snapshot, so that the articles and the reference date belong to the same state of the story.
    return inTransaction(
      this.pool,
      async (client) => {
        const story = await client.query<{ reference_date: string | null; revision: number }>(
          `SELECT reference_date, revision FROM ${S}.stories WHERE id = $1`,
          [pgText(id)],
        );
        const row = story.rows[0];
        if (!row) return null;
        // A stream story's article points at the stream article: its current version is the content.
        const articles = await client.query<Omit<ArticleRow, 'content'> & { content: Buffer }>(
          `SELECT a.article_id, a.source, COALESCE(v.format, a.format) AS format,
             COALESCE(v.content, a.content) AS content, a.meta_json, a.diagnostics_json
           FROM ${S}.articles a
           LEFT JOIN ${S}.stream_articles sa ON sa.pk = a.stream_article_pk
           LEFT JOIN ${S}.stream_versions v ON v.article_pk = sa.pk AND v.version = sa.current_version
           WHERE a.story_id = $1 ORDER BY a.position`,
          [pgText(id)],
        );
        // The content is stored as bytes (it may hold NUL, which PostgreSQL text cannot).
        const raws = articles.rows.map((a) => toRawArticle({ ...a, content: a.content.toString('utf8') }));
        return { articles: raws, referenceDate: row.reference_date, revision: row.revision };
      },
      'repeatable read',
    );
  }

  /** {@inheritDoc StoryRepository.getStoryReport} */
  async getStoryReport(id: string, options: { light?: boolean } = {}): Promise<StoredReport | null> {
    const { rows } = await this.pool.query<
      StoryRow & { report_json: string; light_json: string | null; digest_json: string | null }
    >(
      `SELECT ${STORY_COLUMNS}, s.digest_json, r.report_json, l.report_json AS light_json
       FROM ${S}.stories s JOIN ${S}.reports r ON r.story_id = s.id
       LEFT JOIN ${S}.light_reports l ON l.story_id = s.id
       WHERE s.id = $1`,
      [pgText(id)],
    );
    const row = rows[0];
    if (!row) return null;
    const reportJson = options.light
      ? (row.light_json ?? JSON.stringify(lightReport(JSON.parse(row.report_json) as Report)))
      : row.report_json;
    return { story: toRecord(row), reportJson, digest: parseDigest(row.digest_json) };
  }

  /** {@inheritDoc StoryRepository.getArticleText} */
  async getArticleText(storyId: string, articleId: string): Promise<ArticleText | null> {
    const { rows } = await this.pool.query<{ text: string; text_layout_json: string | null }>(
      `SELECT text, text_layout_json FROM ${S}.articles WHERE story_id = $1 AND article_id = $2`,
      [pgText(storyId), pgText(articleId)],
    );
    const row = rows[0];
    // An article the stored report did not read has no layout: no text either.
    if (!row?.text_layout_json) return null;
    return { text: row.text, ...(JSON.parse(row.text_layout_json) as Omit<ArticleText, 'text'>) };
  }

  /** {@inheritDoc StoryRepository.findByFingerprint} */
  async findByFingerprint(fingerprint: string): Promise<StoryRecord | null> {
    const { rows } = await this.pool.query<StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM ${S}.stories s WHERE s.fingerprint = $1 ORDER BY s.updated_at DESC LIMIT 1`,
      [pgText(fingerprint)],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** {@inheritDoc StoryRepository.listStories} */
  async listStories(query: StoryListQuery): Promise<{ stories: ListedStory[]; total: number }> {
    const q = pgText(query.q?.trim() ?? '');
    const tsquery = q ? toTsQuery(q) : null;
    // A query without words (e.g. "?!") can still match a title literally; it skips the full-text part.
    const clauses = q ? [TITLE_MATCH_SQL, ...(tsquery ? [TEXT_MATCH_SQL] : [])] : [];
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' OR ')}` : '';
    const params: unknown[] = q ? [`%${escapeLike(q)}%`, ...(tsquery ? [tsquery] : [])] : [];
    const total = await this.pool.query<{ n: number }>(
      `SELECT COUNT(*)::integer AS n FROM ${S}.stories s ${where}`,
      params,
    );
    const n = params.length;
    const { rows } = await this.pool.query<ListedRow>(
      `SELECT ${STORY_COLUMNS}, s.digest_json FROM ${S}.stories s ${where}
       ORDER BY ${LIST_ORDER[query.sort ?? 'updated']} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, query.limit, query.offset],
    );
    const stories = rows.map((row) => ({ ...toRecord(row), digest: parseDigest(row.digest_json) }));
    return { stories, total: total.rows[0]?.n ?? 0 };
  }

  /** {@inheritDoc StoryRepository.search} */
  async search(q: string, limit: number): Promise<SearchHit[]> {
    const tsquery = toTsQuery(pgText(q));
    if (!tsquery) return [];
    const { rows } = await this.pool.query<HitRow>(SEARCH_SQL, [tsquery, limit]);
    return rows.map(toHit);
  }

  /** {@inheritDoc StoryRepository.deleteStory} */
  async deleteStory(id: string): Promise<boolean> {
    // Articles, report and facts go with the story (ON DELETE CASCADE), their search columns with them.
    const result = await this.pool.query(`DELETE FROM ${S}.stories WHERE id = $1`, [pgText(id)]);
    return (result.rowCount ?? 0) > 0;
  }

  /** {@inheritDoc StoryRepository.close} */
  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** A text column value that may be null. */
function nullableText(value: string | null): string | null {
  return value === null ? null : pgText(value);
}

async function readStory(db: pg.Pool | PgTransaction, id: string): Promise<StoryRecord | null> {
  const { rows } = await db.query<StoryRow>(`SELECT ${STORY_COLUMNS} FROM ${S}.stories s WHERE s.id = $1`, [
    pgText(id),
  ]);
  return rows[0] ? toRecord(rows[0]) : null;
}

async function requireStory(client: PgTransaction, id: string): Promise<StoryRecord> {
  const story = await readStory(client, id);
  if (!story) throw new Error(`story ${id} vanished right after it was written`);
  return story;
}

/**
 * False when the story does not exist; throws StoryChangedError when it was written since `expected`. The row stays
 * locked to the end of the transaction, so two writers of one story take turns and the second sees the first's write.
 */
async function checkRevision(client: PgTransaction, storyId: string, expected: number): Promise<boolean> {
  const { rows } = await client.query<{ revision: number }>(
    `SELECT revision FROM ${S}.stories WHERE id = $1 FOR UPDATE`,
    [pgText(storyId)],
  );
  const row = rows[0];
  if (!row) return false;
  if (row.revision !== expected) throw new StoryChangedError(storyId);
  return true;
}

async function touch(client: PgTransaction, storyId: string, updatedAt: string): Promise<void> {
  await client.query(`UPDATE ${S}.stories SET updated_at = $1, revision = revision + 1 WHERE id = $2`, [
    pgText(updatedAt),
    pgText(storyId),
  ]);
}

async function insertArticles(client: PgTransaction, storyId: string, articles: readonly RawArticle[]): Promise<void> {
  const next = await client.query<{ next: number }>(
    `SELECT COALESCE(MAX(position) + 1, 0)::integer AS next FROM ${S}.articles WHERE story_id = $1`,
    [pgText(storyId)],
  );
  let position = next.rows[0]?.next ?? 0;
  for (const raw of articles) {
    await client.query(
      `INSERT INTO ${S}.articles (story_id, article_id, position, source, format, content, meta_json, diagnostics_json)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        pgText(storyId),
        pgText(raw.id),
        position++,
        pgText(raw.source),
        pgText(raw.format),
        Buffer.from(raw.content, 'utf8'),
        JSON.stringify(raw.meta),
        JSON.stringify(raw.diagnostics ?? []),
      ],
    );
  }
}

/**
 * Writes the report, the searchable fact statements, the articles' cleaned texts (searchable, and served one at a time
 * with their layout) and the report's views: the digest a story list shows and the report without article texts
 * (inside a transaction); shared with the stream storage, which publishes its stories' reports in the library.
 */
export async function writeAnalysis(client: PgTransaction, storyId: string, analysis: StoredAnalysis): Promise<void> {
  const report: Report = analysis.report;
  const id = pgText(storyId);
  const light: LightReport = { ...report, articles: [] };
  for (const article of report.articles) {
    const { light: rest, text: articleText } = splitArticle(article);
    light.articles.push(rest);
    const { text: cleaned, ...layout } = articleText;
    const title = pgText(article.title ?? '');
    const text = pgText(cleaned);
    await client.query(
      `UPDATE ${S}.articles SET title = $1, text = $2, text_layout_json = $7,
         search = setweight(to_tsvector(${CONFIG}, $3), 'A') || setweight(to_tsvector(${CONFIG}, $4), 'B')
       WHERE story_id = $5 AND article_id = $6`,
      [title, text, indexedWords(title), indexedWords(text), id, pgText(article.id), JSON.stringify(layout)],
    );
  }
  await client.query(`UPDATE ${S}.stories SET digest_json = $1 WHERE id = $2`, [
    JSON.stringify(storyDigest(report)),
    id,
  ]);
  await client.query(
    `INSERT INTO ${S}.light_reports (story_id, report_json) VALUES ($1, $2)
     ON CONFLICT (story_id) DO UPDATE SET report_json = excluded.report_json`,
    [id, JSON.stringify(light)],
  );
  await client.query(
    `INSERT INTO ${S}.reports (story_id, schema_version, generated_at, report_json) VALUES ($1, $2, $3, $4)
     ON CONFLICT (story_id) DO UPDATE SET schema_version = excluded.schema_version,
       generated_at = excluded.generated_at, report_json = excluded.report_json`,
    [id, report.schemaVersion, pgText(analysis.generatedAt), JSON.stringify(report)],
  );
  await client.query(`DELETE FROM ${S}.facts WHERE story_id = $1`, [id]);
  for (const fact of report.facts ?? []) {
    const statement = pgText(fact.statement);
    await client.query(
      `INSERT INTO ${S}.facts (story_id, fact_id, statement, search) VALUES ($1, $2, $3, to_tsvector(${CONFIG}, $4))`,
      [id, pgText(fact.id), statement, indexedWords(statement)],
    );
  }
}
