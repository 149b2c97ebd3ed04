/**
 * The stream end to end against a real local HTTP server serving fictional feeds and pages: polling with ETags and
 * 304, feeds that change, articles edited in place, redirects, duplicates and wire copy, slow and failing hosts, bad
 * feeds, dates, probes, and a restart in the middle of a stream deciding exactly as an uninterrupted run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/core/model.js';
import { diffVersions } from '../src/core/stream/version-diff.js';
import { newFeedState } from '../src/engine/fetch/feed-state.js';
import { openSqliteLibrary, type SqliteLibrary } from '../src/engine/storage/open-sqlite-library.js';
import { addSources } from '../src/engine/stream/add-sources.js';
import type { StreamOptions } from '../src/engine/stream/stream-options.js';
import { resolveStreamOptions } from '../src/engine/stream/stream-options.js';
import { clusterDocOf } from '../src/engine/stream/stream-state.js';
import { StreamWatcher, type StreamEvent } from '../src/engine/stream/stream-watcher.js';
import { createClusterer } from '../src/core/cluster/clusterer.js';
import { AnalysisPool } from '../src/engine/workers/analysis-pool.js';
import { FictionSite } from './helpers/fiction-site.js';
import { articleHtml, fictionArticle, fictionEvent, rssFeed } from './helpers/stream-fiction.js';
import { itemsOf, localStreamOptions, publish, serveFeed } from './helpers/stream-world.js';
import { REPO_ROOT } from './helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-stream-'));
const site = new FictionSite();
let pool: AnalysisPool;
let n = 0;

beforeAll(async () => {
  await site.start();
  pool = new AnalysisPool({ workers: 1 });
});

afterAll(async () => {
  await pool.close();
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  lib: SqliteLibrary;
  watcher: StreamWatcher;
  events: StreamEvent[];
  close(): Promise<void>;
}

/** A stream over a fresh (or the given) library. */
async function openStream(over: StreamOptions = {}, path = join(dir, `t${n++}.db`)): Promise<Opened> {
  const lib = openSqliteLibrary({ path });
  const events: StreamEvent[] = [];
  const watcher = await StreamWatcher.open({
    repo: lib.stream,
    pool,
    options: localStreamOptions(over),
    onEvent: (e) => events.push(e),
  });
  return {
    lib,
    watcher,
    events,
    close: async () => {
      await watcher.close();
      await lib.close();
    },
  };
}

/** Adds sources to an open stream. */
function add(s: Opened, sources: string[]) {
  return addSources(sources, { repo: s.lib.stream, cwd: dir, now: Date.now() });
}

const polls = (events: StreamEvent[]) => events.filter((e) => e.type === 'poll');

