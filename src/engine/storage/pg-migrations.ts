import type pg from 'pg';
import { inTransaction, openPgPool, type PgConnectionOptions } from './pg-pool.js';
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
        updated_at text NOT NULL,
        -- The list's view of a story (StoryDigest), written with its report.
        digest_json text
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
        -- The cleaned text's paragraph and sentence spans and what cleaning removed, as the report read them.
        text_layout_json text,
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

      -- The report without article texts (LightReport), apart so that reading it never reads the full report.
      CREATE TABLE ${PG_SCHEMA}.light_reports (
        story_id text PRIMARY KEY REFERENCES ${PG_SCHEMA}.stories (id) ON DELETE CASCADE,
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
      'the stream: feeds, queue (with read articles waiting to be placed), articles with versions and aliases, ' +
      'stream stories, checkpoint, lease, per-host request slots',
    // The same tables as SQLite's migration 2, so that one contract holds for both. Times are ISO 8601 text, as in
    // SQLite (they compare as text). Raw content and cleaned text are bytes: they must come back exactly, and
    // PostgreSQL text cannot hold NUL.
    sql: `
      CREATE TABLE ${PG_SCHEMA}.stream_feeds (
        id text PRIMARY KEY,
        url text NOT NULL UNIQUE,
        title text,
        added_at text NOT NULL,
        state_json text NOT NULL,
        next_poll_at text NOT NULL
      );
      CREATE INDEX stream_feeds_due ON ${PG_SCHEMA}.stream_feeds (next_poll_at, id);

      CREATE TABLE ${PG_SCHEMA}.stream_queue (
        pk bigserial PRIMARY KEY,
        url_key text NOT NULL UNIQUE,
        kind text NOT NULL,
        feed_id text,
        source text NOT NULL,
        entry_json text NOT NULL,
        use_entry_content boolean NOT NULL,
        signature text NOT NULL,
        order_key text NOT NULL,
        enqueued_at text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at text NOT NULL,
        last_error text,
        -- The article as read by a worker, waiting for the stream's writer to place it (JSON), and when.
        read_json text,
        read_at text
      );
      CREATE INDEX stream_queue_order ON ${PG_SCHEMA}.stream_queue (order_key, pk);
      CREATE INDEX stream_queue_due ON ${PG_SCHEMA}.stream_queue (next_attempt_at);
      CREATE INDEX stream_queue_by_feed ON ${PG_SCHEMA}.stream_queue (feed_id);

      CREATE TABLE ${PG_SCHEMA}.stream_failures (
        url_key text PRIMARY KEY,
        url text,
        feed_id text,
        signature text NOT NULL,
        code text NOT NULL,
        message text NOT NULL,
        attempts integer NOT NULL,
        failed_at text NOT NULL
      );
      CREATE INDEX stream_failures_by_feed ON ${PG_SCHEMA}.stream_failures (feed_id, failed_at);

      CREATE TABLE ${PG_SCHEMA}.stream_articles (
        pk bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        url_key text NOT NULL UNIQUE,
        url text,
        feed_id text,
        outlet text,
        published_at text,
        cluster_date text NOT NULL,
        first_seen_at text NOT NULL,
        updated_at text NOT NULL,
        current_version integer NOT NULL,
        etag text,
        last_modified text,
        signature text,
        wire_of text,
        wire_original text,
        wire_overlap double precision,
        -- The position in the stream: unique, so that a second writer with a stale clusterer can never store an
        -- article at a position already taken (its write fails and it reloads).
        seq bigint NOT NULL UNIQUE,
        story_id text NOT NULL,
        assigned_story_id text NOT NULL,
        decision text NOT NULL,
        reason_json text NOT NULL
      );
      CREATE INDEX stream_articles_by_story ON ${PG_SCHEMA}.stream_articles (story_id, seq);
      CREATE INDEX stream_articles_by_feed ON ${PG_SCHEMA}.stream_articles (feed_id);

      CREATE TABLE ${PG_SCHEMA}.stream_versions (
        pk bigserial PRIMARY KEY,
        article_pk bigint NOT NULL REFERENCES ${PG_SCHEMA}.stream_articles (pk) ON DELETE CASCADE,
        version integer NOT NULL,
        fetched_at text NOT NULL,
        format text NOT NULL,
        content bytea NOT NULL,
        title text,
        text bytea NOT NULL,
        text_length integer NOT NULL,
        content_hash text NOT NULL,
        UNIQUE (article_pk, version)
      );
      CREATE INDEX stream_versions_by_hash ON ${PG_SCHEMA}.stream_versions (content_hash);

      CREATE TABLE ${PG_SCHEMA}.stream_aliases (
        url_key text PRIMARY KEY,
        article_pk bigint NOT NULL REFERENCES ${PG_SCHEMA}.stream_articles (pk) ON DELETE CASCADE,
        url text,
        kind text NOT NULL,
        feed_id text,
        seen_at text NOT NULL
      );
      CREATE INDEX stream_aliases_by_article ON ${PG_SCHEMA}.stream_aliases (article_pk);

      CREATE TABLE ${PG_SCHEMA}.stream_stories (
        id text PRIMARY KEY,
        title text NOT NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL,
        article_count integer NOT NULL DEFAULT 0,
        outlets_json text NOT NULL DEFAULT '[]',
        merged_into text,
        merged_at text,
        revision integer NOT NULL DEFAULT 0,
        dirty_since text,
        last_change_at text,
        report_revision integer,
        report_at text,
        lead_entities_json text NOT NULL DEFAULT '[]'
      );
      CREATE INDEX stream_stories_by_updated ON ${PG_SCHEMA}.stream_stories (merged_into, updated_at DESC, id);
      CREATE INDEX stream_stories_by_size
        ON ${PG_SCHEMA}.stream_stories (merged_into, article_count DESC, updated_at DESC, id);
      CREATE INDEX stream_stories_dirty ON ${PG_SCHEMA}.stream_stories (dirty_since) WHERE dirty_since IS NOT NULL;
      CREATE INDEX stream_stories_merged ON ${PG_SCHEMA}.stream_stories (merged_into) WHERE merged_into IS NOT NULL;

      CREATE TABLE ${PG_SCHEMA}.stream_checkpoint (
        id integer PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        snapshot_json text NOT NULL,
        saved_at text NOT NULL
      );

      CREATE TABLE ${PG_SCHEMA}.stream_lease (
        id integer PRIMARY KEY CHECK (id = 1),
        owner text NOT NULL,
        heartbeat_at text NOT NULL
      );

      -- Requests to one host, from every worker: the earliest time the next one may start.
      CREATE TABLE ${PG_SCHEMA}.stream_hosts (
        host text PRIMARY KEY,
        next_at timestamptz NOT NULL
      );

      -- A stream story's articles in the story library point at the stream article (its current version is the
      -- content) instead of holding a copy.
      ALTER TABLE ${PG_SCHEMA}.articles ADD COLUMN stream_article_pk bigint;
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

/** Connects to PostgreSQL and migrates the schema; a failed migration closes the pool again before it throws. */
export async function openMigratedPgPool(
  options: PgConnectionOptions,
  onError?: (error: Error) => void,
): Promise<pg.Pool> {
  const pool = openPgPool(options, onError);
  try {
    await migratePg(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
