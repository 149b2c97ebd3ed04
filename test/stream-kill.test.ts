/**
 * `parallax watch` killed with SIGKILL in the middle of a poll (articles being fetched and stored), then started
 * again: it takes over the dead watcher's lease, resumes, and in the end every article of the feed is stored exactly
 * once, in stream order, with the clusterer's replay agreeing with every stored decision. Then SIGTERM stops it
 * cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSqliteLibrary } from '../src/engine/storage/open-sqlite-library.js';
import { resolveStreamOptions } from '../src/engine/stream/stream-options.js';
import { StreamState } from '../src/engine/stream/stream-state.js';
import { FictionSite } from './helpers/fiction-site.js';
import { itemsOf, publish, serveFeed } from './helpers/stream-world.js';
import { REPO_ROOT } from './helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-kill-'));
const dbPath = join(dir, 'library.db');
const site = new FictionSite();
const children: ChildProcess[] = [];

beforeAll(async () => {
  await site.start();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `parallax watch FEED` as its own process; its stderr is collected. */
function watch(feed: string): { child: ChildProcess; stderr: () => string; exited: Promise<number | string> } {
  const args = [
    '--import',
    'tsx',
    join(REPO_ROOT, 'src', 'cli', 'main.ts'),
    'watch',
    feed,
    '--db',
    dbPath,
    '--allow-private-urls',
    '--host-delay',
    '0',
    '--host-concurrency',
    '2',
    '--workers',
    '1',
    '--report-min-articles',
    '1000',
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string>((done) => child.on('exit', (code, signal) => done(signal ?? code ?? -1)));
  return { child, stderr: () => stderr, exited };
}

/** Counts rows while another process writes (a read-only connection; WAL lets readers in). */
function count(sql: string): number {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(sql).get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('loses nothing and stores nothing twice when killed in the middle of a poll', async () => {
  const pages = publish(site, [0, 1, 2, 3, 4], [0, 1, 2, 3], { prefix: '/k' });
  // Each page takes a while, so that the kill lands while articles are being fetched and stored.
  for (const p of pages) site.set(p.path, { ...site.routes.get(p.path)!, delayMs: 120 });
  const feed = serveFeed(site, '/k/feed.xml', itemsOf(pages));

  const first = watch(feed);
  await until('some articles stored', () => count('SELECT COUNT(*) AS n FROM stream_articles') >= 4);
  first.child.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');
  const storedAtKill = count('SELECT COUNT(*) AS n FROM stream_articles');
  expect(storedAtKill).toBeLessThan(pages.length);

  const second = watch(feed);
  await until(
    'every article stored',
    () =>
      count('SELECT COUNT(*) AS n FROM stream_articles') === pages.length &&
      count('SELECT COUNT(*) AS n FROM stream_queue') === 0,
  );
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  expect(second.stderr()).toMatch(new RegExp(`resumed after article ${storedAtKill}`));
  expect(second.stderr()).toMatch(/stopped/);

  // Every article once, each with one version, in an unbroken stream order; no page was stored twice.
  expect(count('SELECT COUNT(*) AS n FROM stream_versions')).toBe(pages.length);
  expect(count('SELECT COUNT(DISTINCT url_key) AS n FROM stream_articles')).toBe(pages.length);
  expect(count('SELECT MAX(seq) - MIN(seq) + 1 AS n FROM stream_articles')).toBe(pages.length);
  expect(
    count(
      `SELECT COUNT(*) AS n FROM stream_stories s WHERE s.merged_into IS NULL
       AND s.article_count <> (SELECT COUNT(*) FROM stream_articles a WHERE a.story_id = s.id)`,
    ),
  ).toBe(0);
  // Pages in flight at the kill were fetched again; none more than twice.
  expect(Math.max(...pages.map((p) => site.hitsOf(p.path)))).toBeLessThanOrEqual(2);
  // The clusterer rebuilt from the checkpoint and the stored stream agrees with every stored decision.
  const library = openSqliteLibrary({ path: dbPath });
  const state = await StreamState.load(library.stream, resolveStreamOptions(), Date.now());
  expect(state.lastLoad).toMatchObject({ lastSeq: pages.length, mismatches: 0 });
  expect((await library.stream.listAllStories()).map((s) => s.articleIds.length).sort()).toEqual([4, 4, 4, 4, 4]);
  await library.close();
});