describe('polling feeds', () => {
  it('stores each article once in its story, with why, and answers an unchanged feed with 304', async () => {
    const pages = publish(site, [0, 1], [0, 1, 2], { prefix: '/a' });
    const feed = serveFeed(site, '/a/feed.xml', itemsOf(pages), { etag: '"a1"' });
    const s = await openStream({ reportMinArticles: 2, reportMaxArticles: 2, schedule: { intervalMs: 1 } });
    await add(s, [feed]);
    await s.watcher.runOnce();
    const stories = await s.lib.stream.listAllStories();
    expect(stories.map((st) => st.articleIds.length)).toEqual([3, 3]);
    const detail = (await s.lib.stream.getStreamStory(stories[0]!.id))!;
    expect(detail.members.map((m) => m.decision)).toEqual(['started', 'joined', 'joined']);
    const joined = detail.members[1]!.reason;
    expect(joined.chosen?.storyId).toBe(stories[0]!.id);
    expect(joined.chosen!.score).toBeGreaterThanOrEqual(joined.threshold);
    // What the two reports share: the made-up town or person of their event.
    const names = [0, 1].flatMap((e) => [fictionEvent(e).town, fictionEvent(e).person]);
    const shared = Object.values(joined.shared).flat();
    expect(names.some((name) => shared.includes(name))).toBe(true);
    // Both stories were analyzed and published in the story library; a report reads the latest two articles at most.
    expect((await s.lib.stories.listStories({ limit: 10, offset: 0 })).total).toBe(2);
    const report = JSON.parse((await s.lib.stories.getStoryReport(stories[0]!.id))!.reportJson) as Report;
    expect(report.articles.map((a) => a.id)).toEqual(stories[0]!.articleIds.slice(-2));
    expect(detail.story.reportPending).toBe(false);
    expect(pages.every((p) => site.hitsOf(p.path) === 1)).toBe(true);

    // The next poll sends the ETag back, gets 304, and fetches no page.
    await s.watcher.runOnce();
    expect(site.requests.filter((r) => r.path === '/a/feed.xml').map((r) => r.headers['if-none-match'])).toEqual([
      undefined,
      '"a1"',
    ]);
    expect(polls(s.events).map((e) => e.status)).toEqual(['changed', 'unchanged']);
    expect(pages.every((p) => site.hitsOf(p.path) === 1)).toBe(true);
    const feedRecord = (await s.lib.stream.listFeeds())[0]!;
    expect(feedRecord).toMatchObject({ articles: 6, queued: 0, failedArticles: 0 });
    expect(feedRecord.state).toMatchObject({ etag: '"a1"', consecutiveFailures: 0, lastError: null });
    await s.close();
  });

  it('fetches only the new articles of a feed that changed between polls', async () => {
    const first = publish(site, [2], [0, 1], { prefix: '/b' });
    const feedPath = '/b/feed.xml';
    const feed = serveFeed(site, feedPath, itemsOf(first));
    const s = await openStream({ schedule: { intervalMs: 1 } });
    await add(s, [feed]);
    await s.watcher.runOnce();
    const later = publish(site, [2, 3], [2, 3], { prefix: '/b', published: '2024-05-01T12:00:00Z' });
    serveFeed(site, feedPath, itemsOf([...later, ...first]));
    await s.watcher.runOnce();
    expect(polls(s.events).map((e) => [e.status, e.queued])).toEqual([
      ['changed', 2],
      ['changed', 4],
    ]);
    expect([...first, ...later].map((p) => site.hitsOf(p.path))).toEqual([1, 1, 1, 1, 1, 1]);
    const stories = await s.lib.stream.listAllStories();
    expect(stories.map((st) => st.articleIds.length).sort()).toEqual([2, 4]);
    await s.close();
  });

  it('keeps every version of an article edited in place, and what changed', async () => {
    const pages = publish(site, [13], [0, 1], { prefix: '/c' });
    const feedPath = '/c/feed.xml';
    serveFeed(site, feedPath, itemsOf(pages));
    const s = await openStream({ schedule: { intervalMs: 1 }, reportMinArticles: 2 });
    await add(s, [site.url(feedPath)]);
    await s.watcher.runOnce();
    const edited = pages[0]!;
    const article = {
      ...edited.article,
      title: `${edited.article.title}: 40 more homes evacuated`,
      paragraphs: [
        edited.article.paragraphs[0]!.replace(/\d+ homes/, '999 homes'),
        ...edited.article.paragraphs.slice(1),
        'Officials said the river would peak overnight.',
      ],
    };
    site.set(edited.path, { body: articleHtml(article, { canonical: edited.url, publishedAt: edited.published }) });
    serveFeed(site, feedPath, itemsOf([{ ...edited, article }, pages[1]!]));
    const before = (await s.lib.stream.listStreamStories({ sort: 'updated', limit: 1, offset: 0 })).stories[0]!;
    await s.watcher.runOnce();
    expect(site.hitsOf(edited.path)).toBe(2);
    expect(site.hitsOf(pages[1]!.path)).toBe(1);
    const ids = (await s.lib.stream.listAllStories())[0]!.articleIds;
    const all = await Promise.all(ids.map((i) => s.lib.stream.getArticle(i)));
    const stored = all.find((a) => a!.url === edited.url)!;
    const id = stored.id;
    expect(stored.versions.map((v) => v.version)).toEqual([1, 2]);
    const [v1, v2] = [(await s.lib.stream.getVersion(id, 1))!, (await s.lib.stream.getVersion(id, 2))!];
    const diff = diffVersions(v1, v2);
    expect(diff.headline).toEqual({ before: edited.article.title, after: article.title });
    expect(diff.added.map((a) => a.text)).toContain('Officials said the river would peak overnight.');
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.figures.after).toEqual(['999']);
    expect(v2.text.slice(diff.changed[0]!.after.start, diff.changed[0]!.after.end)).toBe(diff.changed[0]!.after.text);
    // The story's report was recomputed over the edited version.
    const after = (await s.lib.stream.getStreamStory(before.id))!.story;
    expect(after.reportAt! > before.reportAt!).toBe(true);
    expect((await s.lib.stories.getSources(before.id))!.articles.find((a) => a.id === id)?.content).toContain(
      '999 homes',
    );
    expect(s.watcher.counters.versions).toBe(1);
    await s.close();
  });

  it('follows redirects, keeps the address the page names as its own, and does not fetch it twice', async () => {
    const pages = publish(site, [5], [0, 1], { prefix: '/d' });
    site.set('/d/go/first', { redirect: pages[0]!.path });
    site.set('/d/moved-feed', { redirect: '/d/feed.xml' });
    serveFeed(site, '/d/feed.xml', [
      { title: pages[0]!.article.title, link: site.url('/d/go/first?utm_source=rss'), pubDate: pages[0]!.published },
      { title: pages[1]!.article.title, link: `${pages[1]!.url}#comments`, pubDate: pages[1]!.published },
    ]);
    const s = await openStream({ schedule: { intervalMs: 1 } });
    await add(s, [site.url('/d/moved-feed')]);
    await s.watcher.runOnce();
    const [story] = await s.lib.stream.listAllStories();
    const stored = await Promise.all(story!.articleIds.map((id) => s.lib.stream.getArticle(id)));
    const first = stored.find((a) => a!.url === pages[0]!.url)!;
    expect(stored.map((a) => a!.url).sort()).toEqual([pages[0]!.url, pages[1]!.url].sort());
    expect(first.aliases.map((a) => a.url)).toEqual([site.url('/d/go/first?utm_source=rss')]);
    // A later poll lists the redirecting address again: it is known, nothing is fetched.
    serveFeed(site, '/d/feed.xml', [
      { title: pages[0]!.article.title, link: site.url('/d/go/first'), pubDate: pages[0]!.published },
    ]);
    await s.watcher.runOnce();
    expect(site.hitsOf('/d/go/first')).toBe(1);
    expect(site.hitsOf(pages[0]!.path)).toBe(1);
    await s.close();
  });

  it('drops an exact duplicate under another address and links wire copy to its original', async () => {
    const [original] = publish(site, [6], [0], { prefix: '/e' });
    const copy = { ...original!.article, outlet: { name: 'Prairie Dispatch', host: 'prairie-dispatch.example' } };
    site.set('/e/mirror/same', { body: articleHtml(original!.article) });
    const wire = {
      ...copy,
      paragraphs: [...original!.article.paragraphs.slice(0, 3), 'The Prairie Dispatch adds that the mayor will visit.'],
    };
    site.set('/e/prairie/wire', { body: articleHtml(wire, { publishedAt: '2024-05-01T11:00:00Z' }) });
    serveFeed(site, '/e/feed.xml', [
      { title: original!.article.title, link: original!.url, pubDate: original!.published },
      { title: original!.article.title, link: site.url('/e/mirror/same'), pubDate: original!.published },
      { title: wire.title, link: site.url('/e/prairie/wire'), pubDate: '2024-05-01T11:00:00Z' },
    ]);
    const s = await openStream({ articleConcurrency: 1 });
    await add(s, [site.url('/e/feed.xml')]);
    await s.watcher.runOnce();
    const [story] = await s.lib.stream.listAllStories();
    expect(story!.articleIds).toHaveLength(2);
    const [first, second] = await Promise.all(story!.articleIds.map((id) => s.lib.stream.getArticle(id)));
    expect(first!.aliases).toEqual([expect.objectContaining({ url: site.url('/e/mirror/same'), kind: 'duplicate' })]);
    expect(second!.wire).toMatchObject({ of: first!.id, original: first!.id });
    expect(second!.wire!.overlap).toBeGreaterThanOrEqual(0.5);
    expect(s.watcher.counters).toMatchObject({ newArticles: 2, duplicates: 1, wireCopies: 1 });
    await s.close();
  });
});

