import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/core/model.js';
import {
  openSqliteStoryRepository,
  type SqliteStoryRepository,
} from '../src/engine/storage/sqlite-story-repository.js';
import type { StoryRecord } from '../src/engine/storage/story-repository.js';
import { reportSchema, validateReport } from '../src/engine/validate-report.js';
import { createApp, type AppOptions } from '../src/server/app.js';
import { CONTENT_SECURITY_POLICY } from '../src/server/security-headers.js';
import { storyInputSchema } from '../src/server/schemas.js';
import { describeShared, readSeed, seedNames } from './helpers/shared.js';

interface StoryBody {
  story: StoryRecord;
  report: Report;
  failures: { source: string; code: string; message: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: { failures?: { source: string; code: string }[] } };
}

const dir = mkdtempSync(join(tmpdir(), 'parallax-server-'));
const repos: SqliteStoryRepository[] = [];
afterAll(async () => {
  for (const repo of repos) await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

let clock = 0;
function makeApp(options: Partial<AppOptions> = {}): Hono {
  const repo = openSqliteStoryRepository({ path: ':memory:' });
  repos.push(repo);
  // A clock that moves one second per call, so that every write gets a new `updatedAt`.
  const now = () => new Date(Date.UTC(2024, 4, 20) + 1000 * clock++);
  return createApp({ repo, webRoot: join(dir, 'no-web'), logError: () => {}, now, ...options });
}

function postJson(app: Hono, path: string, body: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

async function expectError(response: Response, status: number, code: string, message?: RegExp): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  if (message) expect(body.error.message).toMatch(message);
  return body;
}

describe('the API without stored stories', () => {
  const app = makeApp();

  it('answers health and an OpenAPI 3.1 document of every route, with the schema used for validation', async () => {
    expect(await (await app.request('/api/health')).json()).toEqual({ ok: true, version: expect.any(String) });
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(routes.sort()).toEqual(
      [
        'get /api/health',
        'get /api/stories',
        'post /api/stories',
        'get /api/stories/{id}',
        'delete /api/stories/{id}',
        'post /api/stories/{id}/articles',
        'get /api/stories/{id}/articles/{articleId}',
        'get /api/search',
        'get /api/openapi.json',
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas.StoryInput!.properties!)).toEqual(
      Object.keys(storyInputSchema.properties),
    );
    expect(doc.components.schemas.Report).toEqual(reportSchema());
  });

  it('answers 404 with an error body for unknown stories and routes', async () => {
    await expectError(await app.request('/api/stories/nope'), 404, 'not-found', /nope/);
    await expectError(await app.request('/api/stories/nope', { method: 'DELETE' }), 404, 'not-found');
    await expectError(
      await postJson(app, '/api/stories/nope/articles', { articles: [{ text: 'x' }] }),
      404,
      'not-found',
    );
    await expectError(await app.request('/api/nothing-here'), 404, 'not-found');
  });

  it('rejects bad requests with 400, 415 and 413 before doing any work', async () => {
    await expectError(
      await app.request('/api/stories', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hi' }),
      415,
      'unsupported-media-type',
    );
    await expectError(await postJson(app, '/api/stories', '{"articles": ['), 400, 'bad-request', /not valid JSON/);
    await expectError(await postJson(app, '/api/stories', []), 400, 'bad-request', /must be object/);
    await expectError(
      await postJson(app, '/api/stories', { articles: [{ text: 42 }] }),
      400,
      'bad-request',
      /articles\.0\.text/,
    );
    await expectError(await postJson(app, '/api/stories', { artcles: [] }), 400, 'bad-request', /artcles/);
    await expectError(await postJson(app, '/api/stories', {}), 400, 'bad-request', /at least one article/);
    await expectError(
      await postJson(app, '/api/stories', { articles: [{ text: 'A sentence.' }], referenceDate: 'yesterday' }),
      400,
      'bad-request',
      /referenceDate/,
    );
    // No file-system path ever comes from a request: only web addresses are fetched.
    for (const url of ['file:///etc/passwd', '/etc/passwd', '../package.json']) {
      await expectError(await postJson(app, '/api/stories', { urls: [url] }), 400, 'bad-request', /http/);
    }
    await expectError(await app.request('/api/stories?limit=0'), 400, 'bad-request', /limit/);
    await expectError(await app.request('/api/stories?offset=-1'), 400, 'bad-request', /offset/);
    await expectError(await app.request('/api/search'), 400, 'bad-request', /"q"/);
    expect(await (await app.request('/api/search?q=')).json()).toEqual({ results: [] });
    expect(await (await app.request('/api/stories')).json()).toEqual({ stories: [], total: 0, sort: 'updated' });
  });

  it('enforces the body size and articles-per-story limits with 413', async () => {
    const small = makeApp({ limits: { maxJsonBytes: 1000, maxArticlesPerStory: 2 } });
    await expectError(
      await postJson(small, '/api/stories', { articles: [{ text: 'x'.repeat(2000) }] }),
      413,
      'payload-too-large',
      /1000 bytes/,
    );
    const three = { articles: [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }] };
    const body = await expectError(await postJson(small, '/api/stories', three), 413, 'too-many-articles');
    expect(body.error.details).toEqual({ limit: 2 });
  });

  it('answers 422 with the failures when no article can be read, and stores nothing', async () => {
    const body = await expectError(
      await postJson(app, '/api/stories', { articles: [{ text: '   ' }, { html: '' }, { title: 'no body' }] }),
      422,
      'no-readable-articles',
    );
    expect(body.error.details?.failures?.map((f) => [f.source, f.code])).toEqual([
      ['articles#1', 'bad-article'],
      ['articles#2', 'bad-article'],
      ['articles#3', 'bad-article'],
    ]);
    expect(await (await app.request('/api/stories')).json()).toEqual({ stories: [], total: 0, sort: 'updated' });
  });

  it('serves a page that explains how to build the web UI, with the CSP and nosniff', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toMatch(/vite build web/);
  });
});

describe('the built web page', () => {
  const web = join(dir, 'web-dist');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(
    join(web, 'index.html'),
    '<!doctype html><title>t</title><script type="module" src="/assets/a.js"></script>',
  );
  writeFileSync(join(web, 'assets', 'a.js'), 'console.log(1);');
  writeFileSync(join(dir, 'secret.txt'), 'outside the web root');
  const app = makeApp({ webRoot: web });

  it('is served from the web root with the CSP on every HTML response', async () => {
    for (const path of ['/', '/index.html']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/assets\/a\.js/);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await app.request('/assets/a.js')).headers.get('content-type')).toMatch(/javascript/);
  });

  it('never serves files outside the web root', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/missing.js']) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/outside the web root/);
    }
  });
});

