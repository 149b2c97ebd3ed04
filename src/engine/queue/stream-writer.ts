/**
 * The stream's one writer, whichever worker it runs in: places the read articles in stories, in queue order, a turn
 * at a time. Placing reads the whole clusterer (every candidate story) and may start a story, so two placements at
 * once would each miss the other's article: two articles of one new story would start two stories. Hence one writer:
 *
 * - the queue keeps one `story-assign` job running at a time (the `stately` policy on one key);
 * - a turn runs under a transaction-scoped advisory lock, so a second writer (a job whose worker was taken for dead
 *   but still runs) waits its turn instead of writing beside the first;
 * - and, whatever happens to locks and leases, an article's position in the stream (`seq`) is unique: a writer whose
 *   clusterer is behind the stored stream cannot store a decision at a position already taken. Its write fails, it
 *   catches up, and the job is tried again.
 *
 * A worker keeps the clusterer in memory between its turns and, at the start of a turn, replays only the articles
 * other workers placed since (the clusterer is deterministic: the same articles in the same order give the same
 * state). Placement follows the queue's order, so the stories are those one process would make of the same articles
 * in the same order, whichever worker placed which, crashes and restarts included. An article that carries its text
 * (a JSON Lines article) is placed strictly in order: the writer stops at the first one not read yet.
 */
import { ClusterInputError } from '../../core/cluster/types.js';
import type { PgStreamRepository } from '../storage/pg-stream-repository.js';
import { inTransaction } from '../storage/pg-pool.js';
import { articleFailure } from '../stream/article-failure.js';
import { StreamIngester, ingestInput, type IngestOutcome } from '../stream/stream-ingester.js';
import type { ResolvedStreamOptions } from '../stream/stream-options.js';
import { StreamState } from '../stream/stream-state.js';
import type { StoredRead } from './article-read-handler.js';

/** Articles placed in one turn at the most (by default). */
const TURN_SIZE = 200;

// Held by the writer's turn: one writer of the stream at a time in the whole database.
const WRITER_LOCK = `hashtext('parallax.stream-writer')`;

/** What a turn did. */
export interface TurnResult {
  /** Another writer holds the stream right now (nothing was done). */
  busy: boolean;
  outcomes: IngestOutcome[];
  /** Articles that could not be placed (a bad input), given up with the reason. */
  rejected: number;
  /** More read articles wait: the turn took as many as it may. */
  more: boolean;
  /** Articles other writers had placed since this one's last turn, replayed. */
  caughtUp: number;
}

/** The stream's writer of one worker (see the file's comment). */
export class StreamWriter {
  private state: StreamState | null = null;

  constructor(
    private readonly repo: PgStreamRepository,
    private readonly options: ResolvedStreamOptions,
    private readonly now: () => number = () => Date.now(),
    private readonly turnSize = TURN_SIZE,
  ) {}

  /** Places the read articles waiting, in queue order, up to a turn's worth. */
  async turn(): Promise<TurnResult> {
    try {
      return await inTransaction(this.repo.pool, async (client) => {
        const { rows } = await client.query<{ held: boolean }>(
          `SELECT pg_try_advisory_xact_lock(${WRITER_LOCK}) AS held`,
        );
        if (!rows[0]?.held) return { busy: true, outcomes: [], rejected: 0, more: false, caughtUp: 0 };
        return this.place();
      });
    } catch (error) {
      // The state may have moved on without the store (or been half reloaded): the next turn loads it afresh.
      this.state = null;
      throw error;
    }
  }

  private async place(): Promise<TurnResult> {
    let caughtUp = 0;
    if (this.state) caughtUp = await this.state.catchUp(this.now());
    else this.state = await StreamState.load(this.repo, this.options, this.now());
    const ingester = new StreamIngester(this.repo, this.state, this.now);
    const next = await this.repo.nextToPlace<StoredRead>(new Date(this.now()).toISOString(), this.turnSize);
    const outcomes: IngestOutcome[] = [];
    let rejected = 0;
    let waiting = false;
    for (const { item, read } of next) {
      // An article that carries its text and is not read yet: its place in the stream is now, so wait for it.
      if (!read) {
        waiting = true;
        break;
      }
      try {
        outcomes.push(await ingester.ingest(ingestInput(item, read.page, read.fetchedAt)));
      } catch (error) {
        if (!(error instanceof ClusterInputError)) throw error;
        const problem = { code: 'bad-article', message: error.message };
        await this.repo.failQueued(articleFailure(item, problem, this.options, this.now()));
        rejected++;
      }
    }
    await this.state.checkpointIfDue(this.now());
    return { busy: false, outcomes, rejected, more: !waiting && next.length >= this.turnSize, caughtUp };
  }
}
