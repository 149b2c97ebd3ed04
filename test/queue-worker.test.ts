/**
 * The stream pipeline on the job queue, in this process against a real PostgreSQL: articles and feeds in, stories
 * with their reports out, with several workers at once, equal to what one process makes of the same input on SQLite;
 * requests to one host spaced across workers; retries with back-off, dead jobs kept and listed, bad jobs rejected,
 * and the jobs in hand released on stop.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobHandler } from '../src/engine/queue/job-handler.js';
import { JobQueue } from '../src/engine/queue/job-queue.js';
import { jsonLog, silentLog } from '../src/engine/queue/json-log.js';
import { openQueueLibrary } from '../src/engine/queue/open-queue-library.js';
import { runQueueWorker, type QueueWorkerOptions } from '../src/engine/queue/queue-worker.js';
import { runWorker } from '../src/engine/queue/run-worker.js';
import { openSqliteLibrary } from '../src/engine/storage/open-sqlite-library.js';
import { addSources } from '../src/engine/stream/add-sources.js';
import { StreamWatcher } from '../src/engine/stream/stream-watcher.js';
import { AnalysisPool } from '../src/engine/workers/analysis-pool.js';
import { runCliInProcess } from './helpers/cli-in-process.js';
import { FictionSite } from './helpers/fiction-site.js';
import { describePostgres } from './helpers/postgres.js';
import { expectComplete, storyGroups, storyRows } from './helpers/queue-checks.js';
import { fictionalStream, jsonLines } from './helpers/queue-fiction.js';
import { itemsOf, localStreamOptions, publish, serveFeed } from './helpers/stream-world.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-queue-'));
const site = new FictionSite();
beforeAll(() => site.start());
afterAll(async () => {
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
});

const FAST_RETRIES = {
  'story-assign': { retryLimit: 2, retryDelaySeconds: 1 },
  'story-analyze': { retryLimit: 2, retryDelaySeconds: 1 },
};

/** A worker in this process that stops once the queue is done, its reports analyzed at once. */
function work(url: string, over: Partial<QueueWorkerOptions> = {}) {
  return runQueueWorker({
    url,
    log: silentLog,
    exitWhenIdle: true,
    analyzeDelaySeconds: 0,
    pollIntervalMs: 100,
    pool: { workers: 1 },
    ...over,
  });
}

