/**
 * `parallax serve --watch`: a feed added through the API is polled by the server's own watcher, its stories appear in
 * `/api/stream/stories`, and SIGTERM stops the server and the watcher cleanly.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FictionSite } from './helpers/fiction-site.js';
import { itemsOf, publish, serveFeed } from './helpers/stream-world.js';
import { REPO_ROOT } from './helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-serve-watch-'));
const site = new FictionSite();

beforeAll(async () => {
  await site.start();
});

afterAll(async () => {
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('polls a feed added through the API and stops cleanly', async () => {
  const pages = publish(site, [40, 41], [0, 1]);
  const feed = serveFeed(site, '/feed.xml', itemsOf(pages));
  const args = ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'main.ts'), 'serve', '--watch', '--port', '0'];
  const child = spawn(
    process.execPath,
    [...args, '--db', join(dir, 'library.db'), '--allow-private-urls', '--workers', '1'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | string>((done) => child.on('exit', (code, signal) => done(signal ?? code ?? -1)));
  try {
    const until = async (check: () => boolean | Promise<boolean>) => {
      for (const end = Date.now() + 60_000; !(await check());) {
        if (Date.now() > end) throw new Error(`timed out; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until(() => /listening on (http:\/\/\S+?)\/? /.test(stdout));
    const base = /listening on (http:\/\/\S+?)\/? /.exec(stdout)![1]!;
    const added = await fetch(`${base}/api/feeds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: feed }),
    });
    expect(added.status).toBe(201);
    await until(async () => {
      const body = (await (await fetch(`${base}/api/stream/stories?sort=size`)).json()) as {
        stories: { articleCount: number }[];
      };
      return body.stories.map((s) => s.articleCount).join() === '2,2';
    });
    const [feedRecord] = ((await (await fetch(`${base}/api/feeds`)).json()) as { feeds: Record<string, unknown>[] })
      .feeds;
    expect(feedRecord).toMatchObject({ status: 'ok', articles: 4 });
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(stderr).toMatch(/watching the library's feeds/);
  expect(stderr).toMatch(/4 new articles/);
});
