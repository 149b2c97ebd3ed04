import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openSqliteStoryRepository,
  type SqliteStoryRepository,
} from '../src/engine/storage/sqlite-story-repository.js';
import { createApp, type AppOptions } from '../src/server/app.js';
import { startServer, type RunningServer } from '../src/server/start-server.js';
import { serverSettings } from '../src/cli/commands/serve.js';
import { UsageError } from '../src/cli/errors.js';
import type { CliIo } from '../src/cli/io.js';
import { analyze, extract } from '../src/engine/api.js';
import { StoryService } from '../src/engine/stories.js';
import { REPO_ROOT } from './helpers/shared.js';

// An attacker asks the Parallax server to fetch pages inside the machine it runs on. The "inside" server listens on
// every local address (IPv4 and IPv6) and serves a page a reader would gladly take as an article, with a word found
// nowhere else; none of these requests may reach it, store it or make it searchable, and the answer must not say
// what is there (port state, status, content type).
const SECRET_WORD = 'Quillanthrope';
const SECRET_PAGE = `<!doctype html><html><head><title>Internal payroll notes</title></head><body><article>
<p>The ${SECRET_WORD} account holds the payroll keys for the whole company, the finance office said on Monday.</p>
<p>Only two people may open the ${SECRET_WORD} vault, and both of them were away on leave last week.</p>
<p>The office will move the keys to a new system in March, according to an internal memo seen by staff.</p>
</article></body></html>`;

const BENIGN_TEXT =
  'The town council approved a new bridge over the river on Tuesday, the mayor said. Work will start in May and ' +
  'should take two years, according to the council. The bridge will carry cyclists and walkers as well as cars.';

let inside: Server;
let insideRequests = 0;
let insidePort = 0;
// A site on 127.0.0.1 that the operator has named as reachable (an intranet), and that redirects inward.
let site: Server;
let sitePort = 0;

interface Api {
  server: RunningServer;
  repo: SqliteStoryRepository;
}
let guarded: Api;
let intranet: Api;
let openAll: Api;

async function startApi(options: Omit<AppOptions, 'repo'>): Promise<Api> {
  const repo = openSqliteStoryRepository({ path: ':memory:' });
  const server = await startServer(createApp({ repo, ...options }), { port: 0 });
  return { server, repo };
}

async function listen(server: Server, host: string): Promise<number> {
  await new Promise<void>((done) => server.listen(0, host, done));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  inside = createServer((_req, res) => {
    insideRequests++;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-internal': 'yes' }).end(SECRET_PAGE);
  });
  insidePort = await listen(inside, '::');
  site = createServer((req, res) => {
    if (req.url === '/moved') res.writeHead(302, { location: `http://127.0.0.2:${insidePort}/secret` }).end();
    else res.writeHead(404).end();
  });
  sitePort = await listen(site, '127.0.0.1');
  guarded = await startApi({});
  intranet = await startApi({ allowPrivateRanges: ['127.0.0.1'] });
  openAll = await startApi({ allowPrivateUrls: true });
});

