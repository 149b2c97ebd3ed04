/**
 * Polite fetching on top of the one outbound function: robots.txt consulted (and its Crawl-delay honoured) before a
 * site is fetched, requests to one host limited in number and spaced out, conditional GET headers passed on, and
 * server errors and network failures retried with back-off a bounded number of times. Every outcome is a value;
 * nothing is thrown, so that one feed's trouble never stops the others.
 */
import { safeFetch } from '../net/safe-fetch.js';
import { systemClock, type Clock } from './clock.js';
import { describeFetchError, type OutboundFetch, type OutboundResponse } from './fetch-contract.js';
import { DEFAULT_HOST_LIMITS, HostScheduler, type HostLimits } from './host-scheduler.js';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
  type RetryPolicy,
} from './retry-policy.js';
import { RobotsCache, type RobotsFetchResult } from './robots-cache.js';

/** Settings of the polite fetcher; everything but `userAgent` has a default. */
export interface PoliteFetcherOptions {
  /** The outbound function (default `safeFetch`; another one must keep its contract). */
  fetch?: OutboundFetch;
  userAgent: string;
  /** Time limit of one attempt, redirects and body included (default 15 s). */
  timeoutMs?: number;
  /** Size limit of one body (default 10 MB). */
  maxBytes?: number;
  /** Redirects followed (default 5). */
  maxRedirects?: number;
  /** Reach private addresses too (the user's opt-in; tests against 127.0.0.1). */
  allowPrivate?: boolean;
  /** Private addresses or ranges that may be reached (an intranet the operator names). */
  allowRanges?: readonly string[];
  /** Requests per host at a time, and the least time between their starts (default 1 and 1 s). */
  hostLimits?: Partial<HostLimits>;
  retry?: Partial<RetryPolicy>;
  /** Consult robots.txt (default true). */
  respectRobots?: boolean;
  /** How long robots.txt is kept, and how long a site whose robots.txt cannot be read is left alone. */
  robotsTtlMs?: number;
  robotsUnreachableTtlMs?: number;
  /** Longest Crawl-delay honoured (default 60 s). */
  maxCrawlDelayMs?: number;
  clock?: Clock;
  /** Source of randomness for the back-off jitter (default Math.random). */
  random?: () => number;
}

/** Per-request settings. */
export interface FetchRequest {
  /** Extra headers: Accept, If-None-Match, If-Modified-Since. */
  headers?: Record<string, string>;
  /** A size limit for this body below the fetcher's (an article page is smaller than a feed may be). */
  maxBytes?: number;
  signal?: AbortSignal;
}

/** What a polite fetch gave. */
export type FetchOutcome =
  /** A 2xx response. */
  | { kind: 'fetched'; response: OutboundResponse; attempts: number }
  /** 304: the resource has not changed since the validators sent. */
  | { kind: 'not-modified'; response: OutboundResponse; attempts: number }
  /** robots.txt disallows the address, or could not be read (`retryAt`: when the site may be tried again). */
  | { kind: 'disallowed'; reason: 'disallowed' | 'unreachable'; message: string; retryAt: number | null }
  /** No usable response after `attempts` attempts; `code` is an outbound error code or `http-<status>`. */
  | {
      kind: 'failed';
      code: string;
      message: string;
      status: number | null;
      attempts: number;
      retryAfterMs: number | null;
    }
  /** The caller's signal stopped the request. */
  | { kind: 'aborted' };

/** Largest robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB). */
const ROBOTS_MAX_BYTES = 512 * 1024;

type Attempt =
  | { ok: true; response: OutboundResponse }
  | { ok: false; code: string; message: string; status: number | null; retryAfterMs: number | null; retry: boolean };

