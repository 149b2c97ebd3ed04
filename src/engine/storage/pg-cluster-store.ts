/**
 * Where story assignment keeps its state in PostgreSQL: per partition, the number of articles placed and a checkpoint
 * of the clusterer; per article, where it went and why (with the document it was placed from, so that any worker can
 * replay the partition to its current state); and the merges, so that a merged story's id keeps resolving.
 * Every function runs on a client inside the caller's transaction.
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

/** One placed article as stored. */
export interface StoredAssignment {
  articleId: string;
  position: number;
  storyId: string;
  currentStoryId: string;
  decision: Decision;
  reason: AssignmentReason;
  mergedStoryIds: string[];
}

/** A new assignment to store. */
export interface NewAssignment {
  articleId: string;
  position: number;
  storyId: string;
  decision: Decision;
  reason: AssignmentReason;
  mergedStoryIds: string[];
  doc: ClusterDoc;
}

/**
 * Creates the partition if it is new and locks its row to the end of the transaction: whoever holds it is the
 * partition's only writer, so two articles of one new story can never both start it.
 */
export async function lockPartition(client: PgTransaction, key: string, optionsJson: string): Promise<PartitionHead> {
  await client.query(
    `INSERT INTO ${S}.cluster_partitions (key, options_json) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
    [key, optionsJson],
  );
  const { rows } = await client.query<{ position: string; options_json: string; checkpoint_position: string }>(
    `SELECT position, options_json, checkpoint_position FROM ${S}.cluster_partitions WHERE key = $1 FOR UPDATE`,
    [key],
  );
  const row = rows[0];
  if (!row) throw new Error(`the partition ${key} vanished while being locked`);
  return {
    key,
    position: Number(row.position),
    optionsJson: row.options_json,
    checkpointPosition: Number(row.checkpoint_position),
  };
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
export async function docsAfter(client: PgTransaction, key: string, position: number): Promise<ClusterDoc[]> {
  const { rows } = await client.query<{ doc_json: string }>(
    `SELECT doc_json FROM ${S}.cluster_assignments WHERE partition_key = $1 AND position > $2 ORDER BY position`,
    [key, position],
  );
  return rows.map((row) => JSON.parse(row.doc_json) as ClusterDoc);
}

/** The stored assignments of these articles in the partition, by article id. */
export async function existingAssignments(
  client: PgTransaction | pg.Pool,
  key: string,
  articleIds: readonly string[],
): Promise<Map<string, StoredAssignment>> {
  const { rows } = await client.query<AssignmentRow>(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM ${S}.cluster_assignments WHERE partition_key = $1 AND article_id = ANY($2)`,
    [key, articleIds.map(pgText)],
  );
  return new Map(rows.map((row) => [row.article_id, toAssignment(row)]));
}

/** Stores one placed article; its current story is its story resolved through the merges stored so far. */
export async function insertAssignment(client: PgTransaction, key: string, a: NewAssignment): Promise<void> {
  await client.query(
    `INSERT INTO ${S}.cluster_assignments
       (partition_key, article_id, position, story_id, current_story_id, decision, reason_json, merged_story_ids, doc_json)
     VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8)`,
    [
      key,
      pgText(a.articleId),
      a.position,
      a.storyId,
      a.decision,
      JSON.stringify(a.reason),
      a.mergedStoryIds,
      JSON.stringify(a.doc),
    ],
  );
}

/** Records that `merged` stories were folded into `survivor`: their ids resolve to it and their articles move. */
export async function recordMerge(client: PgTransaction, merged: readonly string[], survivor: string): Promise<void> {
  await client.query(
    `INSERT INTO ${S}.cluster_merges (story_id, merged_into) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`,
    [merged, survivor],
  );
  await client.query(`UPDATE ${S}.cluster_assignments SET current_story_id = $1 WHERE current_story_id = ANY($2)`, [
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
export async function storyMembers(
  db: PgTransaction | pg.Pool,
  storyId: string,
): Promise<{ articleId: string; doc: ClusterDoc }[]> {
  const { rows } = await db.query<{ article_id: string; doc_json: string }>(
    `SELECT article_id, doc_json FROM ${S}.cluster_assignments WHERE current_story_id = $1
     ORDER BY partition_key, position`,
    [pgText(storyId)],
  );
  return rows.map((row) => ({ articleId: row.article_id, doc: JSON.parse(row.doc_json) as ClusterDoc }));
}

/** Every current story with its article ids in placement order, stories in order of their first article. */
export async function listAssignedStories(db: pg.Pool): Promise<{ storyId: string; articleIds: string[] }[]> {
  const { rows } = await db.query<{ story_id: string; article_ids: string[] }>(
    `SELECT current_story_id AS story_id, array_agg(article_id ORDER BY partition_key, position) AS article_ids
     FROM ${S}.cluster_assignments GROUP BY current_story_id
     ORDER BY MIN(partition_key), MIN(position), current_story_id`,
  );
  return rows.map((row) => ({ storyId: row.story_id, articleIds: row.article_ids }));
}

interface AssignmentRow {
  article_id: string;
  position: string;
  story_id: string;
  current_story_id: string;
  decision: Decision;
  reason_json: string;
  merged_story_ids: string[];
}

const ASSIGNMENT_COLUMNS = 'article_id, position, story_id, current_story_id, decision, reason_json, merged_story_ids';

function toAssignment(row: AssignmentRow): StoredAssignment {
  return {
    articleId: row.article_id,
    position: Number(row.position),
    storyId: row.story_id,
    currentStoryId: row.current_story_id,
    decision: row.decision,
    reason: JSON.parse(row.reason_json) as AssignmentReason,
    mergedStoryIds: row.merged_story_ids,
  };
}
