/**
 * Who may drive the server, tried through a real server on a port as an attacker would: a forged Host (DNS
 * rebinding), cross-site requests (Origin, Sec-Fetch-Site) of every content type, and the API token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStoryRepository } from '../src/engine/storage/sqlite-story-repository.js';
import { createApp, type AppOptions } from '../src/server/app.js';
import { BindRefusedError, decideBind } from '../src/server/bind-policy.js';
import { startServer, type RunningServer } from '../src/server/start-server.js';
import { errorCode, rawExchange, rawRequest, type RawRequest } from './helpers/raw-http.js';

const TOKEN = 'test-token-0123456789abcdef';
const ARTICLE = {
  text:
    'The harbour ferry resumed service on Monday after a two-week repair, the port authority said. ' +
    'About 3,000 passengers use the crossing each day.',
};

const dir = mkdtempSync(join(tmpdir(), 'parallax-guard-'));
const closers: (() => Promise<void>)[] = [];

/** A real server on 127.0.0.1 over a fresh library, built with these app options. */
async function serve(options: Partial<AppOptions> = {}): Promise<RunningServer> {
  const repo = openSqliteStoryRepository({ path: ':memory:' });
  const app = createApp({ repo, webRoot: join(dir, 'no-web'), logError: () => undefined, ...options });
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  closers.push(async () => {
    await server.close();
    await repo.close();
  });
  return server;
}

afterAll(async () => {
  for (const close of closers) await close();
  rmSync(dir, { recursive: true, force: true });
});

function postStory(server: RunningServer, headers: Record<string, string>, extra: RawRequest = {}) {
  return rawRequest(`${server.url}/api/stories`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title: 'Ferry', articles: [ARTICLE] }),
    ...extra,
  });
}

async function storyCount(server: RunningServer, headers: Record<string, string> = {}): Promise<number> {
  const response = await rawRequest(`${server.url}/api/stories`, { headers });
  expect(response.status).toBe(200);
  return (JSON.parse(response.text) as { total: number }).total;
}

describe('the Host header (DNS rebinding)', () => {
  let server: RunningServer;
  let port: string;
  beforeAll(async () => {
    server = await serve({ boundHost: '127.0.0.1', allowedHosts: ['parallax.example', 'proxy.example:8443'] });
    port = new URL(server.url).port;
  });

  it('serves nothing, web page or API, to a host it does not answer to', async () => {
    for (const path of ['/', '/index.html', '/api/stories', '/api/health', '/api/openapi.json']) {
      const response = await rawRequest(`${server.url}${path}`, { headers: { host: `evil.example:${port}` } });
      expect(response.status, path).toBe(421);
      expect(errorCode(response), path).toBe('host-not-allowed');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.text).not.toMatch(/<html|stories/i);
    }
  });

  it('answers to the loopback names and the bound address at the port it listens on', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST.:${port}`]) {
      const response = await rawRequest(`${server.url}/api/health`, { headers: { host } });
      expect(response.status, host).toBe(200);
    }
  });

  it('refuses the loopback names at another port, and hosts that only look like them', async () => {
    const hosts = [
      'localhost:1',
      'localhost',
      `localhost.evil.example:${port}`,
      `evil.example@localhost:${port}`,
      `127.0.0.1.nip.io:${port}`,
    ];
    for (const host of hosts) {
      const response = await rawRequest(`${server.url}/api/health`, { headers: { host } });
      expect([400, 421], JSON.stringify(host)).toContain(response.status);
    }
  });

  it('refuses a request with an empty or no Host, or whose absolute target hides a foreign Host', async () => {
    const exchanges = [
      'GET /api/health HTTP/1.1\r\nHost: \r\n\r\n',
      'GET /api/health HTTP/1.0\r\n\r\n',
      `GET http://localhost:${port}/api/health HTTP/1.1\r\nHost: evil.example\r\n\r\n`,
    ];
    for (const message of exchanges) {
      expect([400, 421], JSON.stringify(message)).toContain(await rawExchange(server.url, message));
    }
  });

  it('answers to names the operator added, at any port or at the one given', async () => {
    const status = async (host: string) => (await rawRequest(`${server.url}/api/health`, { headers: { host } })).status;
    expect(await status('parallax.example')).toBe(200);
    expect(await status('parallax.example:443')).toBe(200);
    expect(await status('proxy.example:8443')).toBe(200);
    expect(await status('proxy.example:9000')).toBe(421);
  });
});

