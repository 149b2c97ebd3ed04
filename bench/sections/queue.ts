// Ingest throughput through the job queue on PostgreSQL, next to the same work in one process on SQLite. The first N
// articles of the AllSides 2021 stream (real snippets, in time order; N = PARALLAX_BENCH_QUEUE_ARTICLES, default 400)
// are put on the queue, then placed into stories and every changed story analyzed by 1, 2 and 4 `parallax worker`
// processes (1 analysis thread and 2 jobs in hand each, --analyze-delay 1), on a PostgreSQL server started for the
// benchmark (Debian's binaries, as in the tests). The workers are started and warmed up first (60 other articles, so
// that every analysis thread has loaded its models); articles/s is wall clock
// from the first article sent (100 a transaction, as they would come from feeds) to the queue empty, every story
// analyzed. The single-process figure clusters the same articles, then analyzes each final story once and stores it
// in SQLite, with one analysis thread. Also: placement cost per article, and the mean time of one analysis job.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLUSTERING_DIR, readAllSidesStream, type LabelledArticle } from '../../scripts/lib/clustering-data.js';
import { hasPostgres, startPostgres } from '../../scripts/lib/postgres-server.js';
import { REPO_ROOT } from '../../test/helpers/shared.js';
import { createClusterer } from '../../src/core/cluster/index.js';
import type { RawArticle } from '../../src/core/model.js';
import { openQueueDatabase } from '../../src/engine/queue/open-queue-database.js';
import { receiveArticles } from '../../src/engine/queue/receive-articles.js';
import { openSqliteStoryRepository } from '../../src/engine/storage/sqlite-story-repository.js';
import { fingerprintArticles } from '../../src/engine/stories.js';
import { AnalysisPool } from '../../src/engine/workers/analysis-pool.js';

const BIN = join(REPO_ROOT, 'bin', 'parallax.js');
const WORKER_COUNTS = [1, 2, 4];

/** An article of the stream as the analysis reads it. */
function rawOf(a: LabelledArticle): RawArticle {
  const meta = {
    ...(a.title ? { title: a.title } : {}),
    ...(a.outlet ? { outlet: a.outlet } : {}),
    ...(a.date ? { publishedAt: a.date } : {}),
  };
  return { id: a.id, source: a.id, format: 'text', content: a.text, meta };
}

/** One process, SQLite: cluster, then analyze and store each final story once. Wall milliseconds and stories. */
async function singleProcess(articles: readonly LabelledArticle[]): Promise<{ ms: number; stories: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-sqlite-'));
  const repo = openSqliteStoryRepository({ path: join(dir, 'library.db') });
  const pool = new AnalysisPool({ workers: 1 });
  try {
    const started = performance.now();
    const clusterer = createClusterer();
    const placed = articles.map((a) => ({ article: a, story: clusterer.add(a).storyId }));
    const stories = new Map<string, LabelledArticle[]>();
    for (const { article, story } of placed) {
      const id = clusterer.resolve(story);
      stories.set(id, [...(stories.get(id) ?? []), article]);
    }
    for (const [id, members] of stories) {
      const raws = members.map(rawOf);
      const report = await pool.analyzeStory(raws, { storyId: id });
      const at = new Date().toISOString();
      await repo.createStory({
        id,
        title: report.story.title || 'Untitled',
        fingerprint: fingerprintArticles(raws),
        createdAt: at,
        referenceDate: null,
        articles: raws,
        analysis: { report, generatedAt: at },
      });
    }
    return { ms: performance.now() - started, stories: stories.size };
  } finally {
    await pool.close();
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Worker processes, started and ready (each has said "worker started"); `stop` ends them with SIGTERM. */
async function startWorkers(url: string, count: number): Promise<{ stop: () => Promise<void> }> {
  const args = ['worker', '--db', url, '--workers', '1', '--concurrency', '2', '--analyze-delay', '1'];
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  const exits = children.map((child) => new Promise<void>((done) => child.on('exit', () => done())));
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((ready, fail) => {
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => {
            stderr = (stderr + chunk.toString()).slice(-4000);
            if (stderr.includes('"msg":"worker started"')) ready();
          });
          child.on('exit', (code) => fail(new Error(`worker exited ${code}: ${stderr}`)));
        }),
    ),
  );
  return {
    stop: async () => {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(exits);
    },
  };
}