describe('trouble', () => {
  it('records a slow host, a failing host and a failing page, and the other feeds go on', async () => {
    const good = publish(site, [7], [0, 1], { prefix: '/f' });
    const [flaky] = publish(site, [8], [2], { prefix: '/f' });
    site.set(flaky!.path, { status: 503 });
    serveFeed(site, '/f/good.xml', itemsOf([...good, flaky!]));
    site.set('/f/slow.xml', { delayMs: 1_500, body: rssFeed('Slow', []) });
    site.set('/f/down.xml', { status: 500, body: 'broken' });
    const s = await openStream({ timeoutMs: 300 });
    await add(
      s,
      ['/f/good.xml', '/f/slow.xml', '/f/down.xml'].map((p) => site.url(p)),
    );
    await s.watcher.runOnce();
    const feeds = new Map((await s.lib.stream.listFeeds()).map((f) => [f.url, f]));
    expect(feeds.get(site.url('/f/good.xml'))).toMatchObject({
      articles: 2,
      queued: 1,
      state: { consecutiveFailures: 0 },
    });
    expect(feeds.get(site.url('/f/slow.xml'))!.state).toMatchObject({
      consecutiveFailures: 1,
      lastError: { code: 'timeout' },
    });
    expect(feeds.get(site.url('/f/down.xml'))!.state).toMatchObject({
      consecutiveFailures: 1,
      lastError: { code: 'http-500' },
    });
    const failed = s.events.find((e) => e.type === 'article-failed');
    expect(failed).toMatchObject({ url: flaky!.url, code: 'http-503' });
    expect(failed!.type === 'article-failed' && failed!.retryAt).toBeTruthy();
    // The page is back later: the queued article is fetched when its retry is due.
    site.set(flaky!.path, { body: articleHtml(flaky!.article, { canonical: flaky!.url }) });
    const queued = (await s.lib.stream.dueQueue('9999-01-01T00:00:00.000Z', 10))[0]!;
    expect(queued).toMatchObject({ attempts: 1, lastError: expect.stringContaining('http-503') });
    await s.close();
  });

  it('gives a clear error for malformed XML, an HTML page, an external entity and a huge feed, and reads a billion laughs safely', async () => {
    const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'feeds', name), 'utf8');
    site.set('/g/malformed.xml', { body: fixture('malformed.xml'), contentType: 'application/rss+xml' });
    // A page where a feed was expected; and a front page that links its feed, which replaces it.
    site.set('/g/page.xml', { body: '<!doctype html><html><body><p>Welcome</p></body></html>' });
    site.set('/g/front', {
      body: `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/g/good.xml"></head><body>Hi</body></html>`,
    });
    site.set('/g/entity.xml', { body: fixture('external-entity.xml'), contentType: 'application/xml' });
    site.set('/g/laughs.xml', { body: fixture('billion-laughs.xml'), contentType: 'application/rss+xml' });
    // A huge feed: over the size limit of a feed.
    const many = Array.from({ length: 2_000 }, (_, i) => ({ title: `Item ${i}`, link: site.url(`/g/item/${i}`) }));
    serveFeed(site, '/g/huge.xml', many);
    const good = publish(site, [9], [0], { prefix: '/g' });
    serveFeed(site, '/g/good.xml', itemsOf(good));
    const s = await openStream({ maxFeedBytes: 64 * 1024 });
    const { added } = await s.lib.stream.addFeeds(
      ['malformed.xml', 'page.xml', 'entity.xml', 'laughs.xml', 'huge.xml', 'front'].map((f) => ({
        url: site.url(`/g/${f}`),
        state: newFeedState(site.url(`/g/${f}`), 0),
        addedAt: new Date().toISOString(),
      })),
    );
    expect(added).toHaveLength(6);
    await s.watcher.runOnce();
    const byUrl = new Map(polls(s.events).map((e) => [e.url.replace(site.base, ''), e]));
    expect(byUrl.get('/g/malformed.xml')).toMatchObject({ status: 'failed', code: 'malformed-xml' });
    expect(byUrl.get('/g/malformed.xml')!.messages[0]).toMatch(/line 3, column \d+/);
    expect(byUrl.get('/g/page.xml')).toMatchObject({ status: 'failed', code: 'html-not-feed' });
    expect(byUrl.get('/g/page.xml')!.messages[0]).toMatch(/this is an HTML page, not a feed/);
    expect(byUrl.get('/g/front')).toMatchObject({ status: 'failed', code: 'html-not-feed' });
    expect(byUrl.get('/g/front')!.messages[0]).toMatch(/replaced by the feeds it links/);
    expect(s.events).toContainEqual({
      type: 'feeds-added',
      from: site.url('/g/front'),
      urls: [site.url('/g/good.xml')],
    });
    expect((await s.lib.stream.listFeeds()).map((f) => f.url.replace(site.base, ''))).not.toContain('/g/front');
    expect(byUrl.get('/g/entity.xml')).toMatchObject({ status: 'failed', code: 'external-entity' });
    expect(byUrl.get('/g/huge.xml')).toMatchObject({ status: 'failed', code: 'too-large' });
    expect(byUrl.get('/g/laughs.xml')).toMatchObject({ status: 'changed' });
    expect(byUrl.get('/g/laughs.xml')!.messages.join()).toMatch(/not expanded/);
    expect(byUrl.get('/g/good.xml')).toMatchObject({ status: 'changed', queued: 1 });
    expect(s.watcher.counters.newArticles).toBe(1);
    await s.close();
  });

  it('clusters a future date at the fetch time and an undated item at its fetch time', async () => {
    const pages = publish(site, [10, 11], [0], { prefix: '/h' });
    site.set(pages[0]!.path, { body: articleHtml(pages[0]!.article) });
    site.set(pages[1]!.path, { body: articleHtml(pages[1]!.article) });
    serveFeed(site, '/h/feed.xml', [
      { title: pages[0]!.article.title, link: pages[0]!.url, pubDate: '2099-01-01T00:00:00Z' },
      { title: pages[1]!.article.title, link: pages[1]!.url, pubDate: null },
    ]);
    const started = Date.now();
    const s = await openStream();
    await add(s, [site.url('/h/feed.xml')]);
    await s.watcher.runOnce();
    for (const story of await s.lib.stream.listAllStories()) {
      const article = (await s.lib.stream.getArticle(story.articleIds[0]!))!;
      expect(Date.parse(article.clusterDate)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(article.clusterDate)).toBeLessThanOrEqual(Date.now());
    }
    await s.close();
  });

  it('tells a probed address that is a feed from one that is an article page', async () => {
    const pages = publish(site, [12], [0, 1], { prefix: '/i' });
    serveFeed(site, '/i/feed.xml', itemsOf(pages.slice(0, 1)));
    const list = join(dir, 'addresses.txt');
    writeFileSync(list, `# feeds and pages\n${site.url('/i/feed.xml')}\n${pages[1]!.url}\n`);
    const s = await openStream();
    const added = await add(s, [list]);
    expect(added).toMatchObject({ queued: 2, problems: [] });
    await s.watcher.runOnce();
    expect((await s.lib.stream.listFeeds()).map((f) => f.url)).toEqual([site.url('/i/feed.xml')]);
    expect((await s.lib.stream.listAllStories()).flatMap((st) => st.articleIds)).toHaveLength(2);
    // Given again, both are known: nothing is queued.
    expect(await add(s, [list])).toMatchObject({ queued: 0, skipped: 2 });
    await s.close();
  });
});

