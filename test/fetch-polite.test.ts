/**
 * The polite fetcher and the feed poller against real local HTTP servers (127.0.0.1, port 0) serving fictional feeds.
 * Time is a virtual clock: every wait the politeness rules ask for is recorded, not spent, so nothing here depends on
 * the machine's speed; the only real waits are the short time limits of the slow-host tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newFeedState, type FeedState } from '../src/engine/fetch/feed-state.js';
import type { OutboundFetch } from '../src/engine/fetch/fetch-contract.js';
import { PoliteFetcher, type PoliteFetcherOptions } from '../src/engine/fetch/polite-fetcher.js';
import { pollFeed } from '../src/engine/fetch/poll-feed.js';
import { parallaxUserAgent } from '../src/engine/fetch/user-agent.js';
import { safeFetch } from '../src/engine/net/safe-fetch.js';
import { VirtualClock } from './helpers/virtual-clock.js';

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

/** A local server with a route table; it counts hits per path and remembers request headers. */
class TestSite {
  server!: Server;
  base = '';
  readonly hits = new Map<string, number>();
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[] = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(private readonly routes: Record<string, Handler>) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      const hit = (this.hits.get(path) ?? 0) + 1;
      this.hits.set(path, hit);
      this.requests.push({ path, headers: req.headers });
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on('close', () => this.inFlight--);
      const route = this.routes[path] ?? ((_q, r) => r.writeHead(404, { 'content-type': 'text/plain' }).end('none'));
      route(req, res, hit);
    });
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((done) => this.server.close(done));
  }

  reset(): void {
    this.hits.clear();
    this.requests.length = 0;
    this.maxInFlight = 0;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }
}

