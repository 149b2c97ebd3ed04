/**
 * The pipeline on the queue, in this process against a real PostgreSQL: articles in, stories with their reports out,
 * with several workers at once; retries with back-off, dead jobs kept and listed, release of the jobs in hand on stop.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listAssignedStories } from '../src/engine/storage/pg-cluster-store.js';
import { enqueueArticleFile } from '../src/engine/queue/enqueue-articles.js';
import { openQueueDatabase } from '../src/engine/queue/open-queue-database.js';
import { receiveArticles } from '../src/engine/queue/receive-articles.js';
import type { JobHandler } from '../src/engine/queue/job-handler.js';
import { JobQueue } from '../src/engine/queue/job-queue.js';
import { jsonLog, silentLog } from '../src/engine/queue/json-log.js';
import { runQueueWorker } from '../src/engine/queue/queue-worker.js';
import { runWorker } from '../src/engine/queue/run-worker.js';
import { describePostgres } from './helpers/postgres.js';
import { fictionalStream } from './helpers/queue-fiction.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-queue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the articles as a JSON Lines file and returns its path. */
function jsonl(name: string, docs: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return path;
}

const FAST_RETRIES = {
  'story-assign': { retryLimit: 2, retryDelaySeconds: 1 },
  'story-analyze': { retryLimit: 2, retryDelaySeconds: 1 },
};

describePostgres('the pipeline on the queue', (server) => {
  it('turns a file of articles into stories with reports, two workers at once, each article stored once', async () => {
    const url = await server().createDatabase();
    const stream = fictionalStream(5, 3, 23);
    const { queue, repo, close } = await openQueueDatabase({ url });
    const intake = { queue, pool: repo.pool };
    const docs = stream.map((a) => a.doc);
    const sent = await enqueueArticleFile(jsonl('stream.jsonl', docs), { ...intake, batchSize: 4 });
    expect(sent).toEqual({ read: 15, enqueued: 15, failures: [] });
    const lines: string[] = [];
    const log = jsonLog((line) => lines.push(line));
    const run = () =>
      runQueueWorker({ url, log, concurrency: 2, exitWhenIdle: true, analyzeDelaySeconds: 0, pool: { workers: 1 } });
    const summaries = await Promise.all([run(), run()]);
    expect(summaries.reduce((n, s) => n + s.completed, 0)).toBeGreaterThanOrEqual(1 + 5);
    expect(summaries.every((s) => s.failed === 0 && s.rejected === 0)).toBe(true);

    const assigned = await listAssignedStories(repo.pool);
    const truth = new Map(stream.map((a) => [a.doc.id, a.story]));
    expect(assigned).toHaveLength(5);
    for (const story of assigned) {
      expect(new Set(story.articleIds.map((id) => truth.get(id))).size).toBe(1);
      const sources = await repo.getSources(story.storyId);
      expect(sources?.articles.map((a) => a.id).sort()).toEqual([...story.articleIds].sort());
      const report = JSON.parse((await repo.getStoryReport(story.storyId))!.reportJson);
      expect(report.articles).toHaveLength(3);
    }
    expect((await repo.listStories({ limit: 50, offset: 0 })).total).toBe(5);
    expect((await repo.search(stream[0]!.doc.title!.split(' ')[0]!, 5)).length).toBeGreaterThan(0);

    const stats = await queue.stats();
    const assign = stats.queues.find((q) => q.name === 'story-assign')!;
    expect(assign).toMatchObject({ waiting: 0, running: 0, failed: 0, dead: 0 });
    expect(assign.completedLastMinute).toBeGreaterThanOrEqual(1);
    expect(stats.queues.find((q) => q.name === 'story-analyze')!.completedLast15Minutes).toBeGreaterThanOrEqual(5);
    expect(stats.dead).toEqual([]);
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(
      events.every((e) => typeof e.time === 'string' && typeof e.level === 'string' && typeof e.msg === 'string'),
    ).toBe(true);
    const turns = events.filter((e) => e.msg === 'job done' && e.queue === 'story-assign');
    expect(turns.reduce((n, e) => n + (e.placed as number), 0)).toBe(15);
    expect(events.filter((e) => e.msg === 'worker stopped' && e.reason === 'idle')).toHaveLength(2);

    // Sending the same file again places nothing twice and changes no story.
    const again = await enqueueArticleFile(jsonl('again.jsonl', docs), intake);
    expect(again).toEqual({ read: 15, enqueued: 0, failures: [] });
    await runQueueWorker({ url, log: silentLog, exitWhenIdle: true, analyzeDelaySeconds: 0, pool: { workers: 1 } });
    expect(await listAssignedStories(repo.pool)).toEqual(assigned);
    await close();
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

  it('rejects a bad article or job for good (no retry) and lists it among the dead with the reason', async () => {
    const url = await server().createDatabase();
    const { queue, repo, close } = await openQueueDatabase({ url });
    const [good] = fictionalStream(1, 1).map((a) => a.doc);
    await receiveArticles({ queue, pool: repo.pool, partition: 'main' }, [{ id: 'blank', text: '   ' }, good!]);
    await queue.send('story-assign', { partition: 'Not A Key' });
    await queue.send('story-assign', { nonsense: true } as never);
    const summary = await runQueueWorker({ url, log: silentLog, exitWhenIdle: true, queues: ['story-assign'] });
    expect(summary).toMatchObject({ completed: 1, rejected: 2, failed: 0 });
    const stats = await queue.stats();
    expect(
      stats.dead.map((d) => [d.subject, d.error]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    ).toEqual([
      ['blank', 'article blank: the text is empty'],
      [null, 'the partition "Not A Key" is not lower-case letters, digits and _'],
      [null, 'the partition undefined is not lower-case letters, digits and _'],
    ]);
    expect((await listAssignedStories(repo.pool)).flatMap((s) => s.articleIds)).toEqual([good!.id]);
    await close();
  });

  it('on a stop request lets the job in hand finish within the grace period, and releases it after', async () => {
    const url = await server().createDatabase();
    const queue = await JobQueue.open({ url, specs: FAST_RETRIES });
    const slow = (ms: number): JobHandler<'story-analyze'> => ({
      run: async (jobs) => {
        await new Promise((done) => setTimeout(done, ms));
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
