/**
 * `parallax worker` and `parallax serve` on PostgreSQL as users run them: the real executable in child processes.
 * A worker killed with SIGKILL in the middle of a job loses nothing: another worker finishes the work, every article
 * is placed once and every story holds exactly its articles.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../src/engine/queue/job-queue.js';
import { openQueueLibrary } from '../src/engine/queue/open-queue-library.js';
import { runCliInProcess } from './helpers/cli-in-process.js';
import { describePostgres } from './helpers/postgres.js';
import { expectComplete, storyGroups } from './helpers/queue-checks.js';
import { fictionalStream, jsonLines, type FictionalArticle } from './helpers/queue-fiction.js';
import { rawRequest } from './helpers/raw-http.js';
import { spawnCli } from './helpers/spawned-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-queue-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Puts the stream on the queue of the database with `parallax ingest`, the jobs' lease set first when given. */
async function enqueue(url: string, stream: readonly FictionalArticle[], name: string, lease?: number): Promise<void> {
  if (lease) await (await JobQueue.open({ url, jobTimeoutSeconds: lease })).close();
  const path = join(dir, name);
  writeFileSync(path, jsonLines(stream));
  const run = await runCliInProcess(['ingest', path, '--db', url], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
}

/**
 * Checks the end state: every article stored once, each fictional story one story, every story reported and in the
 * library with exactly its articles, no job left unfinished, failed or dead.
 */
async function expectAllDone(url: string, stream: readonly FictionalArticle[]): Promise<void> {
  const lib = await openQueueLibrary({ url });
  try {
    await expectComplete(
      lib,
      stream.map((a) => a.doc.id),
    );
    const truth = new Map<number, string[]>();
    for (const a of stream) truth.set(a.story, [...(truth.get(a.story) ?? []), a.doc.id]);
    const groups = [...truth.values()].map((ids) => ids.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(await storyGroups(lib.stream)).toEqual(groups);
  } finally {
    await lib.close();
  }
}

describe('parallax worker refusals', () => {
  it('needs a PostgreSQL --db and known queue names (exit 2, nothing opened)', async () => {
    for (const args of [[], ['--db', join(dir, 'library.db')], ['--db', 'postgres://h/db', '--queues', 'nope']]) {
      const run = await runCliInProcess(['worker', ...args], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--db|--queues/);
    }
  });

  it('says in one line that the database cannot be reached, without the password', async () => {
    const run = await runCliInProcess(['worker', '--db', 'postgres://me:hunter2@127.0.0.1:1/news'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^parallax: the worker could not run on postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/news: /m);
    expect(run.stderr).not.toContain('hunter2');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describePostgres('the worker and the server on PostgreSQL', (server) => {
  it('serves the library and the queue view from PostgreSQL, health says how the queue is, and serve and watch enqueue', async () => {
    const url = await server().createDatabase();
    await enqueue(url, fictionalStream(2, 2), 'serve.jsonl');
    const serve = spawnCli(['serve', '--port', '0', '--db', url], { cwd: dir });
    try {
      const [, base] = await serve.waitFor(/listening on (http:\/\/\S+?)\/? /);
      const health = await rawRequest(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.text)).toMatchObject({
        ok: true,
        queue: { waiting: 4, running: 0, retrying: 0, failed: 0, dead: 0 },
      });
      const view = JSON.parse((await rawRequest(`${base}/api/queue`)).text);
      expect(view.queues.map((q: { name: string }) => q.name)).toEqual([
        'feed-poll',
        'article-read',
        'story-assign',
        'story-analyze',
      ]);
      const openapi = JSON.parse((await rawRequest(`${base}/api/openapi.json`)).text);
      expect(Object.keys(openapi.paths)).toContain('/api/queue');
      expect(serve.stderr).toContain('story library postgres://');
      // A feed added through the API is not polled by the server: its poll goes on the queue for the workers.
      const added = await rawRequest(`${base}/api/feeds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'https://feeds.example/news.xml' }),
      });
      expect(added.status).toBeLessThan(300);
      const after = JSON.parse((await rawRequest(`${base}/api/queue`)).text);
      expect(after.queues.find((q: { name: string }) => q.name === 'feed-poll')).toMatchObject({ waiting: 1 });
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
    } finally {
      serve.cleanup();
    }
    // watch on PostgreSQL schedules and shows the queue until stopped; the workers do the polling.
    const watch = spawnCli(['watch', '--db', url], { cwd: dir });
    try {
      await watch.waitFor(/jobs waiting\/running: feed-poll 1\/0, article-read 4\/0/);
      watch.child.kill('SIGTERM');
      expect(await watch.exited).toBe(0);
      expect(watch.stderr).toContain('parallax: stopped');
    } finally {
      watch.cleanup();
    }
  });

  it('stops on SIGTERM with exit code 0 and a last log line', async () => {
    const url = await server().createDatabase();
    const worker = spawnCli(['worker', '--db', url, '--workers', '1'], { cwd: dir });
    try {
      await worker.waitFor(/"msg":"worker started"/);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      const last = JSON.parse(worker.stderr.trim().split('\n').at(-1)!);
      expect(last).toMatchObject({ level: 'info', msg: 'worker stopped', reason: 'stopped' });
    } finally {
      worker.cleanup();
    }
  });

  it(
    'loses nothing when a worker is killed (SIGKILL) in the middle of a job: another one finishes the work',
    { timeout: 180_000 },
    async () => {
      const url = await server().createDatabase();
      const stream = fictionalStream(8, 4, 31);
      await enqueue(url, stream, 'crash.jsonl', 5);
      const common = ['--db', url, '--lease', '5', '--analyze-delay', '0', '--workers', '1'];
      const first = spawnCli(['worker', ...common, '--concurrency', '2'], { cwd: dir });
      try {
        await first.waitFor(/"msg":"jobs taken"[^\n]*"queue":"story-analyze"/);
        first.child.kill('SIGKILL');
        expect(await first.exited).toBeNull();
      } finally {
        first.cleanup();
      }
      const second = spawnCli(['worker', ...common, '--exit-when-idle'], { cwd: dir });
      try {
        const code = await second.exited;
        if (code !== 0) console.error(second.stderr);
        expect(code).toBe(0);
      } finally {
        second.cleanup();
      }
      await expectAllDone(url, stream);
      // The command-line contract for scripts: every story with its article ids.
      const listed = await runCliInProcess(['stories', '--db', url, '--format', 'json'], { cwd: dir });
      expect(listed.code).toBe(0);
      const stories = JSON.parse(listed.stdout) as { articleIds: string[]; hasReport: boolean }[];
      expect(stories.map((s) => s.articleIds.length)).toEqual(Array<number>(8).fill(4));
      expect(stories.flatMap((s) => s.articleIds).sort()).toEqual(stream.map((a) => a.doc.id).sort());
      expect(stories.every((s) => s.hasReport)).toBe(true);
      // The job the killed worker held was taken again once its lease ran out.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT max(retry_count) AS n FROM pgboss.job WHERE name = 'story-analyze'`);
      await client.end();
      expect(rows[0].n).toBeGreaterThanOrEqual(1);
    },
  );

  it(
    'keeps going when PostgreSQL restarts in the middle of a run, and finishes the work',
    { timeout: 180_000 },
    async () => {
      const url = await server().createDatabase();
      const stream = fictionalStream(10, 4, 41);
      await enqueue(url, stream, 'restart.jsonl', 5);
      const args = [
        'worker',
        '--db',
        url,
        '--lease',
        '5',
        '--analyze-delay',
        '0',
        '--workers',
        '1',
        '--exit-when-idle',
      ];
      const worker = spawnCli([...args, '--concurrency', '2'], { cwd: dir });
      try {
        await worker.waitFor(/"msg":"jobs taken"[^\n]*"queue":"story-analyze"/);
        await server().restart();
        const code = await worker.exited;
        if (code !== 0) console.error(worker.stderr);
        expect(code).toBe(0);
      } finally {
        worker.cleanup();
      }
      expect(worker.stderr).toMatch(/"level":"error"/);
      await expectAllDone(url, stream);
    },
  );
});
