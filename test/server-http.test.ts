import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../src/core/model.js';
import { openSqliteStoryRepository } from '../src/engine/storage/sqlite-story-repository.js';
import type { StoryRecord } from '../src/engine/storage/story-repository.js';
import { createApp } from '../src/server/app.js';
import { startServer, type RunningServer } from '../src/server/start-server.js';
import { describeShared, readSeed, seedNames } from './helpers/shared.js';

const repo = openSqliteStoryRepository({ path: ':memory:' });
let server: RunningServer;
let pages: Server;
let pagesUrl: string;

beforeAll(async () => {
  // The page server stands in for the public web on 127.0.0.1, so it is named as an allowed private address.
  const app = createApp({ repo, limits: { maxJsonBytes: 64 * 1024 }, allowPrivateRanges: ['127.0.0.1'] });
  server = await startServer(app, { port: 0 });
  // A local web server standing in for news sites (never the internet).
  pages = createServer((req, res) => {
    const seed = seedNames()[Number(req.url?.slice(1))];
    if (!seed) {
      res.writeHead(404).end('not here');
      return;
    }
    const paragraphs = readSeed(seed)
      .split(/\n\s*\n/)
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><body><article>${paragraphs.join('\n')}</article></body></html>`);
  });
  await new Promise<void>((done) => pages.listen(0, '127.0.0.1', done));
  pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await server.close();
  await new Promise((done) => pages.close(done));
  await repo.close();
});

it('listens on 127.0.0.1 on a free port', async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const response = await fetch(`${server.url}/api/health`);
  expect(await response.json()).toEqual({ ok: true, version: expect.any(String) });
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
});

it('refuses a body over the limit with 413 over a real socket', async () => {
  const response = await fetch(`${server.url}/api/stories`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ articles: [{ text: 'word '.repeat(20_000) }] }),
  });
  expect(response.status).toBe(413);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload-too-large');
});

describeShared('a story from URLs over HTTP', () => {
  it('fetches the pages, stores the story, and serves it back', async () => {
    const response = await fetch(`${server.url}/api/stories`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ urls: [`${pagesUrl}/0`, `${pagesUrl}/1`, `${pagesUrl}/404`] }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { story: StoryRecord; report: Report; failures: { source: string }[] };
    expect(body.story.articleCount).toBe(2);
    expect(body.report.articles.map((a) => a.url)).toEqual([`${pagesUrl}/0`, `${pagesUrl}/1`]);
    expect(body.failures.map((f) => f.source)).toEqual([`${pagesUrl}/404`]);
    const stored = await fetch(`${server.url}/api/stories/${body.story.id}`);
    expect(await stored.json()).toEqual({ story: body.story, report: body.report });
  });
});
