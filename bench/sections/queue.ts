// Ingest throughput through the job queue on PostgreSQL, next to the same work in one process on SQLite. N articles
// of the AllSides 2021 stream (real snippets, in time order; N = PARALLAX_BENCH_QUEUE_ARTICLES, default 400) are added
// as a JSON Lines file to the library's stream (as `parallax ingest FILE.jsonl --db URL` does), then read, placed into
// stories in file order and every changed story analyzed by 1, 2 and 4 `parallax worker` processes (1 analysis thread
// and 2 jobs in hand each, --analyze-delay 1), on a PostgreSQL server started for the benchmark (Debian's binaries, as
// in the tests). The single-process figure is `parallax ingest FILE.jsonl --db library.db --workers 1` on SQLite (the
// stream watcher: read, place, store, then a report of every story that changed). Every setup first ingests the 60
// articles that come before them in the stream (so every analysis thread has loaded its models, and every library
// starts from the same stories); articles/s is wall clock from the file added to every story analyzed. Also: the
// mean time in a worker's hands of a read and of an analysis, and the placement cost per article.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLUSTERING_DIR, readAllSidesStream, type LabelledArticle } from '../../scripts/lib/clustering-data.js';
import { hasPostgres, startPostgres } from '../../scripts/lib/postgres-server.js';
import { REPO_ROOT } from '../../test/helpers/shared.js';
import { JOB_NAMES } from '../../src/engine/queue/job-catalog.js';
import { openQueueLibrary } from '../../src/engine/queue/open-queue-library.js';
import { openSqliteLibrary } from '../../src/engine/storage/open-sqlite-library.js';
import { addSources } from '../../src/engine/stream/add-sources.js';
import { StreamWatcher } from '../../src/engine/stream/stream-watcher.js';
import { AnalysisPool } from '../../src/engine/workers/analysis-pool.js';

const BIN = join(REPO_ROOT, 'bin', 'parallax.js');
const WORKER_COUNTS = [1, 2, 4];

/** Writes the articles as a JSON Lines stream file; returns its path. */
function jsonlFile(dir: string, name: string, articles: readonly LabelledArticle[]): string {
  const path = join(dir, name);
  const line = ({ id, title, text, date, outlet }: LabelledArticle) =>
    JSON.stringify({ id, title, text, date, outlet });
  writeFileSync(path, articles.map(line).join('\n') + '\n');
  return path;
}

/** One process, SQLite, as `parallax ingest FILE --workers 1`, after the warm-up file: wall ms, stories, reported. */
async function singleProcess(dir: string, file: string, warmup: string) {
  const pool = new AnalysisPool({ workers: 1 });
  const library = openSqliteLibrary({ path: join(dir, 'library.db') });
  try {
    const ingest = async (path: string) => {
      const watcher = await StreamWatcher.open({ repo: library.stream, pool });
      await addSources([path], { repo: library.stream, cwd: dir, now: Date.now() });
      await watcher.runOnce();
      await watcher.close();
    };
    await ingest(warmup);
    const started = performance.now();
    await ingest(file);
    const ms = performance.now() - started;
    const stories = await library.stream.listAllStories();
    return { ms, stories: stories.length, reported: stories.filter((s) => s.hasReport).length };
  } finally {
    await library.close();
    await pool.close();
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

/** Per kind of job of a finished run: how many completed, mean and total milliseconds in a worker's hands. */
async function jobFigures(pool: import('pg').Pool): Promise<Map<string, { n: number; mean: number; total: number }>> {
  const jobs = await pool.query<{ name: string; n: number; mean: number; total: number }>(
    `SELECT name, count(*)::integer AS n, avg(extract(epoch FROM completed_on - started_on) * 1000)::float8 AS mean,
       sum(extract(epoch FROM completed_on - started_on) * 1000)::float8 AS total
     FROM pgboss.job WHERE name = ANY($1) AND state = 'completed' GROUP BY name`,
    [JOB_NAMES],
  );
  return new Map(jobs.rows.map((r) => [r.name, r]));
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
  const all = readAllSidesStream();
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-queue-'));
  try {
    const warmup = jsonlFile(dir, 'warmup.jsonl', all.slice(0, 60));
    const file = jsonlFile(dir, 'stream.jsonl', all.slice(60, 60 + n));
    console.log(`${n} AllSides articles (in time order) as a JSON Lines file, placed into stories and analyzed`);
    console.log(
      'setup                                    stories  reported  analyses  articles/s  ms/read  ms/placing  ms/analysis',
    );
    const rate = (ms: number) => ((n / ms) * 1000).toFixed(1).padStart(10);
    const alone = await singleProcess(dir, file, warmup);
    console.log(
      `${'one process, SQLite'.padEnd(40)} ${String(alone.stories).padStart(7)}  ${String(alone.reported).padStart(8)}  ${'-'.padStart(8)}  ${rate(alone.ms)}`,
    );
    const server = await startPostgres();
    try {
      for (const count of WORKER_COUNTS) {
        const url = await server.createDatabase();
        const lib = await openQueueLibrary({ url });
        const workers = await startWorkers(url, count);
        const drained = async () => {
          while ((await lib.queue.unfinished(JOB_NAMES)) > 0) await sleep(100);
        };
        await addSources([warmup], { repo: lib.stream, cwd: dir, now: Date.now() });
        await drained();
        await lib.pool.query(`DELETE FROM pgboss.job WHERE state = 'completed'`);
        const started = performance.now();
        await addSources([file], { repo: lib.stream, cwd: dir, now: Date.now() });
        const enqueueMs = performance.now() - started;
        await drained();
        const ms = performance.now() - started;
        await workers.stop();
        const jobs = await jobFigures(lib.pool);
        const stories = await lib.stream.listAllStories();
        const reported = stories.filter((s) => s.hasReport).length;
        await lib.close();
        const mean = (name: string) => String(Math.round(jobs.get(name)?.mean ?? 0));
        const placing = ((jobs.get('story-assign')?.total ?? 0) / n).toFixed(1);
        const name = `queue, ${count} worker${count > 1 ? 's' : ''} (enqueue ${rate(enqueueMs).trim()}/s)`;
        console.log(
          `${name.padEnd(40)} ${String(stories.length).padStart(7)}  ${String(reported).padStart(8)}  ${String(jobs.get('story-analyze')?.n ?? 0).padStart(8)}  ${rate(ms)}  ${mean('article-read').padStart(7)}  ${placing.padStart(10)}  ${mean('story-analyze').padStart(11)}`,
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
