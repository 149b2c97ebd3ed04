/**
 * The stream at work: feeds that are due are polled politely, their new and changed articles queued; queued articles
 * are fetched, read on the worker pool and handed to the ingester (duplicates dropped, wire copy linked, clustered,
 * stored); changed stories get their reports recomputed, debounced. `run` goes on until its signal stops it; `runOnce`
 * does what is due now and returns. Stopping loses nothing: an article not stored yet stays queued, and the clusterer
 * is checkpointed (and would be replayed from storage anyway).
 */
import { ClusterInputError } from '../../core/cluster/types.js';
import type { PoliteFetcher } from '../fetch/polite-fetcher.js';
import type { FeedRecord, QueueItem, StreamRepository } from '../storage/stream-repository.js';
import { packageVersion } from '../version.js';
import type { AnalysisPool } from '../workers/analysis-pool.js';
import { ArrivalOrder, type Ticket } from './arrival-order.js';
import { articleFailure } from './article-failure.js';
import { newFeeds } from './new-feeds.js';
import { pollOneFeed, type PollEvent } from './poll-one-feed.js';
import { readQueuedArticle } from './read-queued-page.js';
import { ReportScheduler, type ReportEvent } from './report-scheduler.js';
import { streamFetcher } from './stream-fetcher.js';
import { StreamIngester, ingestInput, type IngestOutcome } from './stream-ingester.js';
import { leaseOwner, takeLease } from './stream-lease.js';
import { resolveStreamOptions, type ResolvedStreamOptions, type StreamOptions } from './stream-options.js';
import { StreamState, type StateLoad } from './stream-state.js';

/** Longest wait of a read article behind an earlier one whose page is still being fetched. */
const ARRIVAL_HOLD_MS = 2_000;

/** What the watcher tells its caller (progress, problems). */
export type StreamEvent =
  | { type: 'loaded'; load: StateLoad }
  | PollEvent
  | { type: 'article'; url: string | null; outcome: IngestOutcome }
  | { type: 'article-failed'; url: string | null; code: string; message: string; retryAt: string | null }
  | ReportEvent;

/** What a watcher needs. */
export interface StreamWatcherOptions {
  repo: StreamRepository;
  /** The worker pool pages are read and stories analyzed on (the caller closes it). */
  pool: AnalysisPool;
  options?: StreamOptions;
  /** The clock (ms); injected in tests. */
  now?: () => number;
  onEvent?: (event: StreamEvent) => void;
  /** The generator version written into reports. */
  version?: string;
}

/** Counters of a watcher's work since it opened. */
export interface StreamCounters {
  polls: number;
  pollFailures: number;
  newArticles: number;
  versions: number;
  unchanged: number;
  duplicates: number;
  wireCopies: number;
  merges: number;
  articleFailures: number;
  reports: number;
  reportFailures: number;
}

/** Polls, ingests and analyzes one library's stream. Open it with `StreamWatcher.open`; close it when done. */
export class StreamWatcher {
  /** The settings in force. */
  readonly options: ResolvedStreamOptions;
  /** Counters since the watcher opened. */
  readonly counters: StreamCounters = {
    polls: 0,
    pollFailures: 0,
    newArticles: 0,
    versions: 0,
    unchanged: 0,
    duplicates: 0,
    wireCopies: 0,
    merges: 0,
    articleFailures: 0,
    reports: 0,
    reportFailures: 0,
  };
  private readonly repo: StreamRepository;
  private readonly pool: AnalysisPool;
  private readonly now: () => number;
  private readonly fetcher: PoliteFetcher;
  private readonly owner = leaseOwner();
  private readonly polls = new Map<string, Promise<void>>();
  private readonly items = new Map<number, Promise<void>>();
  /** Articles are stored in queue order, though read in any order. */
  private readonly order = new ArrivalOrder(ARRIVAL_HOLD_MS);
  private ingester!: StreamIngester;
  private reports!: ReportScheduler;
  private lastHeartbeat = 0;
  private closed = false;

  private constructor(private readonly o: StreamWatcherOptions) {
    this.options = resolveStreamOptions(o.options);
    this.repo = o.repo;
    this.pool = o.pool;
    this.now = o.now ?? (() => Date.now());
    this.fetcher = streamFetcher(this.options, o.version ?? packageVersion());
  }

