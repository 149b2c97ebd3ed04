/**
 * The server's guards against a real browser (Debian's chromium): a page of another origin that auto-submits forms
 * to the API, a DNS name re-pointed at this machine (rebinding), and the web page's own use of a server with a token:
 * it asks for the token once in a dialog, keeps it, sends it, and forgets it on request.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openSqliteStoryRepository,
  type SqliteStoryRepository,
} from '../src/engine/storage/sqlite-story-repository.js';
import { createApp, type AppOptions } from '../src/server/app.js';
import { startServer, type RunningServer } from '../src/server/start-server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, buildWebPage, screenshot, watchForProblems } from './helpers/browser.js';

const TOKEN = 'browser-token-0123456789abcdef';
const ARTICLE =
  'The night train to the coast was cancelled on Friday after a landslide blocked the line, the rail operator said. ' +
  'Buses will replace the service until Monday.';

/** The attacker's pages: each auto-submits a form of one encoding to `action` as soon as it loads. */
function attackPage(action: string, enctype: string): string {
  return `<!doctype html><html><body>
<form id="f" method="post" action="${action}" enctype="${enctype}">
<input name="title" value="Planted story"><textarea name="text">${ARTICLE}</textarea>
</form><script>document.getElementById('f').submit();</script></body></html>`;
}

const ENCTYPES = ['multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain'];

describe.skipIf(!existsSync(CHROMIUM_PATH))('the guards in chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-browser-guard-'));
  const webRoot = join(dir, 'web');
  const repos: SqliteStoryRepository[] = [];
  const servers: RunningServer[] = [];
  let open: RunningServer;
  let guarded: RunningServer;
  let attacker: Server;
  let attackerUrl = '';
  let browser: Browser;

  async function serve(options: Partial<AppOptions>): Promise<RunningServer> {
    const repo = openSqliteStoryRepository({ path: join(dir, `${repos.length}.db`) });
    repos.push(repo);
    const server = await startServer(createApp({ repo, webRoot, logError: () => undefined, ...options }), {
      host: '127.0.0.1',
      port: 0,
    });
    servers.push(server);
    return server;
  }

  beforeAll(async () => {
    await buildWebPage(webRoot);
    open = await serve({});
    guarded = await serve({ token: TOKEN });
    // Another origin on this machine (another port), standing in for any site the user visits.
    attacker = createServer((req, res) => {
      const enctype = decodeURIComponent(req.url?.slice(1) ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(attackPage(`${open.url}/api/stories`, enctype));
    });
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    // evil.example resolves to this machine, as a rebinding DNS server would make it.
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP evil.example 127.0.0.1'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => attacker?.close(done));
    for (const server of servers) await server.close();
    for (const repo of repos) await repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function context(baseURL: string): Promise<BrowserContext> {
    return browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  }

  async function total(server: RunningServer, headers: Record<string, string> = {}): Promise<number> {
    const response = await fetch(`${server.url}/api/stories`, { headers });
    return ((await response.json()) as { total: number }).total;
  }

  it.each(ENCTYPES)('a page of another origin auto-submitting a %s form creates no story', async (enctype) => {
    const ctx = await context(attackerUrl);
    const page = await ctx.newPage();
    const answer = page.waitForResponse((r) => r.url() === `${open.url}/api/stories`);
    await page.goto(`/${encodeURIComponent(enctype)}`);
    const response = await answer;
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('cross-origin');
    expect(await total(open)).toBe(0);
    await ctx.close();
  });

  it('a name re-pointed at this machine gets neither the web page nor the library', async () => {
    const port = new URL(open.url).port;
    const ctx = await context(`http://evil.example:${port}`);
    const page = await ctx.newPage();
    for (const path of ['/', '/api/stories']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(421);
      expect(await page.locator('main').count()).toBe(0);
    }
    await ctx.close();
  });

  it("the page's own use of a server with a token: asked once, kept, sent, forgotten on request", async () => {
    const ctx = await context(guarded.url);
    const page = await ctx.newPage();
    const problems = watchForProblems(page);
    await page.goto('/');
    const dialog = page.getByRole('dialog', { name: 'Access token' });
    await dialog.waitFor();
    // The field has focus and a label; a wrong token is refused and asked for again.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('access-token');
    await page.getByLabel('Token', { exact: true }).fill('wrong-token-0123456789abcdef');
    await page.getByRole('button', { name: 'Use this token' }).click();
    await page.getByRole('alert').filter({ hasText: 'not accepted' }).waitFor();
    await screenshot(page, 'token-dialog-refused');
    await page.getByLabel('Token', { exact: true }).fill(TOKEN);
    await page.keyboard.press('Enter');
    await page.locator('main h1', { hasText: 'Stories' }).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('parallax.accessToken'))).toBe(TOKEN);

    // A story made through the form: a same-origin POST with the token.
    await page.goto('/#/new');
    await page.fill('#new-title', 'Night train');
    await page.fill('#new-text-1', ARTICLE);
    await page.click('button[type="submit"]');
    await page.waitForSelector('main[data-story]', { timeout: 60_000 });
    expect(await page.locator('main h1').textContent()).toBe('Night train');
    expect(await total(guarded, { authorization: `Bearer ${TOKEN}` })).toBe(1);

    // Kept across a reload: no second question.
    await page.reload();
    await page.waitForSelector('main[data-story]');
    expect(await dialog.count()).toBe(0);
    await screenshot(page, 'token-forget-control');

    // Forgotten on request: the token leaves storage and the page asks again.
    await page.getByRole('button', { name: 'Forget access token' }).click();
    await dialog.waitFor();
    expect(await page.evaluate(() => localStorage.getItem('parallax.accessToken'))).toBeNull();
    await page.keyboard.press('Escape');
    await page.locator('main h1', { hasText: 'Something went wrong' }).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/Reload the page to enter the access token/);
    expect(await page.getByRole('button', { name: 'Forget access token' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('the page asks for nothing on a server without a token, and its writes are accepted', async () => {
    const ctx = await context(open.url);
    const page = await ctx.newPage();
    await page.goto('/#/new');
    await page.fill('#new-text-1', ARTICLE);
    await page.click('button[type="submit"]');
    await page.waitForSelector('main[data-story]', { timeout: 60_000 });
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await total(open)).toBe(1);
    await ctx.close();
  }, 120_000);
});