afterAll(async () => {
  for (const api of [guarded, intranet, openAll]) {
    await api.server.close();
    await api.repo.close();
  }
  for (const server of [inside, site]) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

interface Failure {
  source: string;
  code: string;
  message: string;
}

async function postStory(api: Api, body: object): Promise<{ status: number; text: string; json: unknown }> {
  const response = await fetch(`${api.server.url}/api/stories`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as unknown };
}

async function searchHits(api: Api, word: string): Promise<unknown[]> {
  const response = await fetch(`${api.server.url}/api/search?q=${encodeURIComponent(word)}`);
  return ((await response.json()) as { results: unknown[] }).results;
}

/** The answer with the URL itself taken out: what is left must say nothing about the address. */
function withoutUrl(text: string, url: string): string {
  return text.split(JSON.stringify(url).slice(1, -1)).join('<url>');
}

function expectNothingLeaked(text: string, url: string): void {
  const rest = withoutUrl(text, url);
  expect(rest).not.toContain(SECRET_WORD);
  expect(rest).not.toContain(String(insidePort));
  expect(rest).not.toMatch(/ECONN|EHOST|ENET|ETIMEDOUT|HTTP \d|Content-Type|text\/html|payroll|x-internal/i);
}

const refusedUrls = (): string[] => [
  `http://127.0.0.1:${insidePort}/secret`,
  `http://localhost:${insidePort}/secret`,
  `http://0.0.0.0:${insidePort}/secret`,
  `http://2130706433:${insidePort}/secret`,
  `http://0x7f.1:${insidePort}/secret`,
  `http://127.1:${insidePort}/secret`,
  `http://[::1]:${insidePort}/secret`,
  `http://[::ffff:127.0.0.1]:${insidePort}/secret`,
  'http://169.254.169.254/latest/meta-data/',
];

describe('POST /api/stories with URLs inside the machine', () => {
  it('refuses each spelling of a private address, says only "refused: private address", and never connects', async () => {
    for (const url of refusedUrls()) {
      const { status, text, json } = await postStory(guarded, { urls: [url] });
      expect(status, url).toBe(422);
      const failures = (json as { error: { details: { failures: Failure[] } } }).error.details.failures;
      expect(failures, url).toEqual([
        { source: url, code: 'refused-private-address', message: 'refused: private address' },
      ]);
      expectNothingLeaked(text, url);
    }
    expect(insideRequests).toBe(0);
    expect(await searchHits(guarded, SECRET_WORD)).toEqual([]);
  });

  it('stores the other inputs of the request, and never the refused page', async () => {
    const url = `http://127.0.0.1:${insidePort}/secret`;
    const { status, text, json } = await postStory(guarded, { urls: [url], articles: [{ text: BENIGN_TEXT }] });
    expect(status).toBe(201);
    const created = json as { story: { id: string; articleCount: number }; failures: Failure[] };
    expect(created.story.articleCount).toBe(1);
    expect(created.failures).toEqual([
      { source: url, code: 'refused-private-address', message: 'refused: private address' },
    ]);
    expectNothingLeaked(text, url);
    const stored = await (await fetch(`${guarded.server.url}/api/stories/${created.story.id}`)).text();
    expect(stored).not.toContain(SECRET_WORD);
    expect(await searchHits(guarded, SECRET_WORD)).toEqual([]);
    expect(await searchHits(guarded, 'bridge')).not.toEqual([]);
    expect(insideRequests).toBe(0);
  });

  it('refuses a redirect from an allowed intranet site to a loopback address it does not name', async () => {
    const url = `http://127.0.0.1:${sitePort}/moved`;
    const { status, text, json } = await postStory(intranet, { urls: [url] });
    expect(status).toBe(422);
    expect((json as { error: { details: { failures: Failure[] } } }).error.details.failures).toEqual([
      { source: url, code: 'refused-private-address', message: 'refused: private address' },
    ]);
    expectNothingLeaked(text, url);
    expect(insideRequests).toBe(0);
    expect(await searchHits(intranet, SECRET_WORD)).toEqual([]);
  });

  it('fetches such pages only for an operator who allows private addresses (the attack would work otherwise)', async () => {
    const { status } = await postStory(openAll, { urls: [`http://localhost:${insidePort}/secret`] });
    expect(status).toBe(201);
    expect(insideRequests).toBe(1);
    expect(await searchHits(openAll, SECRET_WORD)).not.toEqual([]);
    insideRequests = 0;
  });
});

/** Runs the real executable without blocking this process (the inside server must be able to answer). */
function parallax(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'parallax.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, PARALLAX_DEBUG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the CLI with URLs inside the machine', () => {
  it('analyze refuses a loopback URL with exit 1 and the one-line reason', async () => {
    const url = `http://127.0.0.1:${insidePort}/x`;
    const run = await parallax(['analyze', url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`parallax: ${url}: refused: private address\n`);
    expectNothingLeaked(run.stderr, url);
    expect(insideRequests).toBe(0);
  });

  it('extract fetches it with --allow-private-urls, and with --allow-private-range naming it', async () => {
    const url = `http://127.0.0.1:${insidePort}/x`;
    const all = await parallax(['extract', url, '--allow-private-urls', '--format', 'text']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(SECRET_WORD);
    const named = await parallax([
      'extract',
      url,
      '--allow-private-range',
      '10.0.0.0/8, 127.0.0.1',
      '--format',
      'text',
    ]);
    expect(named.code).toBe(0);
    const other = await parallax(['extract', url, '--allow-private-range', '127.0.0.2']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('refused: private address');
    expect(insideRequests).toBe(2);
    insideRequests = 0;
  });

  it('rejects a bad --allow-private-range as a usage error', async () => {
    const run = await parallax(['analyze', 'x.txt', '--allow-private-range', 'intranet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--allow-private-range: "intranet" is not an IP address or CIDR range');
  });
});

describe('the library and the option plumbing', () => {
  it('analyze and extract refuse a loopback URL unless allowed', async () => {
    const url = `http://127.0.0.1:${insidePort}/secret`;
    const refused = await analyze([url, { text: BENIGN_TEXT }]);
    expect(refused.failures).toEqual([
      { source: url, code: 'refused-private-address', message: 'refused: private address' },
    ]);
    expect(JSON.stringify(refused.report)).not.toContain(SECRET_WORD);
    expect(insideRequests).toBe(0);
    const allowed = await extract([url], { allowPrivateRanges: ['127.0.0.0/8'] });
    expect(allowed.documents[0]?.text).toContain(SECRET_WORD);
    expect(insideRequests).toBe(1);
    insideRequests = 0;
  });

  it("rejects an invalid allowPrivateRanges as the caller's mistake", async () => {
    await expect(analyze(['x.txt'], { allowPrivateRanges: ['intranet'] })).rejects.toThrow(TypeError);
    expect(() => new StoryService({ repo: guarded.repo, allowPrivateRanges: ['10.0.0.0/40'] })).toThrow(TypeError);
    expect(() => createApp({ repo: guarded.repo, allowPrivateRanges: ['nope'] })).toThrow(
      '"nope" is not an IP address or CIDR range',
    );
  });

  it('serve and start read the same flags', () => {
    const io = { cwd: REPO_ROOT, env: {} } as unknown as CliIo;
    expect(serverSettings('serve', { 'allow-private-urls': true }, io).urlAccess).toEqual({ allowPrivateUrls: true });
    expect(serverSettings('start', { 'allow-private-range': '10.1.0.0/16, fd00::/8' }, io).urlAccess).toEqual({
      allowPrivateRanges: ['10.1.0.0/16', 'fd00::/8'],
    });
    expect(serverSettings('serve', {}, io).urlAccess).toEqual({});
    expect(() => serverSettings('serve', { 'allow-private-range': '10.0.0.0/8,,' }, io)).toThrow(UsageError);
  });
});
