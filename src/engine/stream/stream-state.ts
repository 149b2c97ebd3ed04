/**
 * The stream's in-memory state (the clusterer and the wire-copy index) kept equal to what is stored. It is loaded from
 * the clusterer's checkpoint and the articles stored after it, replayed in stream order through the deterministic
 * clusterer: after a restart, or a kill at any moment, the clusterer is exactly the one that made the stored decisions,
 * and it goes on deciding as if nothing had happened.
 */
import { createClusterer, restoreClusterer, type Clusterer } from '../../core/cluster/clusterer.js';
import { InvalidSnapshotError } from '../../core/cluster/cluster-state.js';
import type { Assignment, ClusterDoc } from '../../core/cluster/types.js';
import type { IdentityVerdict } from '../../core/stream/article-identity.js';
import type { ClusterInput, StreamRepository } from '../storage/stream-repository.js';
import { IdentityWindow } from './identity-window.js';
import type { ResolvedStreamOptions } from './stream-options.js';

/** Articles replayed per storage query. */
const REPLAY_PAGE = 500;

/** How a load went: where it started from, what it replayed, and replayed decisions that differ from the stored. */
export interface StateLoad {
  from: 'checkpoint' | 'start';
  /** The checkpoint could not be read (why), and the stream was replayed from its start instead. */
  checkpointProblem: string | null;
  replayed: number;
  /** Stored articles whose replayed decision differs (0 unless the clusterer changed): the stored ones stand. */
  mismatches: number;
  lastSeq: number;
}

/** The article as the clusterer reads it. */
export function clusterDocOf(
  input: Pick<ClusterInput, 'id' | 'title' | 'text' | 'clusterDate' | 'outlet'>,
): ClusterDoc {
  return { id: input.id, title: input.title, text: input.text, date: input.clusterDate, outlet: input.outlet };
}

/** The clusterer and wire-copy index of a stored stream. */
export class StreamState {
  private clusterer: Clusterer;
  private identity: IdentityWindow;
  private seq = 0;
  private checkpointSeq = 0;
  private checkpointAt = 0;

  private constructor(
    private readonly repo: StreamRepository,
    private readonly options: ResolvedStreamOptions,
  ) {
    this.clusterer = createClusterer(options.cluster);
    this.identity = new IdentityWindow(repo, options.identityGeneration);
  }

  /** Loads the state of the stored stream (`now`: ms, for the checkpoint timer). */
  static async load(repo: StreamRepository, options: ResolvedStreamOptions, now: number): Promise<StreamState> {
    const state = new StreamState(repo, options);
    state.lastLoad = await state.reload(now);
    return state;
  }

  /** How the last load went. */
  lastLoad!: StateLoad;

  /** The position of the last stored article. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Counters of the clusterer's work. */
  stats(): ReturnType<Clusterer['stats']> {
    return this.clusterer.stats();
  }

  /**
   * Rebuilds the state from storage: the checkpoint, then every article stored after it (and the wire-copy window).
   * Called at start, and after a write failed (the in-memory state had moved on without it).
   */
  async reload(now: number): Promise<StateLoad> {
    const checkpoint = await this.repo.loadCheckpoint();
    let from: StateLoad['from'] = 'start';
    let checkpointProblem: string | null = null;
    let after = 0;
    this.clusterer = createClusterer(this.options.cluster);
    if (checkpoint) {
      try {
        this.clusterer = restoreClusterer(checkpoint.snapshot);
        after = checkpoint.seq;
        from = 'checkpoint';
      } catch (error) {
        if (!(error instanceof InvalidSnapshotError)) throw error;
        checkpointProblem = error.message;
      }
    }
    const lastSeq = await this.repo.lastSeq();
    let replayed = 0;
    let mismatches = 0;
    for (let cursor = after; cursor < lastSeq;) {
      const page = await this.repo.clusterInputs(cursor, lastSeq, REPLAY_PAGE);
      if (page.length === 0) break;
      for (const input of page) {
        const a = this.clusterer.add(clusterDocOf(input));
        replayed++;
        if (a.storyId !== input.assignedStoryId || a.decision !== input.decision) mismatches++;
      }
      cursor = page.at(-1)!.seq;
    }
    await this.identity.rebuild(lastSeq);
    this.seq = lastSeq;
    this.checkpointSeq = after;
    this.checkpointAt = now;
    return { from, checkpointProblem, replayed, mismatches, lastSeq };
  }

  /** What an arriving article is (new, or a wire copy of a stored one); it is remembered as the next in the stream. */
  identify(article: Pick<ClusterInput, 'id' | 'text' | 'publishedAt' | 'outlet'>): Promise<IdentityVerdict> {
    return this.identity.identify(this.seq + 1, article);
  }

  /** Places the next article of the stream; the caller stores it as `seq` (or reloads when the write fails). */
  place(doc: ClusterDoc): { seq: number; assignment: Assignment } {
    const assignment = this.clusterer.add(doc);
    this.seq += 1;
    return { seq: this.seq, assignment };
  }

  /** Saves a checkpoint when enough articles or time have passed since the last one. */
  async checkpointIfDue(now: number): Promise<boolean> {
    const since = this.seq - this.checkpointSeq;
    if (since === 0) return false;
    if (since < this.options.checkpointEvery && now - this.checkpointAt < this.options.checkpointMs) return false;
    await this.checkpoint(now);
    return true;
  }

  /** Saves the clusterer's state as of the last stored article. */
  async checkpoint(now: number): Promise<void> {
    if (this.seq === this.checkpointSeq) return;
    await this.repo.saveCheckpoint({
      seq: this.seq,
      snapshot: this.clusterer.snapshot(),
      savedAt: new Date(now).toISOString(),
    });
    this.checkpointSeq = this.seq;
    this.checkpointAt = now;
  }
}