/** A fetcher that keeps to the politeness rules; one per process, shared by every feed. */
export class PoliteFetcher {
  private readonly clock: Clock;
  private readonly scheduler: HostScheduler;
  private readonly robots: RobotsCache | null;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: PoliteFetcherOptions) {
    this.clock = options.clock ?? systemClock;
    this.scheduler = new HostScheduler(this.clock, { ...DEFAULT_HOST_LIMITS, ...options.hostLimits });
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.robots =
      options.respectRobots === false
        ? null
        : new RobotsCache({
            fetchRobots: (robotsUrl) => this.fetchRobots(robotsUrl),
            clock: this.clock,
            ...(options.robotsTtlMs !== undefined ? { ttlMs: options.robotsTtlMs } : {}),
            ...(options.robotsUnreachableTtlMs !== undefined
              ? { unreachableTtlMs: options.robotsUnreachableTtlMs }
              : {}),
            ...(options.maxCrawlDelayMs !== undefined ? { maxCrawlDelayMs: options.maxCrawlDelayMs } : {}),
          });
  }

  /** The clock the fetcher waits with (the poller dates its records with it). */
  now(): number {
    return this.clock.now();
  }

  /** Fetches `url` politely. Never throws. */
  async fetch(url: string, request: FetchRequest = {}): Promise<FetchOutcome> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return failed({ code: 'bad-url', message: `${url}: not a valid URL`, status: null, retryAfterMs: null }, 0);
    }
    try {
      let delayMs: number | undefined;
      if (this.robots && (target.protocol === 'http:' || target.protocol === 'https:')) {
        const verdict = await this.robots.check(target);
        if (!verdict.allowed) return { kind: 'disallowed', ...verdict };
        if (verdict.crawlDelayMs !== null) delayMs = verdict.crawlDelayMs;
      }
      return await this.fetchWithRetries(target, request, delayMs);
    } catch (error) {
      if (request.signal?.aborted) return { kind: 'aborted' };
      const { code, message } = describeFetchError(error);
      return failed({ code, message, status: null, retryAfterMs: null }, 0);
    }
  }

  private async fetchWithRetries(target: URL, request: FetchRequest, delayMs?: number): Promise<FetchOutcome> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(target, request, delayMs);
      if (result === 'aborted') return { kind: 'aborted' };
      if (result.ok) {
        const kind = result.response.status === 304 ? 'not-modified' : 'fetched';
        return { kind, response: result.response, attempts: attempt };
      }
      const wait = result.retry
        ? retryDelay({ attempt, retryAfterMs: result.retryAfterMs, policy: this.retry, random: this.random() })
        : null;
      if (wait === null) return failed(result, attempt);
      try {
        await this.clock.sleep(wait, request.signal);
      } catch {
        return { kind: 'aborted' };
      }
    }
  }

  /** One attempt through the host's queue. */
  private async attempt(target: URL, request: FetchRequest, delayMs?: number): Promise<Attempt | 'aborted'> {
    try {
      const response = await this.scheduler.run(target.host, () => this.send(target.href, request), {
        ...(delayMs !== undefined ? { delayMs } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
      const { status } = response;
      if ((status >= 200 && status < 300) || status === 304) return { ok: true, response };
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock.now());
      const message = `${target.href}: the server answered HTTP ${status}`;
      return { ok: false, code: `http-${status}`, message, status, retryAfterMs, retry: isRetryableStatus(status) };
    } catch (error) {
      if (request.signal?.aborted) return 'aborted';
      const { code, message } = describeFetchError(error);
      if (code === 'aborted') return 'aborted';
      const text = `${target.href}: ${message}`;
      return { ok: false, code, message: text, status: null, retryAfterMs: null, retry: isRetryableError(code) };
    }
  }

  private send(url: string, request: FetchRequest, maxBytes?: number): Promise<OutboundResponse> {
    const o = this.options;
    const limit = o.maxBytes ?? 10 * 1024 * 1024;
    return (o.fetch ?? safeFetch)(url, {
      timeoutMs: o.timeoutMs ?? 15_000,
      maxBytes: Math.min(maxBytes ?? request.maxBytes ?? limit, limit),
      maxRedirects: o.maxRedirects ?? 5,
      userAgent: o.userAgent,
      ...(request.headers ? { headers: request.headers } : {}),
      ...(o.allowPrivate ? { allowPrivate: true } : {}),
      ...(o.allowRanges ? { allowRanges: o.allowRanges } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  }

  /** robots.txt through the host's queue, like any other request to the site, without retries. */
  private async fetchRobots(robotsUrl: string): Promise<RobotsFetchResult> {
    try {
      const host = new URL(robotsUrl).host;
      const response = await this.scheduler.run(host, () =>
        this.send(robotsUrl, { headers: { accept: 'text/plain' } }, ROBOTS_MAX_BYTES),
      );
      return { status: response.status, body: response.body };
    } catch (error) {
      const { code, message } = describeFetchError(error);
      // Only a site that does not answer is "unreachable" (RFC 9309). Too many redirects or a body too large count as
      // no robots.txt; a refused address is refused again, with its own message, by the request itself.
      if (isRetryableError(code)) return { failed: `${code}: ${message}` };
      return { status: 404, body: new Uint8Array() };
    }
  }

  private random(): number {
    return (this.options.random ?? Math.random)();
  }
}

function failed(result: Omit<Extract<Attempt, { ok: false }>, 'ok' | 'retry'>, attempts: number): FetchOutcome {
  const { code, message, status, retryAfterMs } = result;
  return { kind: 'failed', code, message, status, attempts, retryAfterMs };
}