describe('state-changing requests from other origins (CSRF)', () => {
  let server: RunningServer;
  let own: string;
  beforeAll(async () => {
    server = await serve({ limits: { maxJsonBytes: 64 * 1024 } });
    own = server.url;
  });

  it('refuses a POST with a foreign Origin, and stores nothing', async () => {
    const response = await postStory(server, { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe('cross-origin');
    expect(await storyCount(server)).toBe(0);
  });

  it('refuses Sec-Fetch-Site cross-site and same-site (another port of this machine is another origin)', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const response = await postStory(server, { 'sec-fetch-site': site });
      expect(response.status, site).toBe(403);
      expect(errorCode(response)).toBe('cross-origin');
    }
    expect(await storyCount(server)).toBe(0);
  });

  it('refuses origins that are not exactly this server: null, another port, another scheme', async () => {
    const port = Number(new URL(own).port);
    for (const origin of ['null', `http://127.0.0.1:${port + 1}`, `ftp://127.0.0.1:${port}`, 'http://localhost']) {
      const response = await postStory(server, { origin });
      expect(response.status, origin).toBe(403);
    }
  });

  it('refuses cross-site forms of every content type before reading the body', async () => {
    const big = 'x'.repeat(200 * 1024); // over the body limit: a 413 would mean the body was looked at
    const types = ['multipart/form-data; boundary=b', 'application/x-www-form-urlencoded', 'text/plain'];
    for (const type of types) {
      const response = await rawRequest(`${own}/api/stories`, {
        method: 'POST',
        headers: { 'content-type': type, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
        body: big,
      });
      expect(response.status, type).toBe(403);
    }
  });

  it("accepts its own page's requests and header-less clients (curl, scripts)", async () => {
    const fromPage = await postStory(server, { origin: own, 'sec-fetch-site': 'same-origin' });
    expect(fromPage.status).toBe(201);
    expect((await postStory(server, {})).status).toBe(201);
    expect((await postStory(server, { 'sec-fetch-site': 'none' })).status).toBe(201);
    expect(await storyCount(server)).toBe(3);
  });

  it('refuses a cross-site DELETE and keeps the story', async () => {
    const created = JSON.parse((await postStory(server, {})).text) as { story: { id: string } };
    const path = `${own}/api/stories/${created.story.id}`;
    const refused = await rawRequest(path, { method: 'DELETE', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(refused.status).toBe(403);
    expect((await rawRequest(path)).status).toBe(200);
    expect((await rawRequest(path, { method: 'DELETE', headers: { origin: own } })).status).toBe(204);
  });

  it('lets reads through from any page (the browser keeps their answers from other origins)', async () => {
    const response = await rawRequest(`${own}/api/stories`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(response.status).toBe(200);
  });
});

describe('the API token', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve({ token: TOKEN });
  });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('refuses every API request without the token, with a Bearer challenge', async () => {
    const requests: [string, RawRequest][] = [
      ['/api/stories', {}],
      ['/api/search?q=ferry', {}],
      ['/api/openapi.json', {}],
      ['/api/stories/x', { method: 'DELETE' }],
      ['/api/stories', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
    ];
    for (const [path, init] of requests) {
      const response = await rawRequest(`${server.url}${path}`, init);
      expect(response.status, path).toBe(401);
      expect(response.headers['www-authenticate'], path).toMatch(/^Bearer\b/);
      expect(errorCode(response), path).toBe('unauthorized');
    }
  });

  it('refuses a wrong or malformed token', async () => {
    const wrong = [
      bearer('test-token-0123456789abcdeX'),
      bearer(TOKEN.slice(0, -1)),
      bearer(`${TOKEN}x`),
      bearer('has spaces in it, not a token'),
      { authorization: `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}` },
      { authorization: TOKEN },
    ];
    for (const headers of wrong) {
      const response = await rawRequest(`${server.url}/api/stories`, { headers });
      expect(response.status, headers.authorization).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer\b/);
    }
  });

  it('accepts the token for reads and writes', async () => {
    expect(await storyCount(server, bearer(TOKEN))).toBe(0);
    expect((await postStory(server, bearer(TOKEN))).status).toBe(201);
    expect(await storyCount(server, bearer(TOKEN))).toBe(1);
  });

  it('still refuses a cross-site write that carries the token', async () => {
    const response = await postStory(server, { ...bearer(TOKEN), origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });

  it('leaves the health check and the web page open (the page asks for the token)', async () => {
    expect((await rawRequest(`${server.url}/api/health`)).status).toBe(200);
    expect((await rawRequest(`${server.url}/api/health`, { method: 'HEAD' })).status).toBe(200);
    const page = await rawRequest(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/);
  });

  it('states the bearer scheme in the OpenAPI document, and which operations need it', async () => {
    const response = await rawRequest(`${server.url}/api/openapi.json`, { headers: bearer(TOKEN) });
    const doc = JSON.parse(response.text) as {
      security: object[];
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
      paths: Record<string, Record<string, { security?: object[]; responses: Record<string, unknown> }>>;
    };
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearerToken: [] }]);
    expect(doc.paths['/api/health']!.get!.security).toEqual([]);
    expect(Object.keys(doc.paths['/api/health']!.get!.responses)).not.toContain('401');
    const create = doc.paths['/api/stories']!.post!.responses;
    expect(Object.keys(create)).toEqual(expect.arrayContaining(['401', '403', '421']));
    expect(Object.keys(doc.paths['/api/stories']!.get!.responses)).not.toContain('403');
  });

  it('refuses to build an app with an unusable token', () => {
    const repo = openSqliteStoryRepository({ path: ':memory:' });
    expect(() => createApp({ repo, token: 'short' })).toThrow(/16/);
    expect(() => createApp({ repo, token: 'sixteen chars or more but spaces' })).toThrow(/letters/);
    void repo.close();
  });
});

describe('listening beyond loopback', () => {
  it('refuses to listen beyond loopback with an app that has no token', async () => {
    const repo = openSqliteStoryRepository({ path: ':memory:' });
    const app = createApp({ repo });
    for (const host of ['0.0.0.0', '::', '192.0.2.1', 'parallax.example']) {
      await expect(startServer(app, { host, port: 0 })).rejects.toBeInstanceOf(BindRefusedError);
    }
    await repo.close();
  });

  it('decides by the host: loopback always, anything else only with a token, and says so', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(decideBind({ host, hasToken: false }), host).toEqual({ allowed: true, notice: null });
    }
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'my-laptop.local', 'localhost.evil.example', '']) {
      const refused = decideBind({ host, hasToken: false });
      expect(refused.allowed, host).toBe(false);
      if (!refused.allowed) expect(refused.reason).toMatch(/--token/);
      const allowed = decideBind({ host, hasToken: true });
      expect(allowed.allowed && allowed.notice, host).toMatch(/reachable from other machines/);
    }
  });
});