  /**
   * Opens the watcher: takes the library's stream lease (StreamBusyError when another live watcher holds it) and
   * loads the clusterer from its checkpoint and the articles stored since.
   */
  static async open(options: StreamWatcherOptions): Promise<StreamWatcher> {
    const watcher = new StreamWatcher(options);
    await takeLease(watcher.repo, watcher.owner, { now: watcher.now(), ttlMs: watcher.options.leaseTtlMs });
    watcher.lastHeartbeat = watcher.now();
    const state = await StreamState.load(watcher.repo, watcher.options, watcher.now());
    watcher.ingester = new StreamIngester(watcher.repo, state, watcher.now);
    watcher.reports = new ReportScheduler({
      repo: watcher.repo,
      pool: watcher.pool,
      options: watcher.options,
      version: options.version ?? packageVersion(),
      now: watcher.now,
      onEvent: (event) => watcher.emit(event),
    });
    watcher.emit({ type: 'loaded', load: state.lastLoad });
    return watcher;
  }

  /** Polls, ingests and analyzes until `signal` aborts; then finishes what is stored and checkpoints. */
  async run(signal: AbortSignal): Promise<void> {
    await this.loop(signal, false);
  }

  /**
   * Does what is due now, once: polls each due feed (those added while running too), fetches and stores every due
   * article, then computes the pending reports of changed stories. Articles waiting for a retry stay queued.
   */
  async runOnce(signal: AbortSignal = new AbortController().signal): Promise<void> {
    await this.loop(signal, true);
  }

  /** Saves the checkpoint and releases the lease (the caller closes the pool and the library). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ingester.checkpoint();
    await this.repo.releaseLease(this.owner);
  }

  private emit(event: StreamEvent): void {
    if (event.type === 'report') this.counters.reports++;
    if (event.type === 'report-failed') this.counters.reportFailures++;
    this.o.onEvent?.(event);
  }

  private iso(ms: number): string {
    return new Date(ms).toISOString();
  }

  private async loop(signal: AbortSignal, once: boolean): Promise<void> {
    const polled = new Set<string>();
    while (!signal.aborted) {
      await this.heartbeat();
      const now = this.now();
      const feeds = await this.startPolls(now, signal, once ? polled : null);
      const items = await this.startItems(now, signal);
      if (!once) await this.reports.tick();
      if (once && feeds === 0 && items === 0 && this.polls.size === 0 && this.items.size === 0) break;
      await this.waitForWork(signal);
    }
    await Promise.allSettled([...this.polls.values(), ...this.items.values()]);
    if (once && !signal.aborted) await this.reports.flush();
    else await this.reports.idle();
    await this.ingester.checkpoint();
  }

  /** Renews the lease now and then (another watcher may take a lease whose heartbeat stopped). */
  private async heartbeat(): Promise<void> {
    const now = this.now();
    if (now - this.lastHeartbeat < this.options.leaseTtlMs / 4) return;
    await takeLease(this.repo, this.owner, { now, ttlMs: this.options.leaseTtlMs });
    this.lastHeartbeat = now;
  }

