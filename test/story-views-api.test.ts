/**
 * What the story routes serve beyond the report (issues 10 and 14): the list's fields (outlets, lede, lead entities,
 * the coverage by lean with ratings), kept with each report when it is written, sorted by update or size; the report
 * without article texts; one article's text with its layout; the coverage of a story page with each article's lean;
 * and libraries written before these views existed (migration 3 writes them once).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lightReport, splitArticle } from '../src/core/light-report.js';
import type { Report } from '../src/core/model.js';
import { storyDigest } from '../src/core/story-digest.js';
import { leadEntities } from '../src/core/stream/lead-entities.js';
import { openSqliteLibrary, type SqliteLibrary } from '../src/engine/storage/open-sqlite-library.js';
import { MIGRATIONS, migrate } from '../src/engine/storage/sqlite-migrations.js';
import { createApp } from '../src/server/app.js';
import { FIXTURE_IDS, fixtureReport } from './helpers/browser-fixture.js';
import { storeStory } from './helpers/browser.js';
import { WIDE_OUTLETS, wideOutlet, wideRatings, wideReport } from './helpers/browser-wide-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-story-views-'));
let library: SqliteLibrary;
let app: Hono;
let plain: Hono;

interface Listed {
  id: string;
  kind: string;
  articleCount: number;
  outletCount: number;
  outlets: { name: string; articles: number }[];
  lede: string | null;
  leadEntities: { name: string; type: string; articles: number }[];
  coverage?: { byLean: Record<string, string[]>; unrated: string[]; rated: number; oneSided: string | null };
}

async function json<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await response;
  expect(r.status).toBe(status);
  return (await r.json()) as T;
}

beforeAll(async () => {
  library = openSqliteLibrary({ path: join(dir, 'views.db') });
  await storeStory(library, 'wide', { report: wideReport(), updatedAt: '2025-03-01T00:00:00.000Z' });
  await storeStory(library, 'fixture', { report: fixtureReport(), updatedAt: '2025-03-09T00:00:00.000Z' });
  const options = { repo: library.stories, stream: library.stream, webRoot: join(dir, 'no-web'), logError: () => {} };
  app = createApp({ ...options, ratings: wideRatings() });
  plain = createApp(options);
});

afterAll(async () => {
  await library.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the story list', () => {
  it('gives each story its outlets, lede, lead entities and coverage by lean, from what was kept with its report', async () => {
    const { stories, total, sort } = await json<{ stories: Listed[]; total: number; sort: string }>(
      app.request('/api/stories'),
    );
    expect([total, sort]).toEqual([2, 'updated']);
    expect(stories.map((s) => s.id)).toEqual(['fixture', 'wide']);
    const [fixture, wide] = stories as [Listed, Listed];
    const small = fixtureReport();
    expect(fixture).toMatchObject({
      kind: 'manual',
      articleCount: 3,
      outletCount: 3,
      outlets: [
        { name: 'Riverside Courier', articles: 1 },
        { name: 'Lakeview Times', articles: 1 },
        { name: 'Metro Wire', articles: 1 },
      ],
      lede: small.summary!.headline,
      leadEntities: leadEntities(small.entities),
      coverage: { unrated: ['Riverside Courier', 'Lakeview Times', 'Metro Wire'], rated: 0, oneSided: null },
    });
    expect(wide.outletCount).toBe(WIDE_OUTLETS);
    expect(Object.values(wide.coverage!.byLean).map((names) => names.length)).toEqual([10, 10, 10, 10, 10]);
    expect(wide.coverage!.byLean.left).toContain(wideOutlet(0).name);
  });

  it('sorts the biggest first on request, and says so', async () => {
    const bySize = await json<{ stories: Listed[]; sort: string }>(app.request('/api/stories?sort=size'));
    expect(bySize.sort).toBe('size');
    expect(bySize.stories.map((s) => s.id)).toEqual(['wide', 'fixture']);
    const paged = await json<{ stories: Listed[] }>(app.request('/api/stories?sort=size&limit=1&offset=1'));
    expect(paged.stories.map((s) => s.id)).toEqual(['fixture']);
    const bad = await json<{ error: { message: string } }>(app.request('/api/stories?sort=loudest'), 400);
    expect(bad.error.message).toBe('"sort" must be one of updated, size');
  });

  it('leaves the coverage out when the server has no ratings', async () => {
    const { stories } = await json<{ stories: Listed[] }>(plain.request('/api/stories'));
    expect(stories.every((s) => !('coverage' in s))).toBe(true);
    expect(stories[0]!.outlets).toHaveLength(3);
  });

  it('filters by words and keeps the fields', async () => {
    const { stories } = await json<{ stories: Listed[] }>(app.request('/api/stories?q=spillway'));
    expect(stories.map((s) => s.id)).toEqual(['wide']);
    expect(stories[0]!.lede).toBe(wideReport().summary!.headline);
  });
});

describe('the report without article texts', () => {
  it('is the report less each article’s text, layout and removals, with their sizes; a story page gets each article’s lean', async () => {
    const full = await json<{ report: Report }>(app.request('/api/stories/wide'));
    const response = await app.request('/api/stories/wide?texts=0');
    const light = await json<{
      report: Record<string, unknown> & { articles: Record<string, unknown>[] };
      coverage: { articleLeans: { articleId: string; lean: string }[]; rated: number };
    }>(response);
    expect(light.report).toEqual(lightReport(full.report));
    for (const [i, article] of light.report.articles.entries()) {
      expect(Object.keys(article)).not.toEqual(expect.arrayContaining(['text']));
      for (const key of ['text', 'sentences', 'paragraphs', 'removed']) expect(article).not.toHaveProperty(key);
      expect(article.textLength).toBe(full.report.articles[i]!.text.length);
      expect(article.sentenceCount).toBe(full.report.articles[i]!.sentences.length);
    }
    expect(light.coverage.rated).toBe(WIDE_OUTLETS);
    expect(light.coverage.articleLeans).toEqual(
      full.report.articles.map((a, i) => ({ articleId: a.id, lean: wideOutlet(i).lean })),
    );
    // Its own entity tag: a client's cache never mixes the two forms.
    const fullEtag = (await app.request('/api/stories/wide')).headers.get('etag');
    const etag = response.headers.get('etag');
    expect(etag).not.toBe(fullEtag);
    const again = await app.request('/api/stories/wide?texts=0', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    await json(app.request('/api/stories/wide?texts=2'), 400);
    await json(app.request('/api/stories/nope?texts=0'), 404);
  });

  it('is smaller than the report by the texts it leaves out', async () => {
    const full = await (await app.request('/api/stories/fixture')).text();
    const light = await (await app.request('/api/stories/fixture?texts=0')).text();
    const texts = fixtureReport().articles.reduce((n, a) => n + JSON.stringify(a.text).length, 0);
    expect(full.length - light.length).toBeGreaterThan(texts);
  });

  it('serves each article’s text with its layout and what cleaning removed, as the report read them', async () => {
    const report = fixtureReport();
    for (const [i, id] of FIXTURE_IDS.entries()) {
      const path = `/api/stories/fixture/articles/${encodeURIComponent(id)}`;
      const response = await app.request(path);
      const body = await json<Record<string, unknown>>(response);
      const { text } = splitArticle(report.articles[i]!);
      expect(body).toEqual({ storyId: 'fixture', articleId: id, ...text });
      const again = await app.request(path, { headers: { 'if-none-match': response.headers.get('etag')! } });
      expect(again.status).toBe(304);
    }
    const missing = await json<{ error: { message: string } }>(app.request('/api/stories/fixture/articles/nope'), 404);
    expect(missing.error.message).toBe('story "fixture" has no article "nope"');
    await json(app.request('/api/stories/nope/articles/x'), 404);
  });
});

describe('the digest', () => {
  it('groups articles by outlet (case and a leading "the" aside), else by site; clips the lede', () => {
    const base = fixtureReport();
    const [a, b, c] = base.articles as [Report['articles'][0], Report['articles'][0], Report['articles'][0]];
    const report: Report = {
      ...base,
      articles: [
        { ...a, id: 'a', outlet: 'The Metro Wire', url: null },
        { ...b, id: 'b', outlet: 'metro  wire', url: 'https://metro.example/x' },
        { ...c, id: 'c', outlet: null, url: 'https://www.river.example/y' },
        { ...c, id: 'd', outlet: null, url: null },
      ],
      summary: { text: '', headline: `${'word '.repeat(200)}end`, sentences: [] },
    };
    const digest = storyDigest(report);
    expect(digest.outlets).toEqual([
      { name: 'The Metro Wire', outlet: 'The Metro Wire', url: 'https://metro.example/x', articleIds: ['a', 'b'] },
      { name: 'river.example', outlet: null, url: 'https://www.river.example/y', articleIds: ['c'] },
    ]);
    expect(digest.lede!.length).toBeLessThanOrEqual(400);
    expect(digest.lede!.endsWith('…')).toBe(true);
    expect(
      storyDigest({ ...report, summary: { text: '', sentences: [{ text: ' First. ', citations: [] }] } }).lede,
    ).toBe('First.');
  });

  it('never passes on an original input a report may carry', () => {
    const article = { ...fixtureReport().articles[0]!, original: '<html>raw</html>' };
    const { light, text } = splitArticle(article);
    expect(light).not.toHaveProperty('original');
    expect(text).not.toHaveProperty('original');
    expect(light.wordCount).toBe(article.text.split(/\s+/).filter(Boolean).length);
  });
});

describe('a library written before the views existed', () => {
  it('gets them once when opened (a report that cannot be read gets none, the others do)', async () => {
    const path = join(dir, 'old.db');
    const db = new Database(path);
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 2),
    );
    const report = fixtureReport();
    const at = '2024-03-05T12:00:00.000Z';
    for (const [id, json] of [
      ['old', JSON.stringify(report)],
      ['broken', '{"articles": [nope'],
    ] as const) {
      db.prepare(
        'INSERT INTO stories (id, title, fingerprint, reference_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(id, id, id, null, at, at);
      report.articles.forEach((a, position) =>
        db
          .prepare(
            `INSERT INTO articles (story_id, article_id, position, source, format, content, meta_json, diagnostics_json,
               title, text) VALUES (?, ?, ?, ?, 'text', ?, '{}', '[]', ?, ?)`,
          )
          .run(id, a.id, position, a.source, a.text, a.title ?? '', a.text),
      );
      db.prepare('INSERT INTO reports (story_id, schema_version, generated_at, report_json) VALUES (?, 1, ?, ?)').run(
        id,
        at,
        json,
      );
    }
    db.close();
    const opened = openSqliteLibrary({ path });
    try {
      const old = createApp({ repo: opened.stories, webRoot: join(dir, 'no-web'), logError: () => {} });
      const { stories } = await json<{ stories: Listed[] }>(old.request('/api/stories'));
      expect(stories.find((s) => s.id === 'old')).toMatchObject({ outletCount: 3, lede: report.summary!.headline });
      expect(stories.find((s) => s.id === 'broken')).toMatchObject({ outletCount: 0, lede: null, leadEntities: [] });
      const light = await json<{ report: Report }>(old.request('/api/stories/old?texts=0'));
      expect(light.report).toEqual(lightReport(report));
      const text = await json<{ text: string; removed: unknown[] }>(
        old.request(`/api/stories/old/articles/${encodeURIComponent(FIXTURE_IDS[0])}`),
      );
      expect(text.text).toBe(report.articles[0]!.text);
      expect(text.removed).toEqual(report.articles[0]!.removed);
    } finally {
      await opened.close();
    }
  });
});