/** The queue's figures of a finished run: analyses run, mean and total time in hand per kind of job. */
async function queueFigures(
  pool: import('pg').Pool,
): Promise<{ analyses: number; meanMs: Record<string, number>; totalMs: Record<string, number> }> {
  const jobs = await pool.query<{ name: string; n: number; mean: number; total: number }>(
    `SELECT name, count(*)::integer AS n, avg(extract(epoch FROM completed_on - started_on) * 1000)::float8 AS mean,
       sum(extract(epoch FROM completed_on - started_on) * 1000)::float8 AS total
     FROM pgboss.job WHERE name IN ('story-assign', 'story-analyze') AND state = 'completed' GROUP BY name`,
  );
  const meanMs = Object.fromEntries(jobs.rows.map((r) => [r.name, Math.round(r.mean)]));
  const totalMs = Object.fromEntries(jobs.rows.map((r) => [r.name, r.total]));
  const analyses = jobs.rows.find((r) => r.name === 'story-analyze')?.n ?? 0;
  return { analyses, meanMs, totalMs };
}

/** Prints the figures. */
export default async function (): Promise<void> {
  if (!existsSync(CLUSTERING_DIR)) {
    console.log(`skipped: ${CLUSTERING_DIR} not found`);
    return;
  }
  if (!hasPostgres) {
    console.log('skipped: PostgreSQL server binaries not found (apt-get install postgresql)');
    return;
  }
  const n = Number(process.env.PARALLAX_BENCH_QUEUE_ARTICLES ?? 400);
  const articles = readAllSidesStream().slice(0, n);
  const asDoc = ({ id, title, text, date, outlet }: LabelledArticle) => ({ id, title, text, date, outlet });
  const docs = articles.map(asDoc);
  const warmup = readAllSidesStream().slice(-60).map(asDoc);
  console.log(`${articles.length} AllSides articles (in time order), placed into stories and analyzed`);
  console.log(
    'setup                                    stories  analyses  articles/s  placing ms/article  ms/analysis',
  );
  const alone = await singleProcess(articles);
  const rate = (ms: number) => ((articles.length / ms) * 1000).toFixed(1).padStart(10);
  console.log(
    `${'one process, SQLite'.padEnd(40)} ${String(alone.stories).padStart(7)}  ${String(alone.stories).padStart(8)}  ${rate(alone.ms)}`,
  );
  const server = await startPostgres();
  try {
    for (const count of WORKER_COUNTS) {
      const url = await server.createDatabase();
      const db = await openQueueDatabase({ url });
      const workers = await startWorkers(url, count);
      // Warm-up: every worker's analysis thread loads its models once; that start-up is not ingest.
      await receiveArticles({ queue: db.queue, pool: db.repo.pool, partition: 'warmup' }, warmup);
      while ((await db.queue.unfinished(['story-assign', 'story-analyze'])) > 0) await sleep(100);
      await db.repo.pool.query(`DELETE FROM pgboss.job WHERE name IN ('story-assign', 'story-analyze')`);
      const warmupStories = (await db.repo.listStories({ limit: 1, offset: 0 })).total;
      const started = performance.now();
      for (let i = 0; i < docs.length; i += 100) {
        await receiveArticles({ queue: db.queue, pool: db.repo.pool, partition: 'main' }, docs.slice(i, i + 100));
      }
      const enqueueMs = performance.now() - started;
      while ((await db.queue.unfinished(['story-assign', 'story-analyze'])) > 0) await sleep(100);
      const ms = performance.now() - started;
      await workers.stop();
      const figures = await queueFigures(db.repo.pool);
      const stories = (await db.repo.listStories({ limit: 1, offset: 0 })).total - warmupStories;
      await db.close();
      const name = `queue, ${count} worker${count > 1 ? 's' : ''} (enqueue ${rate(enqueueMs).trim()}/s)`;
      console.log(
        `${name.padEnd(40)} ${String(stories).padStart(7)}  ${String(figures.analyses).padStart(8)}  ${rate(ms)}  ${((figures.totalMs['story-assign'] ?? 0) / articles.length).toFixed(1).padStart(17)}  ${String(figures.meanMs['story-analyze'] ?? '-').padStart(11)}`,
      );
    }
  } finally {
    await server.stop();
  }
}
