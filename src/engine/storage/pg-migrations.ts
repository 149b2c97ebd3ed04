import type pg from 'pg';
import { inTransaction } from './pg-pool.js';
import type { Migration } from './sqlite-migrations.js';

/** The schema that holds every Parallax table in PostgreSQL (the job queue has its own, `pgboss`). */
export const PG_SCHEMA = 'parallax';

/** The text search configuration of the full-text indexes and queries. */
export const PG_SEARCH_CONFIG = `${PG_SCHEMA}.search`;

/**
 * The PostgreSQL schema, in order (append-only, like the SQLite one). Full text search matches the SQLite one: words
 * are stemmed (Snowball English, with no stop words dropped, as SQLite's Porter tokenizer keeps every word) and
 * diacritics removed (`unaccent`, a trusted extension: the database owner may create it). The indexed text is the
 * words only (letters and digits, as the query takes them), so "COVID-19" is "COVID" and "19" on both sides.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'stories, articles, reports, facts; tsvector columns with GIN indexes',
    sql: `
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE TEXT SEARCH DICTIONARY ${PG_SCHEMA}.english_stem_all (TEMPLATE = snowball, Language = english);
      CREATE TEXT SEARCH CONFIGURATION ${PG_SEARCH_CONFIG} (COPY = pg_catalog.english);
      ALTER TEXT SEARCH CONFIGURATION ${PG_SEARCH_CONFIG}
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
        WITH unaccent, ${PG_SCHEMA}.english_stem_all;

      CREATE TABLE ${PG_SCHEMA}.stories (
        id text PRIMARY KEY,
        title text NOT NULL,
        fingerprint text NOT NULL,
        reference_date text,
        revision integer NOT NULL DEFAULT 0,
        created_at text NOT NULL,
        updated_at text NOT NULL
      );
      CREATE INDEX stories_by_fingerprint ON ${PG_SCHEMA}.stories (fingerprint);
      CREATE INDEX stories_by_updated ON ${PG_SCHEMA}.stories (updated_at DESC, id);

      CREATE TABLE ${PG_SCHEMA}.articles (
        pk bigserial PRIMARY KEY,
        story_id text NOT NULL REFERENCES ${PG_SCHEMA}.stories (id) ON DELETE CASCADE,
        article_id text NOT NULL,
        position integer NOT NULL,
        source text NOT NULL,
        format text NOT NULL,
        content bytea NOT NULL,
        meta_json text NOT NULL,
        diagnostics_json text NOT NULL,
        title text NOT NULL DEFAULT '',
        text text NOT NULL DEFAULT '',
        search tsvector NOT NULL DEFAULT ''::tsvector,
        UNIQUE (story_id, article_id)
      );
      CREATE INDEX articles_search ON ${PG_SCHEMA}.articles USING gin (search);

      CREATE TABLE ${PG_SCHEMA}.reports (
        story_id text PRIMARY KEY REFERENCES ${PG_SCHEMA}.stories (id) ON DELETE CASCADE,
        schema_version integer NOT NULL,
        generated_at text NOT NULL,
        report_json text NOT NULL
      );

      CREATE TABLE ${PG_SCHEMA}.facts (
        pk bigserial PRIMARY KEY,
        story_id text NOT NULL REFERENCES ${PG_SCHEMA}.stories (id) ON DELETE CASCADE,
        fact_id text NOT NULL,
        statement text NOT NULL,
        search tsvector NOT NULL,
        UNIQUE (story_id, fact_id)
      );
      CREATE INDEX facts_search ON ${PG_SCHEMA}.facts USING gin (search);
    `,
  },
  {
    version: 2,
    description:
      'story assignment: partitions (one writer each), articles in arrival order with where they went, merges',
    sql: `
      CREATE TABLE ${PG_SCHEMA}.cluster_partitions (
        key text PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        options_json text NOT NULL,
        checkpoint text,
        checkpoint_position bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE SEQUENCE ${PG_SCHEMA}.cluster_arrivals;
      CREATE TABLE ${PG_SCHEMA}.cluster_articles (
        partition_key text NOT NULL REFERENCES ${PG_SCHEMA}.cluster_partitions (key),
        article_id text NOT NULL,
        arrival bigint NOT NULL DEFAULT nextval('${PG_SCHEMA}.cluster_arrivals'),
        doc_json text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        position bigint,
        story_id text,
        current_story_id text,
        decision text,
        reason_json text,
        merged_story_ids text[],
        rejected text,
        placed_at timestamptz,
        PRIMARY KEY (partition_key, article_id),
        UNIQUE (partition_key, position)
      );
      CREATE INDEX cluster_articles_waiting ON ${PG_SCHEMA}.cluster_articles (partition_key, arrival)
        WHERE position IS NULL AND rejected IS NULL;
      CREATE INDEX cluster_articles_by_story ON ${PG_SCHEMA}.cluster_articles (current_story_id);

      CREATE TABLE ${PG_SCHEMA}.cluster_merges (
        story_id text PRIMARY KEY,
        merged_into text NOT NULL,
        merged_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

/** The schema version this code expects. */
export const PG_LATEST_SCHEMA_VERSION = PG_MIGRATIONS.at(-1)?.version ?? 0;

// Held while migrating, so that workers starting together on a new database migrate it once.
const MIGRATION_LOCK = `hashtext('${PG_SCHEMA}.migrate')`;

/**
 * Applies the migrations the database has not seen yet, all in one transaction under an advisory lock (DDL is
 * transactional in PostgreSQL: a failed migration leaves nothing behind); returns the final version.
 */
export async function migratePg(pool: pg.Pool, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${PG_SCHEMA}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${PG_SCHEMA}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)`,
    );
    const { rows } = await client.query<{ v: number | null }>(
      `SELECT MAX(version) AS v FROM ${PG_SCHEMA}.schema_version`,
    );
    const current = rows[0]?.v ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new Error(
        `The database schema is version ${current} but this Parallax knows only up to ${latest}: upgrade Parallax or use another --db.`,
      );
    }
    for (const migration of migrations.filter((m) => m.version > current)) {
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${PG_SCHEMA}.schema_version (version, applied_at) VALUES ($1, now())`, [
        migration.version,
      ]);
    }
    return Math.max(current, latest);
  });
}
