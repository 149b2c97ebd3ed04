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
import { enqueueArticleFile } from '../src/engine/queue/enqueue-articles.js';
import { JobQueue } from '../src/engine/queue/job-queue.js';
import { openQueueDatabase } from '../src/engine/queue/open-queue-database.js';
import { listAssignedStories } from '../src/engine/storage/pg-cluster-store.js';
import { openPgStoryRepository } from '../src/engine/storage/pg-story-repository.js';
import { runCliInProcess } from './helpers/cli-in-process.js';
import { describePostgres } from './helpers/postgres.js';
import { fictionalStream, type FictionalArticle } from './helpers/queue-fiction.js';
import { rawRequest } from './helpers/raw-http.js';
import { spawnCli } from './helpers/spawned-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-queue-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Puts the stream on the queue of the database. */
async function enqueue(url: string, stream: readonly FictionalArticle[], name: string, lease?: number): Promise<void> {
  const path = join(dir, name);
  writeFileSync(path, stream.map((a) => JSON.stringify(a.doc)).join('\n'));
  const db = await openQueueDatabase({ url, ...(lease ? { jobTimeoutSeconds: lease } : {}) });
  await enqueueArticleFile(path, { queue: db.queue, pool: db.repo.pool });
  await db.close();
}

/**
 * Checks the end state: every article placed once, each fictional story one story, each story in the library with
 * exactly its articles, no job left unfinished or dead.
 */
async function expectComplete(url: string, stream: readonly FictionalArticle[]): Promise<void> {
  const repo = await openPgStoryRepository({ url });
  try {
    const stories = await listAssignedStories(repo.pool);
    const placed = stories.flatMap((s) => s.articleIds);
    expect(placed.sort()).toEqual(stream.map((a) => a.doc.id).sort());
    const truth = new Map(stream.map((a) => [a.doc.id, a.story]));
    expect(stories).toHaveLength(new Set(truth.values()).size);
    for (const story of stories) {
      expect(new Set(story.articleIds.map((id) => truth.get(id))).size).toBe(1);
      const sources = await repo.getSources(story.storyId);
      expect(sources?.articles.map((a) => a.id).sort()).toEqual([...story.articleIds].sort());
    }
    expect((await repo.listStories({ limit: 100, offset: 0 })).total).toBe(stories.length);
    const queue = await JobQueue.open({ url });
    expect(await queue.unfinished(['story-assign', 'story-analyze'])).toBe(0);
    expect((await queue.stats()).dead).toEqual([]);
    await queue.close();
  } finally {
    await repo.close();
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
  it('serves the library and the queue view from PostgreSQL, and health says how the queue is', async () => {
    const url = await server().createDatabase();
    await enqueue(url, fictionalStream(2, 2), 'serve.jsonl');
    const serve = spawnCli(['serve', '--port', '0', '--db', url], { cwd: dir });
    try {
      const [, base] = await serve.waitFor(/listening on (http:\/\/\S+?)\/? /);
      const health = await rawRequest(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.text)).toMatchObject({
        ok: true,
        queue: { waiting: 1, running: 0, retrying: 0, failed: 0, dead: 0 },
      });
      const view = JSON.parse((await rawRequest(`${base}/api/queue`)).text);
      expect(view.queues.map((q: { name: string }) => q.name)).toEqual(['story-assign', 'story-analyze']);
      const openapi = JSON.parse((await rawRequest(`${base}/api/openapi.json`)).text);
      expect(Object.keys(openapi.paths)).toContain('/api/queue');
      expect(serve.stderr).toContain('story library postgres://');
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toBe(0);
    } finally {
      serve.cleanup();
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
      await enqueue(url, stream, 'crash.jsonl', 2);
      const common = ['--db', url, '--lease', '2', '--analyze-delay', '0', '--workers', '1'];
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
      await expectComplete(url, stream);
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
      await enqueue(url, stream, 'restart.jsonl', 3);
      const args = [
        'worker',
        '--db',
        url,
        '--lease',
        '3',
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
      await expectComplete(url, stream);
    },
  );
});
