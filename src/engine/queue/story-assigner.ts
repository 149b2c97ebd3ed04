/**
 * Story assignment that any number of workers may run at once, safely: a single writer per partition.
 *
 * Placing an article reads the whole live index (every candidate story) and may start a story, so two placements at
 * once would each miss the other's article, and two articles of one new story would start two stories. Articles are
 * therefore not placed where they arrive: they are added to their partition's arrivals, and placed by whoever holds
 * the partition's row lock (`SELECT ... FOR UPDATE`) for its transaction, in arrival order, a batch at a time: one
 * writer at a time, each seeing everything placed before it. The lock is the row's, so a writer that dies releases it
 * with its connection, and its transaction (placements and follow-up jobs) is rolled back whole. Placing in arrival
 * order, whatever happened to the workers, gives the stories `parallax cluster` gives for the same articles.
 *
 * The clusterer's state is not read from the database at every turn: each worker keeps the partition's clusterer in
 * memory with the position it reflects, and on its turn replays only the articles other workers placed since (the
 * clusterer is deterministic, so replaying the same articles in the same order gives the same state). A worker with no
 * state, or one older than the last checkpoint, restores the checkpoint (a snapshot written every `checkpointEvery`
 * placements) and replays from there. A transaction that fails drops the in-memory state it changed.
 */
import type pg from 'pg';
import {
  ClusterInputError,
  createClusterer,
  restoreClusterer,
  type Clusterer,
  type ClusterOptions,
  type Decision,
} from '../../core/cluster/index.js';
import {
  advancePartition,
  lockPartition,
  placedAfter,
  readCheckpoint,
  type NewPlacement,
  recordMerge,
  recordPlacements,
  recordRejection,
  waitingArticles,
  type PartitionHead,
} from '../storage/pg-cluster-store.js';
import { inTransaction, pgText, type PgTransaction } from '../storage/pg-pool.js';
import { PARTITION_KEY } from './job-catalog.js';

/** Where one article went, or why it could not be placed. */
export type Placement =
  | { articleId: string; storyId: string; decision: Decision; mergedStoryIds: string[] }
  | { articleId: string; rejected: string };

/** What a turn of placement changed, for follow-up work inside the same transaction. */
export interface PlacementChanges {
  partition: string;
  /** Stories that gained articles (their current ids). */
  changed: string[];
  /** Stories merged into others (their ids now resolve to the survivors). */
  mergedAway: string[];
  /** Articles rejected in this turn, with the reasons. */
  rejected: { articleId: string; reason: string }[];
  /** More articles are waiting in the partition (the turn took as many as it may). */
  more: boolean;
}

/** Options of the assigner. */
export interface StoryAssignerOptions {
  pool: pg.Pool;
  /** Placements between two checkpoints of a partition's state (default 500). */
  checkpointEvery?: number;
  /** Most articles placed in one turn (one transaction; default 500). */
  turnSize?: number;
  /** Runs inside the placement's transaction (e.g. to enqueue the analysis of the changed stories). */
  onPlaced?: (client: PgTransaction, changes: PlacementChanges) => Promise<void>;
}

/** A partition's clusterer and the position it reflects. */
interface CachedPartition {
  clusterer: Clusterer;
  position: number;
}

/** A partition key that is not lower-case letters, digits and `_`. */
export class PartitionKeyError extends Error {
  override name = 'PartitionKeyError';
}

/** The global id of a story of a partition (the clusterer numbers stories within its partition). */
export function globalStoryId(partition: string, localId: string): string {
  return `${partition}-${localId}`;
}

/** Checks a partition key (it names rows and locks; it comes from jobs and options). */
export function checkPartition(partition: unknown): string {
  if (typeof partition !== 'string' || !PARTITION_KEY.test(partition)) {
    throw new PartitionKeyError(`the partition ${JSON.stringify(partition)} is not lower-case letters, digits and _`);
  }
  return partition;
}

/** Receives articles and places them into stories, one writer per partition at a time (see the file's comment). */
export class StoryAssigner {
  private readonly cache = new Map<string, CachedPartition>();
  private readonly turns = new Map<string, Promise<unknown>>();
  private readonly checkpointEvery: number;
  private readonly turnSize: number;

  /** An assigner over a migrated database. */
  constructor(private readonly options: StoryAssignerOptions) {
    this.checkpointEvery = Math.max(1, options.checkpointEvery ?? 500);
    this.turnSize = Math.max(1, options.turnSize ?? 500);
  }

