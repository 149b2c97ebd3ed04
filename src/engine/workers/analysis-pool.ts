/**
 * The core pipeline run on worker threads, each input apart: `readArticles` and `analyzeStory` give what the core
 * functions of the same names give, except that an input past its budget fails alone (with the reason) instead of
 * holding up the process. A story is done in three rounds of jobs: each input's content stems (its share of the story
 * context), each input's reading against the shared story texts, then one job that analyzes and composes the readable
 * articles.
 */
import type { AnalyzeOptions, Article, InputFailure, RawArticle, Report } from '../../core/model.js';
import { BudgetedPool, type BudgetedPoolOptions } from './budgeted-pool.js';
import type { StoryPayload } from './jobs.js';
import { JobStoppedError } from './job-stopped-error.js';
import { StoryStoppedError } from './story-stopped-error.js';
import { packStrings } from './packed-strings.js';
import type { PoolSettings } from './budget-options.js';

/** Articles read from raw inputs, and the inputs that could not be read (each with its reason). */
export interface ReadResult {
  articles: Article[];
  failures: InputFailure[];
}

/** One input's outcome in a round of jobs: its result, or why it failed. */
type Outcome<T> = { ok: true; value: T } | { ok: false; failure: InputFailure };

/** Runs the core pipeline on worker threads under per-job budgets. Close it when done (`close`). */
export class AnalysisPool {
  private readonly pool: BudgetedPool;

  /** Starts the pool (workers start on first use). */
  constructor(options: BudgetedPoolOptions = {}) {
    this.pool = new BudgetedPool(options);
  }

  /** The settings in force (workers, budgets). */
  get settings(): PoolSettings {
    return this.pool.settings;
  }

  /** Jobs waiting for a free worker. */
  get queued(): number {
    return this.pool.queued;
  }

  /** Jobs given and not yet settled (running or waiting). */
  get active(): number {
    return this.pool.active;
  }

  /** Reads every raw input, each in its own job; unreadable ones and those past a budget become failures. */
  async readArticles(raws: readonly RawArticle[]): Promise<ReadResult> {
    const { articles, failures } = await this.readAsJson(raws);
    return { articles: articles.map((json) => JSON.parse(json) as Article), failures };
  }

  /**
   * Reads the inputs (each apart), then analyzes the readable ones into the report in one more job. Rejects with a
   * StoryStoppedError when that last job goes over a budget: the story as a whole is too much to analyze.
   */
  async analyzeStory(raws: readonly RawArticle[], options: AnalyzeOptions = {}): Promise<Report> {
    const { articles, failures } = await this.readAsJson(raws);
    try {
      const json = await this.pool.run({ kind: 'report', articles, failures, options });
      return JSON.parse(json) as Report;
    } catch (error) {
      if (error instanceof JobStoppedError) throw new StoryStoppedError(error, failures, articles.length);
      throw error;
    }
  }

  /** The articles as JSON, passed on to the analysis job as they are (the main thread never rebuilds them). */
  private async readAsJson(raws: readonly RawArticle[]): Promise<{ articles: string[]; failures: InputFailure[] }> {
    const story = await this.storyPayload(raws);
    const outcomes = await Promise.all(
      raws.map(async (raw, i): Promise<Outcome<string>> => {
        const counted = story.outcomes[i]!;
        if (!counted.ok) return counted;
        return this.pool.run({ kind: 'read', raw, story: story.payload }).catch((error) => stopped(raw, error));
      }),
    );
    return {
      articles: outcomes.flatMap((o) => (o.ok ? [o.value] : [])),
      failures: outcomes.flatMap((o) => (o.ok ? [] : [o.failure])),
    };
  }

  /** Stops the workers (running jobs fail); later calls are refused. */
  close(): Promise<void> {
    return this.pool.close();
  }

  /**
   * The story context shared by the reading jobs: every input's content stems counted in its own job (an input past
   * its budget fails there and is left out of the context), then the texts and counts packed once into shared memory.
   * A story of one input has no context: there are no other articles to judge its lines against.
   */
  private async storyPayload(
    raws: readonly RawArticle[],
  ): Promise<{ payload: StoryPayload | null; outcomes: Outcome<string>[] }> {
    if (raws.length < 2) return { payload: null, outcomes: raws.map(() => ({ ok: true, value: '' })) };
    const outcomes = await Promise.all(
      raws.map((raw) =>
        this.pool.run({ kind: 'stems', text: raw.content }).then(
          (value): Outcome<string> => ({ ok: true, value }),
          (error: unknown) => stopped(raw, error),
        ),
      ),
    );
    const counted = raws.flatMap((raw, i) => {
      const o = outcomes[i]!;
      return o.ok ? [{ text: raw.content, stems: o.value }] : [];
    });
    const payload = { texts: packStrings(counted.map((c) => c.text)), stems: packStrings(counted.map((c) => c.stems)) };
    return { payload, outcomes };
  }
}

/**
 * The failure of an input whose job was stopped (over a budget, its worker lost): that input fails alone, the others
 * go on. Any other error is a bug of ours (the reader fails unreadable inputs itself): it is thrown on, not passed off
 * as the input's fault.
 */
function stopped(raw: RawArticle, error: unknown): Outcome<never> {
  if (!(error instanceof JobStoppedError)) throw error;
  return { ok: false, failure: { source: raw.source, code: error.code, message: `${raw.source}: ${error.message}` } };
}
