import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addressPolicy, PUBLIC_ONLY } from '../src/engine/net/address-policy.js';
import { guardedLookup, type ResolveAll } from '../src/engine/net/guarded-lookup.js';
import { FetchError, REFUSED_MESSAGE, safeFetch, type SafeFetchOptions } from '../src/engine/net/safe-fetch.js';
import { closedPort, LIMIT_ROUTES, type Route } from './helpers/hostile-pages.js';

// Two local servers: the "site" on 127.0.0.1 (which tests open with an allow-list) and "inside" on 127.0.0.2, also
// loopback, which stays closed. Each counts the connections it accepts, to show refusals happen before connecting.
interface Local {
  server: Server;
  base: string;
  connections: number;
}

let site: Local;
let inside: Local;
const BASE_OPTIONS: SafeFetchOptions = { timeoutMs: 3000, maxBytes: 100_000, userAgent: 'ParallaxTest/1' };
const SITE_ONLY: SafeFetchOptions = { ...BASE_OPTIONS, allowRanges: ['127.0.0.1'] };

const siteRoutes: Record<string, Route> = {
  '/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>page</p>'),
  '/echo': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers)),
  '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('gone'),
  '/not-modified': (_req, res) => res.writeHead(304, { etag: '"v1"' }).end(),
  '/hop1': (_req, res) => res.writeHead(301, { location: '/hop2' }).end(),
  '/hop2': (_req, res) => res.writeHead(307, { location: `${site.base}/page` }).end(),
  '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/to-inside': (_req, res) => res.writeHead(302, { location: `${inside.base}/secret` }).end(),
  '/to-inside-echo': (_req, res) => res.writeHead(303, { location: `${inside.base}/echo` }).end(),
  '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/to-bad': (_req, res) => res.writeHead(302, { location: 'http://exa mple.org/' }).end(),
  '/no-location': (_req, res) => res.writeHead(302).end('no location'),
  ...LIMIT_ROUTES,
  '/stalls': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<p>first part</p>');
  },
  '/gzip-bomb': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
      .end(gzipSync(Buffer.alloc(10 * 1024 * 1024))),
};

const insideRoutes: Record<string, Route> = {
  '/secret': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('inside secret'),
  '/echo': siteRoutes['/echo']!,
};

async function listen(host: string, routes: Record<string, Route>): Promise<Local> {
  const local: Local = { server: createServer(), base: '', connections: 0 };
  local.server.on('request', (req, res) =>
    (routes[req.url ?? ''] ?? routes['/missing'] ?? siteRoutes['/missing']!)(req, res),
  );
  local.server.on('connection', () => local.connections++);
  await new Promise<void>((done) => local.server.listen(0, host, done));
  local.base = `http://${host}:${(local.server.address() as AddressInfo).port}`;
  return local;
}

beforeAll(async () => {
  site = await listen('127.0.0.1', siteRoutes);
  inside = await listen('127.0.0.2', insideRoutes);
});

afterAll(async () => {
  for (const local of [site, inside]) {
    local.server.closeAllConnections();
    await new Promise((done) => local.server.close(done));
  }
});

