import type Database from 'better-sqlite3';
import { backfillReportViews } from './sqlite-analysis-writer.js';

/** One numbered schema change. Migrations are append-only: never edit one that has shipped, add the next number. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Fills what SQL alone cannot (run after `sql`, in the same transaction). */
  backfill?: (db: Database.Database) => void;
}

// Both full-text indexes use the Porter stemmer over unicode61 so "killed" finds "killing"; they are external-content
// tables kept in sync by triggers, so no write path can forget to update them.
const FTS_TOKENIZER = "tokenize = 'porter unicode61 remove_diacritics 2'";

/** The SQLite schema, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'stories, articles, reports, facts; FTS5 over articles and facts',
    sql: `
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        reference_date TEXT,
        revision INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX stories_by_fingerprint ON stories (fingerprint);
      CREATE INDEX stories_by_updated ON stories (updated_at DESC, id);

      CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        content TEXT NOT NULL,
        meta_json TEXT NOT NULL,
        diagnostics_json TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        UNIQUE (story_id, article_id)
      );

      CREATE TABLE reports (
        story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        schema_version INTEGER NOT NULL,
        generated_at TEXT NOT NULL,
        report_json TEXT NOT NULL
      );

      CREATE TABLE facts (
        pk INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        fact_id TEXT NOT NULL,
        statement TEXT NOT NULL,
        UNIQUE (story_id, fact_id)
      );

      CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'pk', ${FTS_TOKENIZER});
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.pk, new.title, new.text);
      END;

      CREATE VIRTUAL TABLE facts_fts USING fts5 (statement, content = 'facts', content_rowid = 'pk', ${FTS_TOKENIZER});
      CREATE TRIGGER facts_fts_insert AFTER INSERT ON facts BEGIN
        INSERT INTO facts_fts (rowid, statement) VALUES (new.pk, new.statement);
      END;
      CREATE TRIGGER facts_fts_delete AFTER DELETE ON facts BEGIN
        INSERT INTO facts_fts (facts_fts, rowid, statement) VALUES ('delete', old.pk, old.statement);
      END;
      CREATE TRIGGER facts_fts_update AFTER UPDATE OF statement ON facts BEGIN
        INSERT INTO facts_fts (facts_fts, rowid, statement) VALUES ('delete', old.pk, old.statement);
        INSERT INTO facts_fts (rowid, statement) VALUES (new.pk, new.statement);
      END;
    `,
  },
  {
    version: 2,
    description: 'the stream: feeds, queue, articles with versions and aliases, stream stories, checkpoint, lease',
    sql: `
      CREATE TABLE stream_feeds (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        added_at TEXT NOT NULL,
        state_json TEXT NOT NULL,
        next_poll_at TEXT NOT NULL
      );
      CREATE INDEX stream_feeds_due ON stream_feeds (next_poll_at, id);

      CREATE TABLE stream_queue (
        pk INTEGER PRIMARY KEY,
        url_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        feed_id TEXT,
        source TEXT NOT NULL,
        entry_json TEXT NOT NULL,
        use_entry_content INTEGER NOT NULL,
        signature TEXT NOT NULL,
        order_key TEXT NOT NULL,
        enqueued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT
      );
      CREATE INDEX stream_queue_order ON stream_queue (order_key, pk);
      CREATE INDEX stream_queue_due ON stream_queue (next_attempt_at);
      CREATE INDEX stream_queue_by_feed ON stream_queue (feed_id);

      CREATE TABLE stream_failures (
        url_key TEXT PRIMARY KEY,
        url TEXT,
        feed_id TEXT,
        signature TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        failed_at TEXT NOT NULL
      );
      CREATE INDEX stream_failures_by_feed ON stream_failures (feed_id, failed_at);

      CREATE TABLE stream_articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url_key TEXT NOT NULL UNIQUE,
        url TEXT,
        feed_id TEXT,
        outlet TEXT,
        published_at TEXT,
        cluster_date TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        current_version INTEGER NOT NULL,
        etag TEXT,
        last_modified TEXT,
        signature TEXT,
        wire_of TEXT,
        wire_original TEXT,
        wire_overlap REAL,
        seq INTEGER NOT NULL UNIQUE,
        story_id TEXT NOT NULL,
        assigned_story_id TEXT NOT NULL,
        decision TEXT NOT NULL,
        reason_json TEXT NOT NULL
      );
      CREATE INDEX stream_articles_by_story ON stream_articles (story_id, seq);
      CREATE INDEX stream_articles_by_feed ON stream_articles (feed_id);

      CREATE TABLE stream_versions (
        pk INTEGER PRIMARY KEY,
        article_pk INTEGER NOT NULL REFERENCES stream_articles (pk) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        fetched_at TEXT NOT NULL,
        format TEXT NOT NULL,
        content TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        UNIQUE (article_pk, version)
      );
      CREATE INDEX stream_versions_by_hash ON stream_versions (content_hash);

      CREATE TABLE stream_aliases (
        url_key TEXT PRIMARY KEY,
        article_pk INTEGER NOT NULL REFERENCES stream_articles (pk) ON DELETE CASCADE,
        url TEXT,
        kind TEXT NOT NULL,
        feed_id TEXT,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX stream_aliases_by_article ON stream_aliases (article_pk);

      CREATE TABLE stream_stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        article_count INTEGER NOT NULL DEFAULT 0,
        outlets_json TEXT NOT NULL DEFAULT '[]',
        merged_into TEXT,
        merged_at TEXT,
        revision INTEGER NOT NULL DEFAULT 0,
        dirty_since TEXT,
        last_change_at TEXT,
        report_revision INTEGER,
        report_at TEXT,
        lead_entities_json TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX stream_stories_by_updated ON stream_stories (merged_into, updated_at DESC, id);
      CREATE INDEX stream_stories_by_size ON stream_stories (merged_into, article_count DESC, updated_at DESC, id);
      CREATE INDEX stream_stories_dirty ON stream_stories (dirty_since) WHERE dirty_since IS NOT NULL;
      CREATE INDEX stream_stories_merged ON stream_stories (merged_into) WHERE merged_into IS NOT NULL;

      CREATE TABLE stream_checkpoint (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        snapshot_json TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );

      CREATE TABLE stream_lease (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        owner TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      );

      -- A stream story's articles in the story library point at the stream article (its current version is the
      -- content) instead of holding a copy.
      ALTER TABLE articles ADD COLUMN stream_article_pk INTEGER;
    `,
  },
  {
    version: 3,
    description: "what a story list shows, the report without article texts, each article's text layout",
    sql: `
      -- The list's view of a story (outlets, lede, lead entities: StoryDigest), written with its report.
      ALTER TABLE stories ADD COLUMN digest_json TEXT;
      -- The layout of the cleaned text (paragraph and sentence spans) and what cleaning removed, as the report read
      -- them: served with the text (ArticleText), left out of the light report.
      ALTER TABLE articles ADD COLUMN text_layout_json TEXT;
      -- The report without article texts (LightReport), in a table of its own so that reading it never walks the
      -- pages of the full report.
      CREATE TABLE light_reports (
        story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        report_json TEXT NOT NULL
      );
    `,
    backfill: backfillReportViews,
  },
];

/** The schema version this code expects. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Applies the migrations the database has not seen yet, each in its own transaction; returns the final version. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)');
  const current = (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `The database schema is version ${current} but this Parallax knows only up to ${latest}: upgrade Parallax or use another --db.`,
    );
  }
  const record = db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)');
  for (const migration of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      migration.backfill?.(db);
      record.run(migration.version, new Date().toISOString());
    })();
  }
  return Math.max(current, latest);
}
