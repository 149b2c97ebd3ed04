/** The pure rules of polite fetching: retries, the per-feed record, robots.txt answers, the host queue's order. */
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  conditionalHeaders,
  DEFAULT_POLL_SCHEDULE,
  isDue,
  newFeedState,
  nextFeedState,
} from '../src/engine/fetch/feed-state.js';
import { describeFetchError } from '../src/engine/fetch/fetch-contract.js';
import { HostScheduler } from '../src/engine/fetch/host-scheduler.js';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
} from '../src/engine/fetch/retry-policy.js';
import { robotsEntry, robotsVerdict } from '../src/engine/fetch/robots-cache.js';
import { parallaxUserAgent } from '../src/engine/fetch/user-agent.js';
import { VirtualClock } from './helpers/virtual-clock.js';

const T0 = Date.UTC(2024, 4, 1, 12);
const MIN = 60_000;

describe('retry policy', () => {
  it('retries server errors, 408, 429 and network failures; not client errors or refusals', () => {
    expect([500, 502, 503, 504, 408, 429].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410].some(isRetryableStatus)).toBe(false);
    expect(['network', 'timeout'].every(isRetryableError)).toBe(true);
    expect(['refused-private-address', 'too-large', 'too-many-redirects', 'bad-url'].some(isRetryableError)).toBe(
      false,
    );
  });

  it('backs off exponentially with jitter, within bounds, and stops after the last attempt', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };
    const at = (attempt: number, random: number) => retryDelay({ attempt, retryAfterMs: null, policy, random });
    expect([1, 2, 3, 4].map((a) => at(a, 0))).toEqual([500, 1000, 2000, 2500]);
    expect([1, 2, 3, 4].map((a) => at(a, 0.999))).toEqual([1000, 1999, 3998, 4998]);
    expect(at(5, 0.5)).toBeNull();
  });

  it('honours Retry-After in seconds or as a date, and gives up for now on one longer than the cap', () => {
    expect(parseRetryAfter('120', T0)).toBe(120_000);
    expect(parseRetryAfter(new Date(T0 + 30_000).toUTCString(), T0)).toBe(30_000);
    expect(parseRetryAfter('soon', T0)).toBeNull();
    expect(parseRetryAfter(null, T0)).toBeNull();
    const policy = DEFAULT_RETRY_POLICY;
    expect(retryDelay({ attempt: 1, retryAfterMs: 20_000, policy, random: 0 })).toBe(20_000);
    expect(retryDelay({ attempt: 1, retryAfterMs: 3_600_000, policy, random: 0 })).toBeNull();
  });
});

describe('per-feed record', () => {
  const url = 'https://harbor-ledger.example/feed.xml';

  it('starts due, and asks for a conditional GET only once it has validators', () => {
    const state = newFeedState(url, T0);
    expect(isDue(state, T0)).toBe(true);
    expect(conditionalHeaders(state)).toEqual({});
    const fetched = nextFeedState(state, { type: 'changed', etag: 'W/"7"', lastModified: 'x', contentHash: 'h' }, T0);
    expect(conditionalHeaders(fetched)).toEqual({ 'if-none-match': 'W/"7"', 'if-modified-since': 'x' });
    expect(isDue(fetched, T0 + 14 * MIN)).toBe(false);
    expect(isDue(fetched, T0 + 15 * MIN)).toBe(true);
  });

  it('backs off the poll interval per consecutive failure, up to a ceiling, and recovers on success', () => {
    let state = newFeedState(url, T0);
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < 10; i++) {
      state = nextFeedState(state, { type: 'failed', code: 'http-503', message: 'down' }, now);
      waits.push(Date.parse(state.nextPollAt) - now);
      now = Date.parse(state.nextPollAt);
    }
    expect(waits.slice(0, 4)).toEqual([30 * MIN, 60 * MIN, 120 * MIN, 240 * MIN]);
    expect(waits.at(-1)).toBe(DEFAULT_POLL_SCHEDULE.maxBackoffMs);
    expect(state.consecutiveFailures).toBe(10);
    expect(state.lastError).toEqual({
      at: new Date(waits.slice(0, 9).reduce((a, b) => a + b, T0)).toISOString(),
      code: 'http-503',
      message: 'down',
    });
    const healed = nextFeedState(state, { type: 'unchanged' }, now);
    expect(healed.consecutiveFailures).toBe(0);
    expect(Date.parse(healed.nextPollAt) - now).toBe(15 * MIN);
    // The last error stays visible after the feed recovers.
    expect(healed.lastError?.code).toBe('http-503');
    expect(healed.lastSuccessAt).toBe(new Date(now).toISOString());
  });

  it('waits at least as long as the server asked', () => {
    const state = nextFeedState(
      newFeedState(url, T0),
      { type: 'failed', code: 'http-429', message: 'x', retryAfterMs: 6 * 3600_000 },
      T0,
    );
    expect(Date.parse(state.nextPollAt) - T0).toBe(6 * 3600_000);
    expect(backoffMs(1000, DEFAULT_POLL_SCHEDULE)).toBe(DEFAULT_POLL_SCHEDULE.maxBackoffMs);
  });

  it('is plain data that survives JSON, and transitions never change the old record', () => {
    const state = newFeedState(url, T0);
    const frozen = JSON.stringify(state);
    const next = nextFeedState(state, { type: 'changed', etag: null, lastModified: null, contentHash: 'h' }, T0 + MIN);
    expect(JSON.stringify(state)).toBe(frozen);
    expect(JSON.parse(JSON.stringify(next))).toEqual(next);
  });
});