/** The FetchError a request fails with (the test fails if it does not). */
async function failure(url: string, options: SafeFetchOptions): Promise<FetchError> {
  const error = await safeFetch(url, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('refusing addresses that are not public', () => {
  afterEach(() => {
    site.connections = 0;
    inside.connections = 0;
  });

  it.each([
    '127.0.0.1',
    '2130706433',
    '0x7f.1',
    '127.1',
    '0177.0.0.1',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '127.0.0.1.',
    '127.0.0.1%2e',
    '①②⑦.0.0.1',
    '１２７.０.０.１',
    '127.000.000.001',
  ])('refuses the literal host %s before connecting', async (host) => {
    const port = new URL(site.base).port;
    const error = await failure(`http://${host}:${port}/page`, BASE_OPTIONS);
    expect(error.code).toBe('refused-private-address');
    expect(error.message).toBe(REFUSED_MESSAGE);
    expect(site.connections).toBe(0);
  });

  it.each(['0.0.0.0', '[::1]', '[::]', '169.254.169.254', '10.0.0.1', '192.168.0.1', '[fe80::1]', '224.0.0.1'])(
    'refuses %s',
    async (host) => {
      expect((await failure(`http://${host}/`, BASE_OPTIONS)).message).toBe(REFUSED_MESSAGE);
    },
  );

  it('refuses a name that resolves to loopback, in the lookup the socket itself uses', async () => {
    const port = new URL(site.base).port;
    const error = await failure(`http://localhost:${port}/page`, BASE_OPTIONS);
    expect(error.code).toBe('refused-private-address');
    expect(site.connections).toBe(0);
  });

  it('refuses a redirect to a loopback address the allow-list does not name, before connecting to it', async () => {
    const error = await failure(`${site.base}/to-inside`, SITE_ONLY);
    expect(error.code).toBe('refused-private-address');
    expect(error.message).toBe(REFUSED_MESSAGE);
    expect(site.connections).toBe(1);
    expect(inside.connections).toBe(0);
  });

  it('reaches every address when private ones are allowed', async () => {
    const result = await safeFetch(`${site.base}/to-inside`, { ...BASE_OPTIONS, allowPrivate: true });
    expect(Buffer.from(result.body).toString()).toBe('inside secret');
    expect(result.url).toBe(`${inside.base}/secret`);
  });

  it('reaches a name that resolves to an allowed address', async () => {
    const port = new URL(site.base).port;
    const result = await safeFetch(`http://localhost:${port}/page`, {
      ...BASE_OPTIONS,
      allowRanges: ['127.0.0.1', '::1'],
    });
    expect(result.status).toBe(200);
  });

  it('does not go through a proxy named in the environment', async () => {
    const proxy = await listen('127.0.0.1', {});
    const saved = { http: process.env.http_proxy, HTTP: process.env.HTTP_PROXY };
    process.env.http_proxy = proxy.base;
    process.env.HTTP_PROXY = proxy.base;
    try {
      const result = await safeFetch(`${site.base}/page`, SITE_ONLY);
      expect(result.status).toBe(200);
      expect(proxy.connections).toBe(0);
    } finally {
      for (const [name, value] of [
        ['http_proxy', saved.http],
        ['HTTP_PROXY', saved.HTTP],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await new Promise((done) => proxy.server.close(done));
    }
  });
});

describe('URLs and redirects', () => {
  it('follows redirects by hand, listing each hop', async () => {
    const result = await safeFetch(`${site.base}/hop1`, SITE_ONLY);
    expect(result).toMatchObject({ status: 200, url: `${site.base}/page` });
    expect(result.redirects).toEqual([`${site.base}/hop2`, `${site.base}/page`]);
    expect(Buffer.from(result.body).toString()).toBe('<p>page</p>');
  });

  it('stops after maxRedirects', async () => {
    const error = await failure(`${site.base}/loop`, { ...SITE_ONLY, maxRedirects: 3 });
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toBe('more than 3 redirects');
    expect((await failure(`${site.base}/hop1`, { ...SITE_ONLY, maxRedirects: 0 })).code).toBe('too-many-redirects');
  });

  it('refuses schemes other than http and https, given or redirected to', async () => {
    expect((await failure('file:///etc/passwd', BASE_OPTIONS)).code).toBe('unsupported-scheme');
    expect((await failure('ftp://example.org/', BASE_OPTIONS)).code).toBe('unsupported-scheme');
    expect((await failure(`${site.base}/to-file`, SITE_ONLY)).code).toBe('unsupported-scheme');
  });

  it('fails an invalid URL or redirect target and a URL with credentials', async () => {
    expect((await failure('http://exa mple.org/', BASE_OPTIONS)).code).toBe('bad-url');
    expect((await failure(`${site.base}/to-bad`, SITE_ONLY)).code).toBe('bad-url');
    const port = new URL(site.base).port;
    expect((await failure(`http://user:pw@127.0.0.1:${port}/page`, SITE_ONLY)).code).toBe('bad-url');
  });

  it('returns a redirect without Location as it is', async () => {
    const result = await safeFetch(`${site.base}/no-location`, SITE_ONLY);
    expect(result.status).toBe(302);
    expect(result.redirects).toEqual([]);
  });

  it('keeps credentials to their origin when a redirect leaves it', async () => {
    const options = {
      ...BASE_OPTIONS,
      allowRanges: ['127.0.0.0/8'],
      headers: { Authorization: 'Bearer t', Cookie: 'a=b', 'If-None-Match': '"v1"' },
    };
    const same = await safeFetch(`${site.base}/echo`, options);
    expect(JSON.parse(Buffer.from(same.body).toString())).toMatchObject({ authorization: 'Bearer t', cookie: 'a=b' });
    const moved = await safeFetch(`${site.base}/to-inside-echo`, options);
    const sent = JSON.parse(Buffer.from(moved.body).toString()) as Record<string, string>;
    expect(sent.authorization).toBeUndefined();
    expect(sent.cookie).toBeUndefined();
    expect(sent['if-none-match']).toBe('"v1"');
    expect(sent['user-agent']).toBe('ParallaxTest/1');
  });
});

describe('answers, limits and failures', () => {
  it('returns any status as a result, with headers and body', async () => {
    const missing = await safeFetch(`${site.base}/missing`, SITE_ONLY);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/plain');
    expect(Buffer.from(missing.body).toString()).toBe('gone');
  });

  it('gives an empty body for 304, HEAD, and when wantBody declines it', async () => {
    const notModified = await safeFetch(`${site.base}/not-modified`, SITE_ONLY);
    expect(notModified).toMatchObject({ status: 304, body: new Uint8Array() });
    expect(notModified.headers.get('etag')).toBe('"v1"');
    const head = await safeFetch(`${site.base}/page`, { ...SITE_ONLY, method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: new Uint8Array() });
    // Declined, the endless body is not downloaded, so no size limit is hit.
    const declined = await safeFetch(`${site.base}/endless`, { ...SITE_ONLY, wantBody: () => false });
    expect(declined).toMatchObject({ status: 200, body: new Uint8Array() });
  });

  it('fails with timeout when there is no answer, or the body stalls, within the deadline', async () => {
    for (const path of ['/slow', '/stalls']) {
      const error = await failure(`${site.base}${path}`, { ...SITE_ONLY, timeoutMs: 300 });
      expect(error.code).toBe('timeout');
      expect(error.message).toBe('no complete answer within 0.3 s (timed out)');
    }
  });

  it('fails with too-large past maxBytes, counting decoded bytes, or on a declared length', async () => {
    expect((await failure(`${site.base}/endless`, SITE_ONLY)).code).toBe('too-large');
    expect((await failure(`${site.base}/gzip-bomb`, { ...SITE_ONLY, maxBytes: 1024 * 1024 })).code).toBe('too-large');
    const declared = await failure(`${site.base}/declared-huge`, SITE_ONLY);
    expect(declared).toMatchObject({ code: 'too-large', details: { declaredBytes: 50 * 1024 * 1024 } });
  });

  it('fails with aborted when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(`${site.base}/slow`, { ...SITE_ONLY, signal: controller.signal });
    expect(error.code).toBe('aborted');
  });

  it('names a network failure by its system code only, never the address', async () => {
    const port = await closedPort();
    const error = await failure(`http://127.0.0.1:${port}/`, SITE_ONLY);
    expect(error).toMatchObject({ code: 'network', details: { systemCode: 'ECONNREFUSED' } });
    expect(error.message).toBe('could not be fetched (connection refused, ECONNREFUSED)');
    const blocked = await failure('http://127.0.0.1:25/', SITE_ONLY);
    expect(blocked.message).toBe('could not be fetched (the port is not one web pages are served on)');
  });

  it('rejects invalid options with a TypeError', async () => {
    await expect(safeFetch(`${site.base}/page`, { ...SITE_ONLY, timeoutMs: 0 })).rejects.toThrow(TypeError);
    await expect(safeFetch(`${site.base}/page`, { ...SITE_ONLY, maxRedirects: -1 })).rejects.toThrow(TypeError);
    await expect(safeFetch(`${site.base}/page`, { ...BASE_OPTIONS, allowRanges: ['intranet'] })).rejects.toThrow(
      '"intranet" is not an IP address or CIDR range',
    );
  });
});

describe('guardedLookup', () => {
  const answers: Record<string, LookupAddress[]> = {
    'mixed.test': [
      { address: '127.0.0.1', family: 4 },
      { address: '93.184.216.34', family: 4 },
      { address: '::1', family: 6 },
      { address: '2606:2800:220:1::1', family: 6 },
    ],
    'inside.test': [
      { address: '10.0.0.7', family: 4 },
      { address: 'fd00::7', family: 6 },
    ],
  };
  const fakeResolve: ResolveAll = (hostname, _options, callback) => {
    const found = answers[hostname];
    if (found) callback(null, found);
    else callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), []);
  };

  function lookup(hostname: string, all: boolean, policy = PUBLIC_ONLY): Promise<unknown[]> {
    return new Promise((done) => {
      guardedLookup(policy, fakeResolve)(hostname, { all }, (error, address, family) => done([error, address, family]));
    });
  }

  it('hands the socket only the allowed addresses', async () => {
    const [error, addresses] = await lookup('mixed.test', true);
    expect(error).toBeNull();
    expect(addresses).toEqual([answers['mixed.test']![1], answers['mixed.test']![3]]);
    expect(await lookup('mixed.test', false)).toEqual([null, '93.184.216.34', 4]);
  });

  it('refuses a name with no allowed address, unless the policy allows it', async () => {
    const [error] = await lookup('inside.test', true);
    expect(error).toMatchObject({ code: 'refused-private-address', message: REFUSED_MESSAGE });
    const [, address] = await lookup('inside.test', false, addressPolicy({ allowRanges: ['fd00::/8'] }));
    expect(address).toBe('fd00::7');
  });

  it('passes resolver errors on', async () => {
    const [error] = await lookup('nowhere.test', true);
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });
});
