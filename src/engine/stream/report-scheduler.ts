/**
 * Reports of changed stream stories, recomputed on the worker pool, debounced: a story's report is computed once its
 * articles have stopped arriving for a while, or after a longest wait when they keep arriving, and never more often
 * than a least interval. The stored report is served until the new one is stored (the store is one transaction), and
 * a story that changed while its report was computed stays pending for the next round.
 */
import type { AnalysisPool } from '../workers/analysis-pool.js';
import { leadEntities } from '../../core/stream/lead-entities.js';
import { fingerprintArticles } from '../stories.js';
import type { DirtyStory, StreamRepository } from '../storage/stream-repository.js';
import type { ResolvedStreamOptions } from './stream-options.js';

/** What the scheduler reports. */
export type ReportEvent =
  | { type: 'report'; storyId: string; articles: number; ms: number }
  | { type: 'report-failed'; storyId: string; message: string };

/** What the scheduler needs. */
export interface ReportSchedulerOptions {
  repo: StreamRepository;
  pool: AnalysisPool;
  options: ResolvedStreamOptions;
  /** The generator version written into reports. */
  version: string;
  now: () => number;
  onEvent?: (event: ReportEvent) => void;
}

/** Most pending stories looked at per round. */
const ROUND = 200;

/** When a pending story's report is due (ms). */
export function reportDueAt(story: DirtyStory, options: ResolvedStreamOptions, failedAt?: number): number {
  const quiet = Date.parse(story.lastChangeAt) + options.reportDebounceMs;
  const longest = Date.parse(story.dirtySince) + options.reportMaxWaitMs;
  let due = Math.min(quiet, longest);
  if (story.reportAt !== null) due = Math.max(due, Date.parse(story.reportAt) + options.reportMinIntervalMs);
  if (failedAt !== undefined) due = Math.max(due, failedAt + options.reportMinIntervalMs);
  return due;
}

/** Computes the due reports of the stream's stories on the pool. */
export class ReportScheduler {
  private readonly running = new Map<string, Promise<void>>();
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly o: ReportSchedulerOptions) {}

  /** Reports being computed now. */
  get inFlight(): number {
    return this.running.size;
  }

  private get concurrency(): number {
    return this.o.options.reportConcurrency ?? this.o.pool.settings.workers;
  }

  /** Starts the reports that are due, as many as the concurrency allows (does not wait for them). */
  async tick(): Promise<void> {
    await this.start(false);
  }

  /** Computes every pending report now, whatever the debounce (the end of a one-shot ingest), and waits for them. */
  async flush(): Promise<void> {
    for (;;) {
      const started = await this.start(true);
      if (this.running.size === 0 && started === 0) return;
      await Promise.race(this.running.values());
    }
  }

  /** Waits for the reports being computed. */
  async idle(): Promise<void> {
    await Promise.all(this.running.values());
  }

  private async start(all: boolean): Promise<number> {
    const room = this.concurrency - this.running.size;
    if (room <= 0) return 0;
    const now = this.o.now();
    const pending = await this.o.repo.dirtyStories(ROUND, this.o.options.reportMinArticles);
    const due = pending.filter(
      (s) =>
        !this.running.has(s.id) &&
        (all ? !this.failedAt.has(s.id) : reportDueAt(s, this.o.options, this.failedAt.get(s.id)) <= now),
    );
    for (const story of due.slice(0, room)) {
      const run = this.compute(story).finally(() => this.running.delete(story.id));
      this.running.set(story.id, run);
    }
    return Math.min(due.length, room);
  }

  private async compute(story: DirtyStory): Promise<void> {
    const started = performance.now();
    try {
      const sources = await this.o.repo.storySources(story.id);
      if (!sources || sources.articles.length === 0) return;
      // The latest articles of a big story (its members come in arrival order).
      const articles = sources.articles.slice(-this.o.options.reportMaxArticles);
      const report = await this.o.pool.analyzeStory(articles, { storyId: story.id, version: this.o.version });
      const title = report.story.title ?? articles[0]?.meta.title ?? story.id;
      const at = new Date(this.o.now()).toISOString();
      const stored = await this.o.repo.storeReport({
        storyId: story.id,
        revision: sources.revision,
        title,
        fingerprint: fingerprintArticles(articles),
        analysis: { report, generatedAt: at },
        leadEntities: leadEntities(report.entities),
        at,
      });
      this.failedAt.delete(story.id);
      if (!stored) return;
      const ms = Math.round(performance.now() - started);
      this.o.onEvent?.({ type: 'report', storyId: story.id, articles: articles.length, ms });
    } catch (error) {
      this.failedAt.set(story.id, this.o.now());
      const message = error instanceof Error ? error.message : String(error);
      this.o.onEvent?.({ type: 'report-failed', storyId: story.id, message });
    }
  }
}
