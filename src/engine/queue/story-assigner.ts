/**
 * Story assignment that any number of workers may run at once, safely: a single writer per partition.
 *
 * Placing an article reads the whole live index (every candidate story) and may start a story, so two placements at
 * once would each miss the other's article, and two articles of one new story would start two stories. Every
 * placement therefore locks its partition's row (`SELECT ... FOR UPDATE`) for its transaction: one writer at a time,
 * the others wait their turn, and each sees everything placed before it. The lock is the row's, so a writer that dies
 * releases it with its connection, and its transaction (assignments and follow-up jobs) is rolled back whole.
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
  resolveClusterOptions,
  restoreClusterer,
  type Clusterer,
  type ClusterOptions,
  type Decision,
} from '../../core/cluster/index.js';
import {
  advancePartition,
  docsAfter,
  existingAssignments,
  insertAssignment,
  lockPartition,
  readCheckpoint,
  recordMerge,
  type PartitionHead,
} from '../storage/pg-cluster-store.js';
import { inTransaction, pgText, type PgTransaction } from '../storage/pg-pool.js';
import { PARTITION_KEY, type StreamDoc } from './job-catalog.js';

/** Where one article went. */
export type Placement =
  | { articleId: string; storyId: string; decision: Decision; mergedStoryIds: string[]; repeated: boolean }
  | { articleId: string; rejected: string };

/** What changed in a placement, for follow-up work inside the same transaction. */
export interface PlacementChanges {
  /** Stories that gained articles (their current ids). */
  changed: string[];
  /** Stories merged into others (their ids now resolve to the survivors). */
  mergedAway: string[];
}

/** Options of the assigner. */
export interface StoryAssignerOptions {
  pool: pg.Pool;
  /** Clusterer options for partitions this assigner creates; a partition keeps the options it was created with. */
  cluster?: ClusterOptions;
  /** Placements between two checkpoints of a partition's state (default 500). */
  checkpointEvery?: number;
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

/** Places articles into stories, one writer per partition at a time (see the file's comment). */
export class StoryAssigner {
  private readonly cache = new Map<string, CachedPartition>();
  private readonly turns = new Map<string, Promise<unknown>>();
  private readonly optionsJson: string;
  private readonly checkpointEvery: number;

  /** An assigner over a migrated database. */
  constructor(private readonly options: StoryAssignerOptions) {
    this.optionsJson = JSON.stringify(resolveClusterOptions(options.cluster));
    this.checkpointEvery = Math.max(1, options.checkpointEvery ?? 500);
  }

  /**
   * Places the articles, in the order given, into the stories of the partition, in one transaction. An article
   * already placed is not placed again (its stored placement comes back, `repeated`); a bad one (empty text, unreadable
   * date) is rejected with the reason and changes nothing.
   */
  assign(partition: string, docs: readonly StreamDoc[]): Promise<Placement[]> {
    if (!PARTITION_KEY.test(partition)) {
      throw new PartitionKeyError(`the partition ${JSON.stringify(partition)} is not lower-case letters, digits and _`);
    }
    // Workers of one process take turns here, so that they do not hold connections waiting for the row lock.
    const previous = this.turns.get(partition) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(() => this.placeInTransaction(partition, docs));
    this.turns.set(partition, turn);
    const done = () => {
      if (this.turns.get(partition) === turn) this.turns.delete(partition);
    };
    turn.then(done, done);
    return turn;
  }

  private async placeInTransaction(partition: string, docs: readonly StreamDoc[]): Promise<Placement[]> {
    // The state leaves the cache for the transaction and comes back only once it has committed.
    const cached = this.cache.get(partition);
    this.cache.delete(partition);
    const { placements, state } = await inTransaction(this.options.pool, async (client) => {
      const head = await lockPartition(client, partition, this.optionsJson);
      const current = await this.catchUp(client, head, cached);
      const placed = await this.place(client, head, current, docs);
      return { placements: placed, state: current };
    });
    this.cache.set(partition, state);
    return placements;
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
      for (const doc of await docsAfter(client, head.key, state.position)) state.clusterer.add(doc);
      state.position = head.position;
    }
    return state;
  }

  private async place(
    client: PgTransaction,
    head: PartitionHead,
    state: CachedPartition,
    docs: readonly StreamDoc[],
  ): Promise<Placement[]> {
    const ids = docs.map((doc) => pgText(String(doc.id ?? '').trim()));
    const stored = await existingAssignments(client, head.key, ids);
    const changed = new Set<string>();
    const mergedAway: string[] = [];
    const placements: Placement[] = [];
    const seen = new Map<string, Placement>();
    for (const [i, doc] of docs.entries()) {
      const id = ids[i]!;
      const before = stored.get(id) ?? seen.get(id);
      if (before) {
        placements.push(repeatOf(before, id));
        continue;
      }
      let assignment;
      try {
        assignment = state.clusterer.add(doc);
      } catch (error) {
        if (!(error instanceof ClusterInputError)) throw error;
        placements.push({ articleId: id, rejected: error.message });
        continue;
      }
      state.position += 1;
      const storyId = globalStoryId(head.key, assignment.storyId);
      const merged = (assignment.mergedStoryIds ?? []).map((local) => globalStoryId(head.key, local));
      await insertAssignment(client, head.key, {
        articleId: id,
        position: state.position,
        storyId,
        decision: assignment.decision,
        reason: assignment.reason,
        mergedStoryIds: merged,
        doc,
      });
      if (merged.length > 0) {
        await recordMerge(client, merged, storyId);
        mergedAway.push(...merged);
      }
      changed.add(storyId);
      const placement = {
        articleId: id,
        storyId,
        decision: assignment.decision,
        mergedStoryIds: merged,
        repeated: false,
      };
      seen.set(id, placement);
      placements.push(placement);
    }
    if (state.position !== head.position) {
      const due = state.position - head.checkpointPosition >= this.checkpointEvery;
      await advancePartition(client, head.key, state.position, due ? JSON.stringify(state.clusterer.snapshot()) : null);
      const survivors = [...changed].filter((id) => !mergedAway.includes(id));
      await this.options.onPlaced?.(client, { changed: survivors, mergedAway });
    }
    return placements;
  }
}

/** A placement seen before (stored, or earlier in the same batch), as it comes back for a repeated article. */
function repeatOf(
  before: Placement | { storyId: string; currentStoryId: string; decision: Decision; mergedStoryIds: string[] },
  articleId: string,
): Placement {
  if ('rejected' in before) return before;
  const storyId = 'currentStoryId' in before ? before.currentStoryId : before.storyId;
  return { articleId, storyId, decision: before.decision, mergedStoryIds: before.mergedStoryIds, repeated: true };
}