const rss = (title: string, items: { title: string; link: string }[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item>`,
    )
    .join('')}</channel></rss>`;

const FEED_V1 = rss('Harbor Ledger', [{ title: 'Ferry resumes', link: 'https://harbor-ledger.example/ferry' }]);
const FEED_V2 = rss('Harbor Ledger', [
  { title: 'Council delays vote', link: 'https://harbor-ledger.example/vote' },
  { title: 'Ferry resumes', link: 'https://harbor-ledger.example/ferry' },
]);
const XML = { 'content-type': 'application/rss+xml; charset=utf-8' };
const LAST_MODIFIED = 'Wed, 01 May 2024 10:00:00 GMT';
let changingVersion = 1;

const site = new TestSite({
  '/robots.txt': (_q, res) => res.writeHead(404).end(),
  '/etag.xml': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
    res.writeHead(200, { ...XML, etag: '"v1"' }).end(FEED_V1);
  },
  '/last-modified.xml': (req, res) => {
    if (req.headers['if-modified-since'] === LAST_MODIFIED) return res.writeHead(304).end();
    res.writeHead(200, { ...XML, 'last-modified': LAST_MODIFIED }).end(FEED_V1);
  },
  '/no-validators.xml': (_q, res) => res.writeHead(200, XML).end(FEED_V1),
  '/changing.xml': (_q, res) => res.writeHead(200, XML).end(changingVersion === 1 ? FEED_V1 : FEED_V2),
  '/moved': (_q, res) => res.writeHead(301, { location: '/relative-links.xml' }).end(),
  '/relative-links.xml': (_q, res) =>
    res.writeHead(200, XML).end(rss('Relative', [{ title: 'Local story', link: 'stories/local' }])),
  '/loop-a': (_q, res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_q, res) => res.writeHead(302, { location: '/loop-a' }).end(),
  '/slow.xml': () => {
    // Never answers: the time limit ends each attempt.
  },
  '/flaky.xml': (_q, res, hit) => (hit < 3 ? res.writeHead(503).end() : res.writeHead(200, XML).end(FEED_V1)),
  '/down.xml': (_q, res) => res.writeHead(500).end('broken'),
  '/busy.xml': (_q, res, hit) =>
    hit === 1 ? res.writeHead(503, { 'retry-after': '7' }).end() : res.writeHead(200, XML).end(FEED_V1),
  '/very-busy.xml': (_q, res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
  '/gone.xml': (_q, res) => res.writeHead(404).end(),
  '/page.html': (_q, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/etag.xml"></head><body>Hi</body></html>',
      ),
  '/agent': (req, res) => res.writeHead(200, XML).end(rss(String(req.headers['user-agent']), [])),
  '/slow-answer.xml': (_q, res) => setTimeout(() => res.writeHead(200, XML).end(FEED_V1), 30),
});

// A second site, with robots.txt rules and a Crawl-delay.
const ruled = new TestSite({
  '/robots.txt': (_q, res) =>
    res
      .writeHead(200, { 'content-type': 'text/plain' })
      .end(
        'User-agent: *\nDisallow: /everything-for-others\n\nUser-agent: Parallax\nDisallow: /private/\nCrawl-delay: 3\n',
      ),
  '/private/feed.xml': (_q, res) => res.writeHead(200, XML).end(FEED_V1),
  '/public/feed.xml': (_q, res) => res.writeHead(200, XML).end(FEED_V1),
  '/public/other.xml': (_q, res) => res.writeHead(200, XML).end(FEED_V2),
});

// A third site whose robots.txt fails.
let robotsFails = true;
const shaky = new TestSite({
  '/robots.txt': (_q, res) =>
    robotsFails
      ? res.writeHead(503).end()
      : res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n'),
  '/feed.xml': (_q, res) => res.writeHead(200, XML).end(FEED_V1),
});

beforeAll(async () => {
  await Promise.all([site.start(), ruled.start(), shaky.start()]);
});

afterAll(async () => {
  await Promise.all([site.stop(), ruled.stop(), shaky.stop()]);
});

beforeEach(() => {
  for (const s of [site, ruled, shaky]) s.reset();
});

/** Every request sent, with the virtual time it was sent at. */
interface Sent {
  url: string;
  at: number;
}

function setup(options: Partial<PoliteFetcherOptions> = {}) {
  const clock = new VirtualClock();
  const sent: Sent[] = [];
  // The real outbound function, recorded; `allowPrivate: true` below lets it reach the test servers on 127.0.0.1.
  const recording: OutboundFetch = (url, o) => {
    sent.push({ url, at: clock.now() });
    return safeFetch(url, o);
  };
  const fetcher = new PoliteFetcher({
    fetch: recording,
    userAgent: parallaxUserAgent({ version: '9.9.9', contact: 'https://parallax.example/bot' }),
    allowPrivate: true,
    clock,
    random: () => 0.5,
    ...options,
  });
  const poll = (state: FeedState) => pollFeed({ fetcher, state });
  return { clock, sent, fetcher, poll };
}

describe('conditional GET', () => {
  it('sends the ETag back and treats 304 as unchanged', async () => {
    const { clock, poll } = setup();
    const first = await poll(newFeedState(site.url('/etag.xml'), clock.now()));
    expect(first.status).toBe('changed');
    expect(first.state.etag).toBe('"v1"');
    clock.advance(15 * 60_000);
    const second = await poll(first.state);
    expect(second.status).toBe('unchanged');
    expect(site.requests.filter((r) => r.path === '/etag.xml').map((r) => r.headers['if-none-match'])).toEqual([
      undefined,
      '"v1"',
    ]);
    expect(second.state.lastSuccessAt).toBe(new Date(clock.now()).toISOString());
    expect(second.state.lastChangeAt).toBe(first.state.lastChangeAt);
  });

  it('sends Last-Modified back as If-Modified-Since', async () => {
    const { clock, poll } = setup();
    const first = await poll(newFeedState(site.url('/last-modified.xml'), clock.now()));
    expect(first.state.lastModified).toBe(LAST_MODIFIED);
    const second = await poll(first.state);
    expect(second.status).toBe('unchanged');
    expect(site.requests.at(-1)?.headers['if-modified-since']).toBe(LAST_MODIFIED);
  });

  it('recognises an unchanged body from a server without validators', async () => {
    const { clock, poll } = setup();
    const first = await poll(newFeedState(site.url('/no-validators.xml'), clock.now()));
    const second = await poll(first.state);
    expect([first.status, second.status]).toEqual(['changed', 'unchanged']);
  });

  it('reads a feed that changes between polls', async () => {
    const { clock, poll } = setup();
    changingVersion = 1;
    const first = await poll(newFeedState(site.url('/changing.xml'), clock.now()));
    changingVersion = 2;
    clock.advance(60_000);
    const second = await poll(first.state);
    expect(second.status).toBe('changed');
    if (first.status !== 'changed' || second.status !== 'changed') throw new Error('expected changes');
    expect(first.source.entries.map((e) => e.title)).toEqual(['Ferry resumes']);
    expect(second.source.entries.map((e) => e.title)).toEqual(['Council delays vote', 'Ferry resumes']);
    expect(second.state.contentHash).not.toBe(first.state.contentHash);
    expect(second.state.lastChangeAt).toBe(new Date(clock.now()).toISOString());
  });
});

describe('redirects, errors, retries', () => {
  it('follows a redirect and resolves relative links against the final address', async () => {
    const { clock, poll } = setup();
    const result = await poll(newFeedState(site.url('/moved'), clock.now()));
    if (result.status !== 'changed') throw new Error(`expected a change, got ${result.status}`);
    expect(result.finalUrl).toBe(site.url('/relative-links.xml'));
    expect(result.source.entries[0]?.url).toBe(site.url('/stories/local'));
  });

  it('gives up on a redirect loop at once (no retry), and records the error on the feed', async () => {
    const { clock, poll, fetcher } = setup();
    const outcome = await fetcher.fetch(site.url('/loop-a'));
    expect(outcome).toMatchObject({ kind: 'failed', code: 'too-many-redirects', attempts: 1 });
    const result = await poll(newFeedState(site.url('/loop-a'), clock.now()));
    expect(result.state.lastError?.code).toBe('too-many-redirects');
    expect(result.state.consecutiveFailures).toBe(1);
  });

  it('times out a slow host, retries within the limit, then records the failure', async () => {
    const { fetcher } = setup({ timeoutMs: 150, retry: { maxAttempts: 2 } });
    const outcome = await fetcher.fetch(site.url('/slow.xml'));
    expect(outcome).toMatchObject({ kind: 'failed', code: 'timeout', attempts: 2 });
    expect(site.hits.get('/slow.xml')).toBe(2);
  });

  it('retries 5xx answers with back-off and succeeds when the host recovers', async () => {
    const { clock, fetcher } = setup({ retry: { maxAttempts: 4, baseDelayMs: 1000 } });
    const outcome = await fetcher.fetch(site.url('/flaky.xml'));
    expect(outcome).toMatchObject({ kind: 'fetched', attempts: 3 });
    // Equal jitter with random 0.5: 3/4 of 1 s, then of 2 s (the host delay is waited for besides).
    expect(clock.sleeps.filter((ms) => ms === 750 || ms === 1500)).toEqual([750, 1500]);
  });

  it('gives up on a host that always fails after the maximum attempts', async () => {
    const { clock, poll } = setup({ retry: { maxAttempts: 3 } });
    const result = await poll(newFeedState(site.url('/down.xml'), clock.now()));
    expect(site.hits.get('/down.xml')).toBe(3);
    expect(result).toMatchObject({ status: 'failed', code: 'http-500' });
    expect(result.state.lastError?.message).toMatch(/answered HTTP 500/);
  });

  it("honours the server's Retry-After, and does not wait for one longer than the limit", async () => {
    const { clock, fetcher } = setup();
    expect(await fetcher.fetch(site.url('/busy.xml'))).toMatchObject({ kind: 'fetched', attempts: 2 });
    expect(clock.sleeps).toContain(7000);
    const refused = await fetcher.fetch(site.url('/very-busy.xml'));
    expect(refused).toMatchObject({ kind: 'failed', code: 'http-429', attempts: 1, retryAfterMs: 3_600_000 });
  });

  it('does not retry a 404, and pushes the next poll past a long Retry-After', async () => {
    const { clock, fetcher, poll } = setup();
    expect(await fetcher.fetch(site.url('/gone.xml'))).toMatchObject({ kind: 'failed', code: 'http-404', attempts: 1 });
    const result = await poll(newFeedState(site.url('/very-busy.xml'), clock.now()));
    expect(Date.parse(result.state.nextPollAt) - clock.now()).toBeGreaterThanOrEqual(3_600_000);
  });

  it('says an HTML page is not a feed, and offers the feed it links', async () => {
    const { clock, poll } = setup();
    const result = await poll(newFeedState(site.url('/page.html'), clock.now()));
    if (result.status !== 'failed') throw new Error('expected a failure');
    expect(result.code).toBe('html-not-feed');
    expect(result.alternates.map((a) => a.url)).toEqual([site.url('/etag.xml')]);
  });

  it('sends a clear User-Agent', async () => {
    const { fetcher } = setup();
    const outcome = await fetcher.fetch(site.url('/agent'));
    if (outcome.kind !== 'fetched') throw new Error('expected a response');
    expect(new TextDecoder().decode(outcome.response.body)).toContain('Parallax/9.9.9 (+https://parallax.example/bot)');
  });

  it('sends requests through safeFetch by default, which refuses loopback unless private addresses are allowed', async () => {
    const fetcher = new PoliteFetcher({ userAgent: 'Parallax/test', respectRobots: false, clock: new VirtualClock() });
    const refused = await fetcher.fetch(site.url('/etag.xml'));
    expect(refused).toMatchObject({ kind: 'failed', code: 'refused-private-address', attempts: 1 });
    expect(site.hits.get('/etag.xml')).toBeUndefined();
    const allowed = new PoliteFetcher({ userAgent: 'Parallax/test', allowPrivate: true, clock: new VirtualClock() });
    expect(await allowed.fetch(site.url('/etag.xml'))).toMatchObject({ kind: 'fetched' });
  });

  it('stops at once when the caller aborts, leaving the record as it was', async () => {
    const { clock, fetcher } = setup({ retry: { maxAttempts: 5 } });
    const controller = new AbortController();
    controller.abort();
    const state = newFeedState(site.url('/down.xml'), clock.now());
    const result = await pollFeed({ fetcher, state, signal: controller.signal });
    expect(result).toEqual({ status: 'aborted', state });
  });
});

describe('robots.txt', () => {
  it('keeps out of disallowed paths for its token, allows the rest, and reads robots.txt once', async () => {
    const { fetcher } = setup();
    const denied = await fetcher.fetch(ruled.url('/private/feed.xml'));
    expect(denied).toMatchObject({ kind: 'disallowed', reason: 'disallowed' });
    expect(ruled.hits.get('/private/feed.xml')).toBeUndefined();
    expect(await fetcher.fetch(ruled.url('/public/feed.xml'))).toMatchObject({ kind: 'fetched' });
    // The "*" group's rule is not ours: the Parallax group applies.
    expect(await fetcher.fetch(ruled.url('/everything-for-others'))).toMatchObject({
      kind: 'failed',
      code: 'http-404',
    });
    expect(ruled.hits.get('/robots.txt')).toBe(1);
  });

  it('honours Crawl-delay between requests to the site', async () => {
    const { fetcher, sent } = setup();
    await fetcher.fetch(ruled.url('/public/feed.xml'));
    await fetcher.fetch(ruled.url('/public/other.xml'));
    await fetcher.fetch(ruled.url('/public/feed.xml'));
    const times = sent.filter((s) => s.url.includes('/public/')).map((s) => s.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(3000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(3000);
  });

  it('leaves a site alone while its robots.txt fails (5xx), and tries robots.txt again later', async () => {
    robotsFails = true;
    const { clock, poll, fetcher } = setup({ robotsUnreachableTtlMs: 600_000 });
    const result = await poll(newFeedState(shaky.url('/feed.xml'), clock.now()));
    expect(result).toMatchObject({ status: 'failed', code: 'robots-unreachable' });
    expect(shaky.hits.get('/feed.xml')).toBeUndefined();
    expect(Date.parse(result.state.nextPollAt) - clock.now()).toBeGreaterThanOrEqual(600_000);
    robotsFails = false;
    expect(await fetcher.fetch(shaky.url('/feed.xml'))).toMatchObject({ kind: 'disallowed' });
    clock.advance(600_001);
    expect(await fetcher.fetch(shaky.url('/feed.xml'))).toMatchObject({ kind: 'fetched' });
    expect(shaky.hits.get('/robots.txt')).toBe(2);
  });

  it('treats a missing robots.txt (404) as no rules', async () => {
    const { fetcher } = setup();
    expect(await fetcher.fetch(site.url('/etag.xml'))).toMatchObject({ kind: 'fetched' });
    expect(site.hits.get('/robots.txt')).toBe(1);
  });
});

describe('per-host politeness', () => {
  it('spaces requests to one host by the delay, in arrival order, without holding up other hosts', async () => {
    const { fetcher, sent } = setup({ hostLimits: { concurrency: 1, delayMs: 1000 } });
    const paths = ['/etag.xml', '/no-validators.xml', '/last-modified.xml'];
    await Promise.all([...paths.map((p) => fetcher.fetch(site.url(p))), fetcher.fetch(ruled.url('/public/feed.xml'))]);
    const ours = sent.filter((s) => s.url.startsWith(site.base) && !s.url.endsWith('robots.txt'));
    expect(ours.map((s) => new URL(s.url).pathname)).toEqual(paths);
    const siteTimes = sent.filter((s) => s.url.startsWith(site.base)).map((s) => s.at);
    for (let i = 1; i < siteTimes.length; i++) expect(siteTimes[i]! - siteTimes[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(site.maxInFlight).toBe(1);
    // The other host's robots.txt went out before the first host's queue had drained.
    const otherRobots = sent.find((s) => s.url === ruled.url('/robots.txt'))!;
    expect(otherRobots.at).toBeLessThan(siteTimes.at(-1)!);
  });

  it('allows more requests at a time to one host when asked', async () => {
    const { fetcher } = setup({ hostLimits: { concurrency: 3, delayMs: 0 }, respectRobots: false });
    await Promise.all([1, 2, 3].map(() => fetcher.fetch(site.url('/slow-answer.xml'))));
    expect(site.maxInFlight).toBe(3);
  });
});
