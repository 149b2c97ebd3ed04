/**
 * Where story assignment keeps its state in PostgreSQL. Per partition (a stream of articles clustered together): how
 * many articles were placed, and a checkpoint of the clusterer. Per article: the document as it arrived, in arrival
 * order, and once placed, its position in the placement order, its story and why (a bad article: why it was
 * rejected). Per merge: the story a merged story's id now resolves to. Every function runs on a client inside the
 * caller's transaction (or on the pool, for reads).
 */
import type pg from 'pg';
import type { AssignmentReason, ClusterDoc, Decision } from '../../core/cluster/index.js';
import { PG_SCHEMA } from './pg-migrations.js';
import { pgText, type PgTransaction } from './pg-pool.js';

const S = PG_SCHEMA;

/** A partition's row, locked for the rest of the transaction. */
export interface PartitionHead {
  key: string;
  /** Articles placed in it so far (the last one's position). */
  position: number;
  /** The clusterer options it was started with, as JSON. */
  optionsJson: string;
  checkpointPosition: number;
}

/** An article waiting to be placed. */
export interface WaitingArticle {
  articleId: string;
  doc: ClusterDoc;
}

/** A placement to store. */
export interface NewPlacement {
  articleId: string;
  position: number;
  storyId: string;
  decision: Decision;
  reason: AssignmentReason;
  mergedStoryIds: string[];
}