describe('robots.txt answers', () => {
  const robotsUrl = 'https://valley-gazette.example/robots.txt';
  const entry = (result: Parameters<typeof robotsEntry>[0]['result']) =>
    robotsEntry({ robotsUrl, result, now: T0, ttlMs: 24 * 3600_000, unreachableTtlMs: 15 * MIN });
  const text = (s: string) => ({ status: 200, body: new TextEncoder().encode(s) });

  it('applies the group for our token, else the * group, with Crawl-delay capped', () => {
    const rules = entry(
      text('User-agent: *\nDisallow: /\n\nUser-agent: parallax\nDisallow: /drafts\nCrawl-delay: 600\n'),
    );
    expect(robotsVerdict(rules, 'https://valley-gazette.example/news/1', 'Parallax', 60_000)).toEqual({
      allowed: true,
      crawlDelayMs: 60_000,
    });
    expect(robotsVerdict(rules, 'https://valley-gazette.example/drafts/2', 'Parallax', 60_000)).toMatchObject({
      allowed: false,
      reason: 'disallowed',
    });
    const others = entry(text('User-agent: *\nDisallow: /private\n'));
    expect(robotsVerdict(others, 'https://valley-gazette.example/private/x', 'Parallax', 60_000).allowed).toBe(false);
  });

  it('reads 4xx as no rules, and 5xx, 429 or no answer as "wait"', () => {
    for (const status of [401, 403, 404, 410]) {
      expect(entry({ status, body: new Uint8Array() }).kind, String(status)).toBe('allow-all');
    }
    for (const result of [
      { status: 500, body: new Uint8Array() },
      { status: 429, body: new Uint8Array() },
      { failed: 'timeout' },
    ]) {
      const e = entry(result);
      expect(e).toMatchObject({ kind: 'unreachable', expiresAt: T0 + 15 * MIN });
      expect(robotsVerdict(e, 'https://valley-gazette.example/a', 'Parallax', 60_000)).toMatchObject({
        allowed: false,
        reason: 'unreachable',
        retryAt: T0 + 15 * MIN,
      });
    }
  });
});

describe('host queue', () => {
  it('serves one host in arrival order, spaced by the delay, and another host at once', async () => {
    const clock = new VirtualClock(T0);
    const scheduler = new HostScheduler(clock, { concurrency: 1, delayMs: 1000 });
    const started: [string, number][] = [];
    const task = (name: string) => async () => {
      started.push([name, clock.now() - T0]);
    };
    await Promise.all([
      scheduler.run('a.example', task('a1')),
      scheduler.run('a.example', task('a2')),
      scheduler.run('a.example', task('a3'), { delayMs: 5000 }),
      scheduler.run('a.example', task('a4')),
      scheduler.run('b.example', task('b1')),
    ]);
    const a = started.filter(([n]) => n.startsWith('a'));
    expect(a.map(([n]) => n)).toEqual(['a1', 'a2', 'a3', 'a4']);
    const gaps = a.slice(1).map(([, t], i) => t - a[i]![1]);
    expect(gaps[0]).toBeGreaterThanOrEqual(1000);
    expect(gaps[1]).toBeGreaterThanOrEqual(1000);
    // a3 asked for a 5 s Crawl-delay: the request after it waits that long.
    expect(gaps[2]).toBeGreaterThanOrEqual(5000);
    expect(started.find(([n]) => n === 'b1')?.[1]).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const scheduler = new HostScheduler(new VirtualClock(T0), { concurrency: 1, delayMs: 0 });
    await expect(scheduler.run('a.example', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(scheduler.run('a.example', async () => 'next')).resolves.toBe('next');
  });
});

describe('odds and ends', () => {
  it('builds a User-Agent with the product token, version and contact', () => {
    expect(parallaxUserAgent({ version: '1.2.3' })).toMatch(/^Parallax\/1\.2\.3 \(\+https:\/\/.+\)$/);
  });

  it('reads the outbound error codes, and calls anything else a network failure', () => {
    expect(describeFetchError(Object.assign(new Error('refused'), { code: 'refused-private-address' }))).toEqual({
      code: 'refused-private-address',
      message: 'refused',
    });
    expect(describeFetchError(new TypeError('fetch failed'))).toEqual({
      code: 'network',
      message: 'the request failed (fetch failed)',
    });
  });
});