  /**
   * Places the partition's waiting articles in arrival order, up to the turn size, in one transaction. A bad article
   * (no id, empty text, unreadable date) is rejected with the reason and changes nothing.
   */
  placeWaiting(partition: string): Promise<{ placements: Placement[]; more: boolean }> {
    const key = checkPartition(partition);
    // Workers of one process take turns here, so that they do not hold connections waiting for the row lock.
    const previous = this.turns.get(key) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(() => this.placeInTransaction(key));
    this.turns.set(key, turn);
    const done = () => {
      if (this.turns.get(key) === turn) this.turns.delete(key);
    };
    turn.then(done, done);
    return turn;
  }

  private async placeInTransaction(key: string): Promise<{ placements: Placement[]; more: boolean }> {
    // The state leaves the cache for the transaction and comes back only once it has committed.
    const cached = this.cache.get(key);
    this.cache.delete(key);
    const { result, state } = await inTransaction(this.options.pool, async (client) => {
      const head = await lockPartition(client, key);
      if (!head) return { result: { placements: [], more: false }, state: cached };
      const current = await this.catchUp(client, head, cached);
      return { result: await this.place(client, head, current), state: current };
    });
    if (state) this.cache.set(key, state);
    return result;
  }

  /** The partition's clusterer at the head's position: the cached one with the newer articles replayed, or restored. */
  private async catchUp(
    client: PgTransaction,
    head: PartitionHead,
    cached: CachedPartition | undefined,
  ): Promise<CachedPartition> {
    let state = cached;
    if (!state || state.position > head.position || state.position < head.checkpointPosition) {
      const checkpoint = await readCheckpoint(client, head.key);
      const options = JSON.parse(head.optionsJson) as ClusterOptions;
      state = checkpoint
        ? { clusterer: restoreClusterer(JSON.parse(checkpoint.snapshotJson), options), position: checkpoint.position }
        : { clusterer: createClusterer(options), position: 0 };
    }
    if (state.position < head.position) {
      for (const doc of await placedAfter(client, head.key, state.position)) state.clusterer.add(doc);
      state.position = head.position;
    }
    return state;
  }

  private async place(
    client: PgTransaction,
    head: PartitionHead,
    state: CachedPartition,
  ): Promise<{ placements: Placement[]; more: boolean }> {
    const waiting = await waitingArticles(client, head.key, this.turnSize);
    const changed = new Set<string>();
    const mergedAway: string[] = [];
    const rejected: PlacementChanges['rejected'] = [];
    const placements: Placement[] = [];
    // Placements are written together; a merge first writes those before it (it moves earlier articles).
    let unwritten: NewPlacement[] = [];
    const write = async () => {
      await recordPlacements(client, head.key, unwritten);
      unwritten = [];
    };
    for (const { articleId, doc } of waiting) {
      let assignment;
      try {
        assignment = state.clusterer.add(doc);
      } catch (error) {
        if (!(error instanceof ClusterInputError)) throw error;
        await recordRejection(client, head.key, articleId, error.message);
        rejected.push({ articleId, reason: error.message });
        placements.push({ articleId, rejected: error.message });
        continue;
      }
      state.position += 1;
      const storyId = globalStoryId(head.key, assignment.storyId);
      const merged = (assignment.mergedStoryIds ?? []).map((local) => globalStoryId(head.key, local));
      unwritten.push({
        articleId,
        position: state.position,
        storyId,
        decision: assignment.decision,
        reason: assignment.reason,
        mergedStoryIds: merged,
      });
      if (merged.length > 0) {
        await write();
        await recordMerge(client, merged, storyId);
        mergedAway.push(...merged);
      }
      changed.add(storyId);
      placements.push({ articleId: pgText(articleId), storyId, decision: assignment.decision, mergedStoryIds: merged });
    }
    await write();
    const more = waiting.length >= this.turnSize;
    if (waiting.length > 0) {
      const due = state.position - head.checkpointPosition >= this.checkpointEvery;
      await advancePartition(client, head.key, state.position, due ? JSON.stringify(state.clusterer.snapshot()) : null);
      const survivors = [...changed].filter((id) => !mergedAway.includes(id));
      await this.options.onPlaced?.(client, { partition: head.key, changed: survivors, mergedAway, rejected, more });
    }
    return { placements, more };
  }
}