  /** Waits a tick, or less when a poll or an article finishes (it may have queued more work). */
  private async waitForWork(signal: AbortSignal): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let wake = (): void => undefined;
    const tick = new Promise<void>((done) => {
      wake = done;
      timer = setTimeout(done, this.options.tickMs);
    });
    signal.addEventListener('abort', wake, { once: true });
    try {
      await Promise.race([tick, ...this.polls.values(), ...this.items.values()]);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', wake);
    }
  }

  private async startPolls(now: number, signal: AbortSignal, polled: Set<string> | null): Promise<number> {
    const room = this.options.feedConcurrency - this.polls.size;
    if (room <= 0) return 0;
    const due = (await this.repo.dueFeeds(this.iso(now), room + this.polls.size)).filter(
      (f) => !this.polls.has(f.id) && !polled?.has(f.id),
    );
    for (const feed of due.slice(0, room)) {
      polled?.add(feed.id);
      const run = this.poll(feed, signal).finally(() => this.polls.delete(feed.id));
      this.polls.set(feed.id, run);
    }
    return due.length;
  }

  private async startItems(now: number, signal: AbortSignal): Promise<number> {
    const room = this.options.articleConcurrency - this.items.size;
    if (room <= 0) return 0;
    const due = (await this.repo.dueQueue(this.iso(now), room + this.items.size)).filter((i) => !this.items.has(i.pk));
    for (const item of due.slice(0, room)) {
      const ticket = this.order.take(item.useEntryContent);
      const run = this.process(item, ticket, signal)
        .catch((error: unknown) => this.itemCrashed(item, error))
        .finally(() => {
          this.order.finish(ticket);
          this.items.delete(item.pk);
        });
      this.items.set(item.pk, run);
    }
    return due.length;
  }

  /** Polls one feed and queues what it names. */
  private async poll(feed: FeedRecord, signal: AbortSignal): Promise<void> {
    const { polled, events } = await pollOneFeed({
      repo: this.repo,
      fetcher: this.fetcher,
      feed,
      options: this.options,
      now: this.now,
      signal,
    });
    if (polled) this.counters.polls++;
    for (const event of events) {
      if (event.type === 'poll' && event.status === 'failed') this.counters.pollFailures++;
      this.emit(event);
    }
  }

  /** Fetches, reads and stores one queued article; a failure is retried later or recorded. */
  private async process(item: QueueItem, ticket: Ticket, signal: AbortSignal): Promise<void> {
    const started = this.now();
    const page = await readQueuedArticle({
      item,
      repo: this.repo,
      fetcher: this.fetcher,
      pool: this.pool,
      maxBytes: this.options.maxPageBytes,
      signal,
    });
    // Stopping: whatever the page gave (the pool may have been closed under it), the article stays queued.
    if (signal.aborted || page.kind === 'aborted') return;
    switch (page.kind) {
      case 'not-modified':
        await this.ingester.notModified({
          queuePk: item.pk,
          urlKey: item.urlKey,
          signature: item.signature,
          validators: page,
        });
        this.counters.unchanged++;
        return;
      case 'feeds': {
        const feeds = newFeeds(page.feeds, this.now());
        const { added } = await this.repo.resolveProbe({ queuePk: item.pk, feeds });
        this.emit({ type: 'feeds-added', from: item.source, urls: added.map((f) => f.url) });
        return;
      }
      case 'retry':
      case 'failed':
        return this.fail(item, page.code, page.message, page.kind === 'retry' ? page.retryAfterMs : undefined);
      case 'read':
        break;
    }
    await this.order.turn(ticket);
    try {
      const outcome = await this.ingester.ingest(ingestInput(item, page, started));
      this.count(outcome);
      this.emit({ type: 'article', url: page.finalUrl ?? item.entry.url, outcome });
    } catch (error) {
      if (!(error instanceof ClusterInputError)) throw error;
      await this.fail(item, 'bad-article', error.message);
    }
  }

  private count(outcome: IngestOutcome): void {
    const c = this.counters;
    if (outcome.kind === 'new') {
      c.newArticles++;
      if (outcome.wire) c.wireCopies++;
      if (outcome.decision === 'merged') c.merges++;
    } else if (outcome.kind === 'version') c.versions++;
    else if (outcome.kind === 'unchanged') c.unchanged++;
    else c.duplicates++;
  }

  /** Records a failed article: tried again later, or given up (see `articleFailure`). */
  private async fail(item: QueueItem, code: string, message: string, retryAfterMs?: number | null): Promise<void> {
    const failure = articleFailure(item, { code, message, retryAfterMs }, this.options, this.now());
    await this.repo.failQueued(failure);
    this.counters.articleFailures++;
    this.emit({ type: 'article-failed', url: item.entry.url, code, message, retryAt: failure.retryAt });
  }

  /** An unexpected error while storing an article: it is tried again later, a bounded number of times. */
  private async itemCrashed(item: QueueItem, error: unknown): Promise<void> {
    const message = `${item.entry.url ?? item.source}: ${error instanceof Error ? error.message : String(error)}`;
    await this.fail(item, 'internal', message, null).catch(() => undefined);
  }
}
