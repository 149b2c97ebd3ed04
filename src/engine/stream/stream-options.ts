/**
 * The settings of the stream (polling, fetching, clustering state, reports), every one with its default, and how they
 * are filled in. One place, so that the watch loop, the one-shot ingest and the server agree.
 */
import type { ClusterOptions } from '../../core/cluster/options.js';
import type { HostLimits } from '../fetch/host-scheduler.js';
import type { PollSchedule } from '../fetch/feed-state.js';
import type { RetryPolicy } from '../fetch/retry-policy.js';

/** Settings of the stream; all optional. */
export interface StreamOptions {
  /** How often feeds are polled (default every 15 min; failing feeds back off up to 24 h). */
  schedule?: Partial<PollSchedule>;
  /** Requests per host at a time and the least time between their starts (default 1 and 1 s). */
  hostLimits?: Partial<HostLimits>;
  /** Retries of one request (default 3 attempts, from 1 s, at most 60 s apart). */
  retry?: Partial<RetryPolicy>;
  /** Time limit of one request in ms (default 15 s). */
  timeoutMs?: number;
  /** Size limit of one page or feed in bytes (default 5 MB for pages, 10 MB for feeds). */
  maxPageBytes?: number;
  maxFeedBytes?: number;
  /** Consult robots.txt (default true). */
  respectRobots?: boolean;
  /** Reach private addresses (the user's `--allow-private-urls`), or only these ranges. */
  allowPrivate?: boolean;
  allowRanges?: readonly string[];
  /** The User-Agent (default `Parallax/<version> (+contact)`). */
  userAgent?: string;
  /** Feeds polled at a time (default 8). */
  feedConcurrency?: number;
  /** Articles fetched and read at a time (default 16; the per-host limits still apply). */
  articleConcurrency?: number;
  /** Attempts of one queued article before it is given up (default 4), and the first wait between them (15 min). */
  maxArticleAttempts?: number;
  articleRetryMs?: number;
  /** The clusterer's options (used for a new stream; a stored stream keeps those of its checkpoint). */
  cluster?: ClusterOptions;
  /** Articles between two checkpoints of the clusterer (default 500), and the longest time between two (5 min). */
  checkpointEvery?: number;
  checkpointMs?: number;
  /** Articles per generation of the wire-copy index (default 20,000): it holds the last one to two generations. */
  identityGeneration?: number;
  /** A changed story's report is recomputed this long after its last change (default 30 s)... */
  reportDebounceMs?: number;
  /** ...but at most this long after its first unreported change (default 5 min)... */
  reportMaxWaitMs?: number;
  /** ...and not more often than this (default 2 min). */
  reportMinIntervalMs?: number;
  /** Reports computed at a time (default: the pool's workers). */
  reportConcurrency?: number;
  /** Longest idle wait of the watch loop between two looks for due work, in ms (default 1000). */
  tickMs?: number;
  /** How long a watcher's lease lasts without a heartbeat before another may take over, in ms (default 60 s). */
  leaseTtlMs?: number;
  /** Fewest articles for a story to get a report (default 2: one article has nothing to be compared with). */
  reportMinArticles?: number;
  /**
   * Most articles a report reads: the latest ones of a bigger story (default 50, the limit of a hand-made story), so
   * that the cost of a report stays bounded however big a story grows.
   */
  reportMaxArticles?: number;
}

/** Every setting filled in. */
export interface ResolvedStreamOptions extends Required<
  Omit<
    StreamOptions,
    'schedule' | 'hostLimits' | 'retry' | 'allowRanges' | 'userAgent' | 'cluster' | 'reportConcurrency'
  >
> {
  schedule: PollSchedule;
  hostLimits: Partial<HostLimits>;
  retry: Partial<RetryPolicy>;
  allowRanges: readonly string[];
  userAgent: string | null;
  cluster: ClusterOptions;
  reportConcurrency: number | null;
}

/** Articles between two prunings of the clusterer's state in a stream (see `ClusterOptions.pruneEvery`). */
export const STREAM_PRUNE_EVERY = 5_000;

/** Fills in the defaults. */
export function resolveStreamOptions(options: StreamOptions = {}): ResolvedStreamOptions {
  return {
    ...fetchSettings(options),
    ...queueSettings(options),
    ...clusterSettings(options),
    ...reportSettings(options),
    tickMs: options.tickMs ?? 1000,
    leaseTtlMs: options.leaseTtlMs ?? 60_000,
  };
}

/** How feeds and pages are fetched: polling, politeness, limits, addresses allowed. */
function fetchSettings(options: StreamOptions) {
  return {
    schedule: { intervalMs: 15 * 60_000, maxBackoffMs: 24 * 3600_000, ...options.schedule },
    hostLimits: options.hostLimits ?? {},
    retry: options.retry ?? {},
    timeoutMs: options.timeoutMs ?? 15_000,
    maxPageBytes: options.maxPageBytes ?? 5 * 1024 * 1024,
    maxFeedBytes: options.maxFeedBytes ?? 10 * 1024 * 1024,
    respectRobots: options.respectRobots ?? true,
    allowPrivate: options.allowPrivate ?? false,
    allowRanges: options.allowRanges ?? [],
    userAgent: options.userAgent ?? null,
  };
}

/** How much work runs at a time, and how often a queued article is tried. */
function queueSettings(options: StreamOptions) {
  return {
    feedConcurrency: options.feedConcurrency ?? 8,
    articleConcurrency: options.articleConcurrency ?? 16,
    maxArticleAttempts: options.maxArticleAttempts ?? 4,
    articleRetryMs: options.articleRetryMs ?? 15 * 60_000,
  };
}

/** The clusterer's options and when its state is saved. */
function clusterSettings(options: StreamOptions) {
  return {
    cluster: { pruneEvery: STREAM_PRUNE_EVERY, ...options.cluster },
    checkpointEvery: options.checkpointEvery ?? 500,
    checkpointMs: options.checkpointMs ?? 5 * 60_000,
    identityGeneration: options.identityGeneration ?? 20_000,
  };
}

/** When and how many stories' reports are recomputed. */
function reportSettings(options: StreamOptions) {
  return {
    reportDebounceMs: options.reportDebounceMs ?? 30_000,
    reportMaxWaitMs: options.reportMaxWaitMs ?? 5 * 60_000,
    reportMinIntervalMs: options.reportMinIntervalMs ?? 2 * 60_000,
    reportConcurrency: options.reportConcurrency ?? null,
    reportMinArticles: options.reportMinArticles ?? 2,
    reportMaxArticles: options.reportMaxArticles ?? 50,
  };
}
