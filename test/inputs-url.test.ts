import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USER_AGENT } from '../src/engine/inputs/options.js';
import { readInputs } from '../src/engine/inputs/read-inputs.js';
import { readUrl } from '../src/engine/inputs/read-url.js';
import { closedPort, LIMIT_ROUTES } from './helpers/hostile-pages.js';
import { REPO_ROOT } from './helpers/shared.js';

// Every URL test talks to this server on 127.0.0.1; nothing goes to the internet.
const page = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'inputs', 'article.html'));
// The test server is on loopback, which is refused by default: these tests name it as an allowed private address.
const LOCAL = { allowPrivateRanges: ['127.0.0.1'] };
let server: Server;
let base = '';

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/article.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
  '/moved': (_req, res) => res.writeHead(302, { location: '/article.html' }).end(),
  '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>'),
  ...LIMIT_ROUTES,
  '/image.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50])),
  '/latin': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
      .end(iconv.encode('<p>Crème brûlée costs 5 € at the café, the owner said.</p>', 'windows-1252')),
  '/plain': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end('A plain text report of a council vote on Monday.'),
  '/agent': (req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${req.headers['user-agent'] ?? 'none'}</p>`),
};

beforeAll(async () => {
  server = createServer((req, res) => (routes[req.url ?? ''] ?? routes['/missing']!)(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe('reading URLs', () => {
  it('fetches an HTML page, sets meta.url, and uses a hash of the URL as id', async () => {
    const result = await readUrl(`${base}/article.html`, LOCAL);
    expect(result.failures).toEqual([]);
    expect(result.articles[0]).toMatchObject({
      source: `${base}/article.html`,
      format: 'html',
      meta: { url: `${base}/article.html` },
      content: page.toString('utf8'),
    });
    const again = await readUrl(`${base}/article.html`, LOCAL);
    expect(again.articles[0]?.id).toBe(result.articles[0]?.id);
  });

  it('follows redirects and records the final address', async () => {
    const result = await readUrl(`${base}/moved`, LOCAL);
    expect(result.articles[0]?.meta.url).toBe(`${base}/article.html`);
    expect(result.articles[0]?.source).toBe(`${base}/moved`);
    expect(result.articles[0]?.diagnostics).toEqual([
      { level: 'info', code: 'redirected', message: `redirected to ${base}/article.html` },
    ]);
  });

  it('fails a non-2xx answer with its status', async () => {
    const result = await readUrl(`${base}/missing`, LOCAL);
    expect(result.failures).toEqual([
      {
        source: `${base}/missing`,
        code: 'http-error',
        message: `${base}/missing: the server answered HTTP 404 Not Found`,
      },
    ]);
  });

  it('fails a request that does not answer within the time limit', async () => {
    const result = await readUrl(`${base}/slow`, { ...LOCAL, fetchTimeoutMs: 300 });
    expect(result.failures[0]).toMatchObject({ source: `${base}/slow`, code: 'fetch-timeout' });
    expect(result.failures[0]?.message).toContain('timed out');
  });

  it('stops downloading a body that passes the size limit', async () => {
    const result = await readUrl(`${base}/endless`, { ...LOCAL, maxBytes: 100_000 });
    expect(result.failures[0]).toMatchObject({ code: 'too-large' });
    expect(result.failures[0]?.message).toBe(`${base}/endless: more than the size limit of 97.7 kB`);
  });

  it('fails at once when Content-Length is over the limit', async () => {
    const result = await readUrl(`${base}/declared-huge`, LOCAL);
    expect(result.failures[0]?.message).toBe(`${base}/declared-huge: 50 MB is over the size limit of 5 MB`);
  });

  it('fails content that is not HTML or text', async () => {
    const result = await readUrl(`${base}/image.png`, LOCAL);
    expect(result.failures[0]).toMatchObject({ code: 'unsupported-content-type' });
    expect(result.failures[0]?.message).toContain('not HTML or text (Content-Type: image/png)');
  });

  it('honours the charset of the Content-Type header', async () => {
    const result = await readUrl(`${base}/latin`, LOCAL);
    expect(result.articles[0]?.content).toContain('Crème brûlée costs 5 € at the café');
    expect(result.articles[0]?.diagnostics?.[0]?.message).toBe('decoded as windows-1252 (declared by the server)');
  });

  it('reads text/plain as text and sends the Parallax user agent', async () => {
    const plain = await readUrl(`${base}/plain`, LOCAL);
    expect(plain.articles[0]?.format).toBe('text');
    const agent = await readUrl(`${base}/agent`, LOCAL);
    expect(agent.articles[0]?.content).toBe(`<p>${DEFAULT_USER_AGENT}</p>`);
  });

  it('fails a refused connection and a malformed URL without throwing', async () => {
    const port = await closedPort();
    const refused = await readUrl(`http://127.0.0.1:${port}/`, LOCAL);
    expect(refused.failures[0]).toMatchObject({ code: 'fetch-failed' });
    expect(refused.failures[0]?.message).toContain('ECONNREFUSED');
    const bad = await readUrl('http://exa mple.org/');
    expect(bad.failures[0]).toMatchObject({ code: 'bad-url' });
  });

  it('mixes URLs with files in one story through readInputs', async () => {
    const result = await readInputs([`${base}/article.html`, `${base}/missing`, 'plain.txt'], {
      ...LOCAL,
      cwd: join(REPO_ROOT, 'test', 'fixtures', 'inputs'),
    });
    expect(result.articles.map((a) => a.source)).toEqual([`${base}/article.html`, 'plain.txt']);
    expect(result.failures.map((f) => f.code)).toEqual(['http-error']);
  });
});

describe('reading URLs on private addresses', () => {
  it('refuses them by default with a message that tells nothing of what is there', async () => {
    const result = await readUrl(`${base}/article.html`);
    expect(result.articles).toEqual([]);
    expect(result.failures).toEqual([
      { source: `${base}/article.html`, code: 'refused-private-address', message: 'refused: private address' },
    ]);
  });

  it('fetches them when the user allows private addresses', async () => {
    const result = await readUrl(`${base}/article.html`, { allowPrivateUrls: true });
    expect(result.failures).toEqual([]);
    expect(result.articles[0]?.content).toBe(page.toString('utf8'));
  });

  it('refuses them through readInputs too, and reads the other inputs', async () => {
    const result = await readInputs([`${base}/article.html`, 'plain.txt'], {
      cwd: join(REPO_ROOT, 'test', 'fixtures', 'inputs'),
    });
    expect(result.articles.map((a) => a.source)).toEqual(['plain.txt']);
    expect(result.failures.map((f) => f.code)).toEqual(['refused-private-address']);
  });
});