/** Creates the partition with these clusterer options if it does not exist (its options never change after). */
export async function ensurePartition(client: PgTransaction, key: string, optionsJson: string): Promise<void> {
  await client.query(
    `INSERT INTO ${S}.cluster_partitions (key, options_json) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
    [key, optionsJson],
  );
}

/**
 * Adds articles to the partition's arrivals, in the order given; an article id already there is skipped (sending an
 * article twice places it once). Returns how many were new.
 */
export async function addArrivals(
  client: PgTransaction,
  key: string,
  articles: readonly WaitingArticle[],
): Promise<number> {
  if (articles.length === 0) return 0;
  // One statement; WITH ORDINALITY keeps the given order in the arrival numbers.
  const result = await client.query(
    `INSERT INTO ${S}.cluster_articles (partition_key, article_id, doc_json)
     SELECT $1, a.id, a.doc FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS a (id, doc, n)
     ORDER BY a.n
     ON CONFLICT (partition_key, article_id) DO NOTHING`,
    [key, articles.map((a) => pgText(a.articleId)), articles.map((a) => JSON.stringify(a.doc))],
  );
  return result.rowCount ?? 0;
}

/**
 * Locks the partition's row to the end of the transaction: whoever holds it is the partition's only writer, so two
 * articles of one new story can never both start it. Null when the partition does not exist.
 */
export async function lockPartition(client: PgTransaction, key: string): Promise<PartitionHead | null> {
  const { rows } = await client.query<{ position: string; options_json: string; checkpoint_position: string }>(
    `SELECT position, options_json, checkpoint_position FROM ${S}.cluster_partitions WHERE key = $1 FOR UPDATE`,
    [key],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    key,
    position: Number(row.position),
    optionsJson: row.options_json,
    checkpointPosition: Number(row.checkpoint_position),
  };
}

/** The articles of the partition not yet placed (nor rejected), oldest arrival first, at most `limit`. */
export async function waitingArticles(client: PgTransaction, key: string, limit: number): Promise<WaitingArticle[]> {
  const { rows } = await client.query<{ article_id: string; doc_json: string }>(
    `SELECT article_id, doc_json FROM ${S}.cluster_articles
     WHERE partition_key = $1 AND position IS NULL AND rejected IS NULL ORDER BY arrival LIMIT $2`,
    [key, limit],
  );
  return rows.map((row) => ({ articleId: row.article_id, doc: JSON.parse(row.doc_json) as ClusterDoc }));
}

/** The partition's checkpoint (a clusterer snapshot as JSON) and its position, or null before the first one. */
export async function readCheckpoint(
  client: PgTransaction,
  key: string,
): Promise<{ snapshotJson: string; position: number } | null> {
  const { rows } = await client.query<{ checkpoint: string | null; checkpoint_position: string }>(
    `SELECT checkpoint, checkpoint_position FROM ${S}.cluster_partitions WHERE key = $1`,
    [key],
  );
  const row = rows[0];
  return row?.checkpoint ? { snapshotJson: row.checkpoint, position: Number(row.checkpoint_position) } : null;
}

/** The documents placed after `position`, in placement order (to replay them). */
export async function placedAfter(client: PgTransaction, key: string, position: number): Promise<ClusterDoc[]> {
  const { rows } = await client.query<{ doc_json: string }>(
    `SELECT doc_json FROM ${S}.cluster_articles WHERE partition_key = $1 AND position > $2 ORDER BY position`,
    [key, position],
  );
  return rows.map((row) => JSON.parse(row.doc_json) as ClusterDoc);
}

/** Stores where articles went, in one statement. */
export async function recordPlacements(
  client: PgTransaction,
  key: string,
  placements: readonly NewPlacement[],
): Promise<void> {
  if (placements.length === 0) return;
  await client.query(
    `UPDATE ${S}.cluster_articles a SET position = p.position, story_id = p.story_id, current_story_id = p.story_id,
       decision = p.decision, reason_json = p.reason_json, merged_story_ids = p.merged::text[], placed_at = now()
     FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS p (article_id, position, story_id, decision, reason_json, merged)
     WHERE a.partition_key = $1 AND a.article_id = p.article_id`,
    [
      key,
      placements.map((p) => p.articleId),
      placements.map((p) => p.position),
      placements.map((p) => p.storyId),
      placements.map((p) => p.decision),
      placements.map((p) => JSON.stringify(p.reason)),
      // Arrays of arrays cannot be unnested row by row: each list goes as its array literal, cast back per row.
      placements.map((p) => toArrayLiteral(p.mergedStoryIds)),
    ],
  );
}

/** A text[] literal (`{"a","b"}`) of plain ids. */
function toArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** Marks an article that can never be placed (a bad input), with the reason. */
export async function recordRejection(
  client: PgTransaction,
  key: string,
  articleId: string,
  reason: string,
): Promise<void> {
  await client.query(
    `UPDATE ${S}.cluster_articles SET rejected = $3, placed_at = now() WHERE partition_key = $1 AND article_id = $2`,
    [key, articleId, reason],
  );
}

/** Records that `merged` stories were folded into `survivor`: their ids resolve to it and their articles move. */
export async function recordMerge(client: PgTransaction, merged: readonly string[], survivor: string): Promise<void> {
  await client.query(
    `INSERT INTO ${S}.cluster_merges (story_id, merged_into) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`,
    [merged, survivor],
  );
  await client.query(`UPDATE ${S}.cluster_articles SET current_story_id = $1 WHERE current_story_id = ANY($2)`, [
    survivor,
    merged,
  ]);
}

/** Moves the partition's head (and its checkpoint, when one is given) at the end of a placement. */
export async function advancePartition(
  client: PgTransaction,
  key: string,
  position: number,
  checkpoint: string | null,
): Promise<void> {
  if (checkpoint === null) {
    await client.query(`UPDATE ${S}.cluster_partitions SET position = $2, updated_at = now() WHERE key = $1`, [
      key,
      position,
    ]);
    return;
  }
  await client.query(
    `UPDATE ${S}.cluster_partitions SET position = $2, checkpoint = $3, checkpoint_position = $2, updated_at = now()
     WHERE key = $1`,
    [key, position, checkpoint],
  );
}

/** The story a story id stands for now (itself, or the story it was merged into, through any chain of merges). */
export async function resolveStoryId(db: PgTransaction | pg.Pool, storyId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `WITH RECURSIVE chain (id, depth) AS (
       SELECT $1::text, 0
       UNION ALL
       SELECT m.merged_into, c.depth + 1 FROM ${S}.cluster_merges m JOIN chain c ON m.story_id = c.id WHERE c.depth < 1000
     ) SELECT id FROM chain ORDER BY depth DESC LIMIT 1`,
    [pgText(storyId)],
  );
  return rows[0]?.id ?? storyId;
}

/** A story's articles (by the documents they were placed from), in placement order. */
export async function storyMembers(db: PgTransaction | pg.Pool, storyId: string): Promise<WaitingArticle[]> {
  const { rows } = await db.query<{ article_id: string; doc_json: string }>(
    `SELECT article_id, doc_json FROM ${S}.cluster_articles WHERE current_story_id = $1
     ORDER BY partition_key, position`,
    [pgText(storyId)],
  );
  return rows.map((row) => ({ articleId: row.article_id, doc: JSON.parse(row.doc_json) as ClusterDoc }));
}

/** Every current story with its article ids in placement order, stories in order of their first article. */
export async function listAssignedStories(db: pg.Pool): Promise<{ storyId: string; articleIds: string[] }[]> {
  const { rows } = await db.query<{ story_id: string; article_ids: string[] }>(
    `SELECT current_story_id AS story_id, array_agg(article_id ORDER BY partition_key, position) AS article_ids
     FROM ${S}.cluster_articles WHERE current_story_id IS NOT NULL GROUP BY current_story_id
     ORDER BY MIN(partition_key), MIN(position), current_story_id`,
  );
  return rows.map((row) => ({ storyId: row.story_id, articleIds: row.article_ids }));
}

/** The articles of the partition that could not be placed, with the reasons. */
export async function rejectedArticles(db: pg.Pool, key: string): Promise<{ articleId: string; reason: string }[]> {
  const { rows } = await db.query<{ article_id: string; rejected: string }>(
    `SELECT article_id, rejected FROM ${S}.cluster_articles WHERE partition_key = $1 AND rejected IS NOT NULL
     ORDER BY arrival`,
    [key],
  );
  return rows.map((row) => ({ articleId: row.article_id, reason: row.rejected }));
}