describeShared('stories through the API, on the seed articles', () => {
  const app = makeApp();
  const seeds = seedNames().map((name) => ({ name, text: readSeed(name) }));
  let created: StoryBody;

  beforeAll(async () => {
    const response = await postJson(app, '/api/stories', {
      title: 'Seed story',
      articles: seeds.slice(0, 3).map((s) => ({ text: s.text })),
      referenceDate: '2021-05-18',
    });
    expect(response.status).toBe(201);
    created = (await response.json()) as StoryBody;
  });

  it('creates a story and returns it with its report', () => {
    expect(created.story).toMatchObject({ title: 'Seed story', articleCount: 3 });
    expect(created.failures).toEqual([]);
    expect(created.report.story).toMatchObject({ id: created.story.id, articleCount: 3, referenceDate: '2021-05-18' });
    expect(created.report.articles).toHaveLength(3);
    expect(validateReport(created.report)).toEqual({ valid: true, errors: [] });
  });

  it('reads the stored story back (twice: the second from the cache), and lists it', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await app.request(`/api/stories/${created.story.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toEqual({ story: created.story, report: created.report });
    }
    const first = await app.request(`/api/stories/${created.story.id}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await app.request(`/api/stories/${created.story.id}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const zipped = await app.request(`/api/stories/${created.story.id}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const unzipped = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')) as unknown;
    expect(unzipped).toEqual({ story: created.story, report: created.report });
    const list = (await (await app.request('/api/stories?limit=10')).json()) as { stories: StoryRecord[] };
    expect(list.stories).toContainEqual(expect.objectContaining(created.story));
  });

  it('finds the story by full-text search, with plain-text snippets', async () => {
    const word = created.report.articles[0]!.text.match(/\b[A-Z][a-z]{5,}\b/)![0];
    const { results } = (await (await app.request(`/api/search?q=${encodeURIComponent(word)}`)).json()) as {
      results: { storyId: string; kind: string; snippet: string }[];
    };
    expect(results.some((r) => r.storyId === created.story.id && r.kind === 'article')).toBe(true);
    expect(results.every((r) => !/[<>]/.test(r.snippet))).toBe(true);
    const filtered = (await (await app.request(`/api/stories?q=${word}`)).json()) as { total: number };
    expect(filtered.total).toBe(1);
    expect(await (await app.request('/api/search?q=qwxzvbnmlk')).json()).toEqual({ results: [] });
  });

  it('adds articles (multipart: pasted text and uploads) and recomputes the report over all of them', async () => {
    const etagBefore = (await app.request(`/api/stories/${created.story.id}`)).headers.get('etag');
    const form = new FormData();
    form.append('text', seeds[3]!.text);
    form.append('text', '   '); // an empty text area is no input
    form.append('files', new File([seeds[4]!.text], `../../somewhere/${seeds[4]!.name}`));
    form.append('files', new File(['whatever'], 'notes.docx'));
    form.append('files', new File([seeds[0]!.text], 'again.txt'));
    const response = await app.request(`/api/stories/${created.story.id}/articles`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const body = (await response.json()) as StoryBody;
    expect(body.story).toMatchObject({ id: created.story.id, articleCount: 6, createdAt: created.story.createdAt });
    expect(body.story.updatedAt > created.story.updatedAt).toBe(true);
    expect(body.report.articles.map((a) => a.source)).toEqual([
      'articles#1',
      'articles#2',
      'articles#3',
      'text#1',
      seeds[4]!.name, // the folder part of an upload's name is dropped; it is never a path
      'again.txt',
    ]);
    expect(body.report.story.referenceDate).toBe('2021-05-18'); // kept from creation
    expect(body.failures.map((f) => [f.source, f.code])).toEqual([['notes.docx', 'unsupported-format']]);
    const stored = await app.request(`/api/stories/${created.story.id}`);
    expect(((await stored.json()) as StoryBody).report).toEqual(body.report);
    expect(stored.headers.get('etag')).not.toBe(etagBefore);
    created = body;
  });

  it('drops an article already in the story as a repeat, and rejects a request of repeats only', async () => {
    const body = await expectError(
      await postJson(app, `/api/stories/${created.story.id}/articles`, { articles: [{ text: seeds[0]!.text }] }),
      422,
      'no-readable-articles',
    );
    expect(body.error.details?.failures?.map((f) => f.code)).toEqual(['duplicate']);
  });

  it('leaves the stored story intact after bad requests', async () => {
    const before = await (await app.request(`/api/stories/${created.story.id}`)).text();
    const id = created.story.id;
    await postJson(app, `/api/stories/${id}/articles`, { articles: [{ text: '' }] });
    await postJson(app, `/api/stories/${id}/articles`, '{"broken');
    await postJson(app, `/api/stories/${id}/articles`, { urls: ['file:///etc/passwd'] });
    const form = new FormData();
    form.append('surprise', 'field');
    await expectError(
      await app.request(`/api/stories/${id}/articles`, { method: 'POST', body: form }),
      400,
      'bad-request',
      /surprise/,
    );
    expect(await (await app.request(`/api/stories/${id}`)).text()).toBe(before);
  });

  it('keeps every article when two additions race, with a report over all of them', async () => {
    const id = created.story.id;
    const add = (n: number) =>
      postJson(app, `/api/stories/${id}/articles`, {
        articles: [{ text: `${seeds[n]!.text}\n\nUpdate ${n}: officials gave no further details.` }],
      });
    const responses = await Promise.all([add(1), add(2)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const stored = (await (await app.request(`/api/stories/${id}`)).json()) as StoryBody;
    expect(stored.story.articleCount).toBe(created.story.articleCount + 2);
    expect(stored.report.articles).toHaveLength(stored.story.articleCount);
    created = stored as StoryBody;
  });

  it('deletes a story with its articles and search entries', async () => {
    const id = created.story.id;
    const word = created.report.articles[0]!.text.match(/\b[A-Z][a-z]{5,}\b/)![0];
    const response = await app.request(`/api/stories/${id}`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    await expectError(await app.request(`/api/stories/${id}`), 404, 'not-found');
    const { results } = (await (await app.request(`/api/search?q=${word}`)).json()) as { results: unknown[] };
    expect(results).toEqual([]);
  });
});
