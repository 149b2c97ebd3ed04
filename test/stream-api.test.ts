/**
 * The stream through the HTTP API: feeds (add, list with their records, remove), stream stories (newest and biggest
 * first, outlets, lead entities, coverage by lean), their articles in arrival order with the reason of each, an
 * article edited in place with its versions and diff, merged story ids redirecting, and the server's guards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteLibrary, type SqliteLibrary } from '../src/engine/storage/open-sqlite-library.js';
import { addSources } from '../src/engine/stream/add-sources.js';
import { StreamWatcher } from '../src/engine/stream/stream-watcher.js';
import { AnalysisPool } from '../src/engine/workers/analysis-pool.js';
import { createApp, type AppOptions } from '../src/server/app.js';
import { BRIDGE_OPTIONS, BRIDGED_STORIES } from './helpers/cluster-fixtures.js';
import { FictionSite } from './helpers/fiction-site.js';
import {
  FICTION_RATINGS,
  editFirstInPlace,
  itemsOf,
  localStreamOptions,
  publish,
  serveFeed,
  type Published,
} from './helpers/stream-world.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-stream-api-'));
const site = new FictionSite();
let pool: AnalysisPool;
let lib: SqliteLibrary;
let app: Hono;
let pages: Published[];

function makeApp(library: SqliteLibrary, options: Partial<AppOptions> = {}): Hono {
  return createApp({
    repo: library.stories,
    stream: library.stream,
    ratings: FICTION_RATINGS,
    pool,
    webRoot: join(dir, 'no-web'),
    logError: () => undefined,
    ...options,
  });
}

async function json<T = Record<string, unknown>>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await response;
  expect(r.status).toBe(status);
  return (await r.json()) as T;
}

async function runOnce(library: SqliteLibrary, options = {}) {
  const watcher = await StreamWatcher.open({
    repo: library.stream,
    pool,
    options: localStreamOptions({ reportMinArticles: 2, schedule: { intervalMs: 1 }, ...options }),
  });
  await watcher.runOnce();
  await watcher.close();
}

beforeAll(async () => {
  await site.start();
  pool = new AnalysisPool({ workers: 1 });
  lib = openSqliteLibrary({ path: join(dir, 'api.db') });
  pages = [
    ...publish(site, [0], [0, 1, 2]),
    ...publish(site, [1], [0, 3], { published: '2024-05-01T11:00:00Z' }),
    ...publish(site, [2], [4], { published: '2024-05-01T12:00:00Z' }),
  ];
  serveFeed(site, '/feed.xml', itemsOf(pages));
  await addSources([site.url('/feed.xml')], { repo: lib.stream, cwd: dir, now: Date.now() });
  await runOnce(lib);
  // The first article is edited in place: a figure changes, a sentence is added, the headline changes.
  editFirstInPlace(site, '/feed.xml', pages);
  await runOnce(lib);
  app = makeApp(lib);
});

afterAll(async () => {
  await lib.close();
  await pool.close();
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface StoryView {
  id: string;
  title: string;
  articleCount: number;
  outletCount: number;
  outlets: string[];
  leadEntities: { name: string }[];
  reportAt: string | null;
  coverage?: { byLean: Record<string, string[]>; unrated: string[]; oneSided: string | null };
}

describe('feeds', () => {
  it('lists the feeds with their records', async () => {
    const { feeds } = await json<{ feeds: Record<string, unknown>[] }>(app.request('/api/feeds'));
    expect(feeds).toHaveLength(1);
    expect(feeds[0]).toMatchObject({
      url: site.url('/feed.xml'),
      title: 'Fiction feed',
      status: 'ok',
      consecutiveFailures: 0,
      lastError: null,
      articles: 6,
      queued: 0,
      failedArticles: 0,
    });
    expect(Date.parse(feeds[0]!.lastSuccessAt as string)).not.toBeNaN();
    expect(Date.parse(feeds[0]!.nextPollAt as string)).not.toBeNaN();
  });

  it('adds feeds without fetching them, once each, and removes them', async () => {
    const other = makeApp(openSqliteLibrary({ path: join(dir, 'feeds.db') }));
    const post = (body: unknown, type = 'application/json') =>
      other.request('/api/feeds', {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify(body),
      });
    const before = site.requests.length;
    const added = await json<{ added: { id: string; status: string }[] }>(
      post({ url: 'https://news.example/feed.xml', title: 'News' }),
      201,
    );
    expect(added.added).toMatchObject([{ status: 'new' }]);
    expect(site.requests.length).toBe(before);
    const again = await json<{ added: unknown[]; existing: { id: string }[] }>(
      post({ urls: ['https://news.example/feed.xml'] }),
    );
    expect(again).toMatchObject({ added: [], existing: [{ id: added.added[0]!.id }] });
    const bad = await json<{ error: { code: string; message: string } }>(post({ urls: ['file:///etc/passwd'] }), 400);
    expect(bad.error.message).toMatch(/not an http\(s\) address: "file:\/\/\/etc\/passwd"/);
    await json(post({ nope: 1 }), 400);
    await json(post({ url: 'https://x.example/' }, 'text/plain'), 415);
    await json(other.request(`/api/feeds/${added.added[0]!.id}`));
    expect((await other.request(`/api/feeds/${added.added[0]!.id}`, { method: 'DELETE' })).status).toBe(204);
    await json(other.request(`/api/feeds/${added.added[0]!.id}`, { method: 'DELETE' }), 404);
    await json(other.request(`/api/feeds/${added.added[0]!.id}`), 404);
  });
});

describe('stream stories', () => {
  it('lists the current stories newest or biggest first, with outlets, lead entities and coverage by lean', async () => {
    const bySize = await json<{ stories: StoryView[]; total: number }>(app.request('/api/stream/stories?sort=size'));
    expect(bySize.total).toBe(3);
    expect(bySize.stories.map((s) => s.articleCount)).toEqual([3, 2, 1]);
    const [big] = bySize.stories;
    expect(big!.outletCount).toBe(3);
    expect([...big!.outlets].sort()).toEqual(['Harbor Ledger', 'North Star Times', 'Valley Gazette']);
    expect(big!.leadEntities.length).toBeGreaterThan(0);
    expect(big!.coverage).toMatchObject({
      byLean: { left: ['Harbor Ledger'], 'lean-left': ['Valley Gazette'], right: ['North Star Times'] },
      oneSided: null,
    });
    const single = bySize.stories[2]!;
    expect(single).toMatchObject({ reportAt: null, coverage: { unrated: ['Prairie Dispatch'] } });
    const byUpdate = await json<{ stories: StoryView[] }>(app.request('/api/stream/stories?sort=updated&limit=1'));
    // The edited article's story changed last.
    expect(byUpdate.stories.map((s) => s.id)).toEqual([big!.id]);
    await json(app.request('/api/stream/stories?sort=loudest'), 400);
    await json(app.request('/api/stream/stories?limit=0'), 400);
  });

  it('gives a story its articles in arrival order with why each belongs there', async () => {
    const [big] = (await json<{ stories: StoryView[] }>(app.request('/api/stream/stories?sort=size'))).stories;
    const detail = await json<{ members: Record<string, unknown>[]; mergedFrom: string[] }>(
      app.request(`/api/stream/stories/${big!.id}`),
    );
    const seqs = detail.members.map((m) => m.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(detail.members.map((m) => m.decision)).toEqual(['started', 'joined', 'joined']);
    for (const member of detail.members.slice(1)) {
      expect(member.reason).toMatchObject({ chosen: { storyId: big!.id }, threshold: expect.any(Number) });
    }
    expect(detail.members.find((m) => m.url === pages[0]!.url)).toMatchObject({ versions: 2 });
    await json(app.request('/api/stream/stories/s999'), 404);
  });

  it('serves the reported stream stories through the story library: list, report, search', async () => {
    const { stories } = await json<{ stories: { id: string }[] }>(app.request('/api/stories'));
    expect(stories).toHaveLength(2);
    const body = await json<{ report: { articles: { id: string; text: string }[] } }>(
      app.request(`/api/stories/${stories[0]!.id}`),
    );
    expect(body.report.articles.some((a) => a.text.includes('4,321'))).toBe(true);
    const { results } = await json<{ results: { storyId: string }[] }>(app.request('/api/search?q=crossings'));
    expect(results.length).toBeGreaterThan(0);
    const single = (await json<{ stories: StoryView[] }>(app.request('/api/stream/stories?sort=size'))).stories[2]!;
    const missing = await json<{ error: { message: string } }>(app.request(`/api/stories/${single.id}`), 404);
    expect(missing.error.message).toMatch(/has no report yet/);
  });
});

describe('articles', () => {
  async function editedId(): Promise<string> {
    const [big] = (await json<{ stories: StoryView[] }>(app.request('/api/stream/stories?sort=size'))).stories;
    const detail = await json<{ members: { articleId: string; url: string }[] }>(
      app.request(`/api/stream/stories/${big!.id}`),
    );
    return detail.members.find((m) => m.url === pages[0]!.url)!.articleId;
  }

  it('gives an article with its versions, each version, and what changed between two', async () => {
    const id = await editedId();
    const { article } = await json<{ article: { versions: { version: number }[]; storyId: string } }>(
      app.request(`/api/articles/${id}`),
    );
    expect(article.versions.map((v) => v.version)).toEqual([1, 2]);
    const v2 = await json<{ version: { text: string; content?: string } }>(
      app.request(`/api/articles/${id}/versions/2`),
    );
    expect(v2.version.text).toContain('4,321 passengers');
    expect(v2.version.content).toBeUndefined();
    const raw = await json<{ version: { content: string } }>(app.request(`/api/articles/${id}/versions/1?raw=1`));
    expect(raw.version.content).toMatch(/^<!doctype html>/);
    const { diff, from, to } = await json<{
      from: { version: number };
      to: { version: number; title: string };
      diff: {
        headline: { after: string };
        added: { text: string; start: number; end: number }[];
        changed: { figures: { before: string[]; after: string[] } }[];
        figures: { after: string[] };
      };
    }>(app.request(`/api/articles/${id}/diff`));
    expect([from.version, to.version]).toEqual([1, 2]);
    expect(diff.headline.after).toMatch(/as crews add crossings$/);
    expect(diff.added.map((a) => a.text)).toEqual(['Two extra crossings were added for the evening.']);
    expect(v2.version.text.slice(diff.added[0]!.start, diff.added[0]!.end)).toBe(diff.added[0]!.text);
    expect(diff.changed[0]!.figures.after).toEqual(['4,321']);
    expect(diff.figures.after).toContain('4,321');
    await json(app.request(`/api/articles/${id}/diff?from=0`), 400);
    await json(app.request(`/api/articles/${id}/diff?to=9`), 404);
    await json(app.request(`/api/articles/${id}/versions/3`), 404);
    await json(app.request('/api/articles/nope'), 404);
  });
});

describe('merges and guards', () => {
  it("redirects a merged story's old id to the story it is part of now", async () => {
    const merged = openSqliteLibrary({ path: join(dir, 'merged.db') });
    const file = join(dir, 'bridged.jsonl');
    writeFileSync(file, BRIDGED_STORIES.map((d) => JSON.stringify(d)).join('\n'));
    await addSources([file], { repo: merged.stream, cwd: dir, now: Date.now() });
    await runOnce(merged, { cluster: BRIDGE_OPTIONS, articleConcurrency: 1, reportMinArticles: 1 });
    const last = (await merged.stream.getArticle('bridge'))!;
    expect(last.decision).toBe('merged');
    const mergedApp = makeApp(merged);
    const detail = await json<{ mergedFrom: string[]; story: { id: string } }>(
      mergedApp.request(`/api/stream/stories/${last.storyId}`),
    );
    const old = detail.mergedFrom[0]!;
    const redirect = await mergedApp.request(`/api/stream/stories/${old}`);
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe(`/api/stream/stories/${last.storyId}`);
    const library = await mergedApp.request(`/api/stories/${old}`);
    expect(library.status).toBe(308);
    expect(library.headers.get('location')).toBe(`/api/stories/${last.storyId}`);
    // The report without texts and an article's text follow too, keeping what was asked.
    const light = await mergedApp.request(`/api/stories/${old}?texts=0`);
    expect([light.status, light.headers.get('location')]).toEqual([308, `/api/stories/${last.storyId}?texts=0`]);
    const text = await mergedApp.request(`/api/stories/${old}/articles/strike`);
    expect([text.status, text.headers.get('location')]).toEqual([308, `/api/stories/${last.storyId}/articles/strike`]);
    const moved = await json<{ text: string }>(mergedApp.request(`/api/stories/${last.storyId}/articles/strike`));
    expect(moved.text).toContain('Dockworkers at the Port of Calloway');
    const listed = await json<{ stories: { id: string; kind: string }[] }>(mergedApp.request('/api/stories'));
    expect(listed.stories).toEqual([expect.objectContaining({ id: last.storyId, kind: 'stream' })]);
    await merged.close();
  });

  it('keeps the stream routes behind the token and documents them', async () => {
    const guarded = makeApp(lib, { token: 'a-long-enough-test-token' });
    expect((await guarded.request('/api/feeds')).status).toBe(401);
    expect((await guarded.request('/api/stream/stories')).status).toBe(401);
    const ok = await guarded.request('/api/feeds', { headers: { authorization: 'Bearer a-long-enough-test-token' } });
    expect(ok.status).toBe(200);
    const crossSite = await app.request('/api/feeds', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ url: 'https://evil.example/feed' }),
    });
    expect(crossSite.status).toBe(403);
    const doc = await json<{ paths: Record<string, unknown> }>(app.request('/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/feeds', '/api/articles/{id}/diff', '/api/stream/stories/{id}']),
    );
    const plain = createApp({ repo: lib.stories, pool, webRoot: join(dir, 'no-web'), logError: () => undefined });
    expect((await plain.request('/api/feeds')).status).toBe(404);
  });
});