describe('restarts', () => {
  /** A JSON Lines stream of fictional articles: 8 events, 3 outlets each, interleaved, dated. */
  function jsonlStream(): string {
    const lines: string[] = [];
    for (let k = 0; k < 24; k++) {
      const event = fictionEvent(20 + (k % 8));
      const a = fictionArticle(event, Math.floor(k / 8));
      const date = new Date(Date.UTC(2024, 4, 1, 8) + k * 20 * 60_000).toISOString();
      lines.push(
        JSON.stringify({ id: `j${k}`, outlet: a.outlet.name, date, title: a.title, text: a.paragraphs.join('\n\n') }),
      );
    }
    return lines.join('\n') + '\n';
  }

  async function decisions(lib: SqliteLibrary) {
    const out: Record<string, unknown> = {};
    for (const story of await lib.stream.listAllStories()) {
      for (const id of story.articleIds) {
        const a = (await lib.stream.getArticle(id))!;
        out[id] = { story: a.storyId, assigned: a.assignedStoryId, decision: a.decision, reason: a.reason, seq: a.seq };
      }
    }
    return out;
  }

  it('resumes from the checkpoint and the articles stored after it with the decisions of an uninterrupted run', async () => {
    const text = jsonlStream();
    const lines = text.trim().split('\n');
    writeFileSync(join(dir, 'whole.jsonl'), text);
    writeFileSync(join(dir, 'part1.jsonl'), lines.slice(0, 13).join('\n'));
    writeFileSync(join(dir, 'part2.jsonl'), lines.slice(13).join('\n'));
    // Read several at a time (the pool finishes them in any order), stored in the stream's order.
    const options = { checkpointEvery: 5 };

    const whole = await openStream(options);
    await add(whole, [join(dir, 'whole.jsonl')]);
    await whole.watcher.runOnce();
    const expected = await decisions(whole.lib);
    await whole.close();
    expect(Object.keys(expected)).toHaveLength(24);

    const path = join(dir, 'split.db');
    const first = await openStream(options, path);
    await add(first, [join(dir, 'part1.jsonl')]);
    await first.watcher.runOnce();
    await first.close();
    // As if killed after article 13 with the last checkpoint at article 10: the clusterer of the first 10 articles
    // (the same one, since it is deterministic) is the checkpoint, and 11 to 13 are replayed on restart.
    const raw = openSqliteLibrary({ path });
    const atTen = createClusterer(resolveStreamOptions(options).cluster);
    for (const input of await raw.stream.clusterInputs(0, 10, 100)) atTen.add(clusterDocOf(input));
    await raw.stream.saveCheckpoint({ seq: 10, snapshot: atTen.snapshot(), savedAt: new Date().toISOString() });
    await raw.close();
    const second = await openStream(options, path);
    expect(second.events[0]).toMatchObject({
      type: 'loaded',
      load: { from: 'checkpoint', lastSeq: 13, replayed: 3, mismatches: 0 },
    });
    await add(second, [join(dir, 'part2.jsonl')]);
    await second.watcher.runOnce();
    expect(await decisions(second.lib)).toEqual(expected);
    await second.close();

    // A damaged checkpoint: the stream is replayed from its start, to the same decisions.
    const db = openSqliteLibrary({ path });
    await db.stream.saveCheckpoint({
      seq: 20,
      snapshot: { format: 'not a clusterer' },
      savedAt: new Date().toISOString(),
    });
    await db.close();
    const third = await openStream(options, path);
    expect(third.events[0]).toMatchObject({
      type: 'loaded',
      load: { from: 'start', replayed: 24, mismatches: 0, checkpointProblem: expect.stringContaining('format') },
    });
    await third.close();
  });
});