describePostgres('the stream pipeline on the job queue', (server) => {
  it('makes of a JSON Lines file, with two workers at once, the stories one process makes on SQLite', async () => {
    const stream = fictionalStream(5, 3, 23);
    const file = join(dir, 'stream.jsonl');
    writeFileSync(file, jsonLines(stream));
    const sqlite = join(dir, 'alone.db');
    expect((await runCliInProcess(['ingest', file, '--db', sqlite, '--workers', '1'], { cwd: dir })).code).toBe(0);
    const alone = openSqliteLibrary({ path: sqlite });
    const expected = await storyRows(alone.stream);
    await alone.close();
    expect(expected).toHaveLength(5);

    const url = await server().createDatabase();
    const ingest = await runCliInProcess(['ingest', file, '--db', url], { cwd: dir });
    expect(ingest.code).toBe(0);
    expect(ingest.stderr).toContain('15 articles queued');
    const lines: string[] = [];
    const log = jsonLog((line) => lines.push(line));
    const summaries = await Promise.all([work(url, { log, concurrency: 2 }), work(url, { log, concurrency: 2 })]);
    expect(summaries.every((s) => s.failed === 0 && s.rejected === 0)).toBe(true);

    const lib = await openQueueLibrary({ url });
    try {
      expect(await storyRows(lib.stream)).toEqual(expected);
      await expectComplete(
        lib,
        stream.map((a) => a.doc.id),
      );
      const first = expected[0]![0];
      const report = JSON.parse((await lib.stories.getStoryReport(first))!.reportJson);
      expect(report.articles).toHaveLength(3);
      expect((await lib.stories.search(stream[0]!.doc.title!.split(' ')[0]!, 5)).length).toBeGreaterThan(0);
      const stats = await lib.queue.stats();
      const reads = stats.queues.find((q) => q.name === 'article-read')!;
      expect(reads).toMatchObject({ waiting: 0, running: 0, failed: 0, dead: 0 });
      expect(reads.completedLast15Minutes).toBeGreaterThanOrEqual(15);
      const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(
        events.every((e) => typeof e.time === 'string' && typeof e.level === 'string' && typeof e.msg === 'string'),
      ).toBe(true);
      const turns = events.filter((e) => e.msg === 'job done' && e.queue === 'story-assign');
      expect(turns.reduce((n, e) => n + ((e.new as number | undefined) ?? 0), 0)).toBe(15);
      expect(events.filter((e) => e.msg === 'worker stopped' && e.reason === 'idle')).toHaveLength(2);

      // The same file again stores nothing twice and changes no story.
      const again = await runCliInProcess(['ingest', file, '--db', url], { cwd: dir });
      expect(again.stderr).toContain('0 articles queued');
      await work(url);
      expect(await storyRows(lib.stream)).toEqual(expected);
    } finally {
      await lib.close();
    }
  });

  it('polls feeds and fetches their pages through the queue into the stories the watcher makes', async () => {
    const pages = publish(site, [0, 1, 2], [0, 1, 2], { prefix: '/q' });
    const feed = serveFeed(site, '/q/feed.xml', itemsOf(pages), { etag: '"q1"' });
    const options = localStreamOptions({ reportMinArticles: 2 });
    const alone = openSqliteLibrary({ path: join(dir, 'watcher.db') });
    const pool = new AnalysisPool({ workers: 1 });
    const watcher = await StreamWatcher.open({ repo: alone.stream, pool, options });
    await addSources([feed], { repo: alone.stream, cwd: dir, now: Date.now() });
    await watcher.runOnce();
    await watcher.close();
    await pool.close();
    const expected = await storyGroups(alone.stream);
    await alone.close();
    expect(expected).toHaveLength(3);

    const url = await server().createDatabase();
    const lib = await openQueueLibrary({ url });
    try {
      await addSources([feed], { repo: lib.stream, cwd: dir, now: Date.now() });
      await Promise.all([work(url, { stream: options }), work(url, { stream: options, concurrency: 2 })]);
      expect(await storyGroups(lib.stream)).toEqual(expected);
      await expectComplete(lib, expected.flat(), { ignoreFuturePolls: true });
      const [record] = await lib.stream.listFeeds();
      expect(record).toMatchObject({ articles: 9, queued: 0, failedArticles: 0 });
      // The next poll is on the queue for its time.
      expect(await lib.queue.unfinished(['feed-poll'])).toBe(1);
    } finally {
      await lib.close();
    }
  });

  it('spaces the requests to one host across every worker', async () => {
    const pages = publish(site, [3, 4], [0, 1, 2], { prefix: '/slow' });
    const feed = serveFeed(site, '/slow/feed.xml', itemsOf(pages));
    const options = localStreamOptions({ hostLimits: { delayMs: 250, concurrency: 4 }, respectRobots: false });
    const url = await server().createDatabase();
    const lib = await openQueueLibrary({ url });
    try {
      await addSources([feed], { repo: lib.stream, cwd: dir, now: Date.now() });
      const from = site.requests.length;
      await Promise.all([
        work(url, { stream: options, concurrency: 3 }),
        work(url, { stream: options, concurrency: 3 }),
      ]);
      const times = site.requests
        .slice(from)
        .filter((r) => r.path.startsWith('/slow/'))
        .map((r) => r.at)
        .sort((a, b) => a - b);
      expect(times).toHaveLength(1 + pages.length);
      // Slots are 250 ms apart and no request leaves before its slot, so the i-th request comes at least i slots after
      // the first. A request may leave late on a loaded machine (its gap to the next one then shrinks, which is not a
      // breach), so gaps between neighbours are not compared; two workers sharing no slots would send at once and fail.
      times.forEach((t, i) => expect(t - times[0]!).toBeGreaterThanOrEqual(0.9 * 250 * i));
      expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(0.95 * 250 * (times.length - 1));
    } finally {
      await lib.close();
    }
  });

  it('retries a failing job with growing delays, and keeps a job out of attempts in its dead-letter queue', async () => {
    const url = await server().createDatabase();
    const queue = await JobQueue.open({ url, specs: FAST_RETRIES });
    const attempts = new Map<string, number[]>();
    const flaky: JobHandler<'story-analyze'> = {
      async run(jobs) {
        return jobs.map((job) => {
          const times = [...(attempts.get(job.data.storyId) ?? []), Date.now()];
          attempts.set(job.data.storyId, times);
          const ok = job.data.storyId === 'recovers' && times.length === 3;
          return ok ? { ok: true } : { ok: false, error: new Error(`not yet (${times.length})`), permanent: false };
        });
      },
    };
    await queue.send('story-analyze', { storyId: 'recovers' });
    await queue.send('story-analyze', { storyId: 'hopeless' });
    const summary = await runWorker({
      queue,
      handlers: { 'story-analyze': flaky },
      exitWhenIdle: true,
      pollIntervalMs: 100,
      log: silentLog,
    });
    expect(summary).toMatchObject({ completed: 1, failed: 5 });
    const gaps = (id: string) =>
      attempts
        .get(id)!
        .slice(1)
        .map((t, i) => t - attempts.get(id)![i]!);
    // Back-off: the delay of attempt n is drawn from [d·2^n/2, d·2^n], d = 1 s.
    expect(gaps('recovers')[0]).toBeGreaterThanOrEqual(900);
    expect(gaps('hopeless')[1]).toBeGreaterThanOrEqual(1900);
    const stats = await queue.stats();
    expect(stats.queues.find((q) => q.name === 'story-analyze')).toMatchObject({ failed: 1, dead: 1, waiting: 0 });
    expect(stats.dead).toMatchObject([{ queue: 'story-analyze', subject: 'hopeless', error: 'not yet (3)' }]);
    await queue.close();
  });

  it('settles a placement turn that failed while another waited to retry as folded, not dead; a real death stays', async () => {
    const url = await server().createDatabase();
    const queue = await JobQueue.open({ url, specs: { 'story-assign': { retryLimit: 1, retryDelaySeconds: 1 } } });
    const failOne = async () => {
      const [job] = await queue.fetch('story-assign', 1);
      expect(job).toBeDefined();
      await queue.fail('story-assign', [job!.id], new Error('the database went away'));
    };
    await queue.send('story-assign', {});
    await failOne(); // waits to retry
    await queue.send('story-assign', {});
    await failOne(); // cannot retry while the first waits to: pg-boss marks it failed and copies it to the dead
    expect((await queue.stats()).queues.find((q) => q.name === 'story-assign')).toMatchObject({ failed: 1, dead: 1 });
    expect(await queue.settleFolded()).toBe(1);
    expect((await queue.stats()).queues.find((q) => q.name === 'story-assign')).toMatchObject({
      failed: 0,
      dead: 0,
      retrying: 1,
    });
    await new Promise((done) => setTimeout(done, 2100));
    await failOne(); // the first one, out of attempts: dead for real
    expect(await queue.settleFolded()).toBe(0);
    const stats = await queue.stats();
    expect(stats.queues.find((q) => q.name === 'story-assign')).toMatchObject({ failed: 1, dead: 1, retrying: 0 });
    expect(stats.dead).toMatchObject([{ queue: 'story-assign', error: 'the database went away' }]);
    await queue.close();
  });

  it('rejects a job that names no work for good (no retry) and lists it among the dead with the reason', async () => {
    const url = await server().createDatabase();
    const lib = await openQueueLibrary({ url });
    await lib.queue.send('article-read', { queuePk: 'seven' } as never);
    await lib.queue.send('feed-poll', { nonsense: true } as never);
    await lib.queue.send('story-analyze', { storyId: 42 } as never);
    await lib.queue.send('article-read', { queuePk: 404 });
    const summary = await work(url);
    expect(summary).toMatchObject({ completed: 1, rejected: 3, failed: 0 });
    const dead = (await lib.queue.stats()).dead.map((d) => [d.queue, d.error]).sort();
    expect(dead).toEqual([
      ['article-read', 'the job names no queued article (queuePk)'],
      ['feed-poll', 'the job names no feed (feedId)'],
      ['story-analyze', 'the job names no story (storyId)'],
    ]);
    await lib.close();
  });

  it('on a stop request lets the job in hand finish within the grace period, and releases it after', async () => {
    const url = await server().createDatabase();
    const queue = await JobQueue.open({ url, specs: FAST_RETRIES });
    const slow = (ms: number): JobHandler<'story-analyze'> => ({
      run: async (jobs, signal) => {
        await new Promise((done) => {
          const timer = setTimeout(done, ms);
          signal.addEventListener('abort', () => (clearTimeout(timer), done(undefined)), { once: true });
        });
        return jobs.map(() => ({ ok: true }));
      },
    });
    const runFor = async (handlerMs: number, graceMs: number) => {
      const id = await queue.send('story-analyze', { storyId: `slow-${handlerMs}` });
      const stop = new AbortController();
      const running = runWorker({
        queue,
        handlers: { 'story-analyze': slow(handlerMs) },
        graceMs,
        signal: stop.signal,
        log: silentLog,
        pollIntervalMs: 50,
      });
      await new Promise((done) => setTimeout(done, 400));
      stop.abort();
      return { summary: await running, id: id! };
    };
    const finished = await runFor(800, 5_000);
    expect(finished.summary).toMatchObject({ completed: 1, released: 0 });
    const released = await runFor(5_000, 300);
    expect(released.summary).toMatchObject({ completed: 0, released: 1 });
    // Back in the queue, waiting for its next attempt: another worker will do it.
    expect((await queue.stats()).queues.find((q) => q.name === 'story-analyze')).toMatchObject({
      retrying: 1,
      running: 0,
    });
    await queue.close();
  });
});
