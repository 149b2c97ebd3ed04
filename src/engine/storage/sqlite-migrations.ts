import type Database from 'better-sqlite3';

/** One numbered schema change. Migrations are append-only: never edit one that has shipped, add the next number. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
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
      record.run(migration.version, new Date().toISOString());
    })();
  }
  return Math.max(current, latest);
}
