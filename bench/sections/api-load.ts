// Report reads while the server analyzes: 50 clients read a stored report (autocannon, its own process) while one
// client posts a 1 MB article in a loop. Analysis runs on worker threads, so the reads must stay fast
// (target: p99 under 100 ms, no errors). The same reads are first measured with no posting, on the same machine at the
// same moment: the difference is the cost of the analyses to the readers. The posted article is built at run time from
// the seed articles.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { openSqliteStoryRepository } from '../../src/engine/storage/sqlite-story-repository.js';
import { AnalysisPool } from '../../src/engine/workers/analysis-pool.js';
import { createApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/start-server.js';
import type { Result } from 'autocannon';
import { runAutocannon } from '../lib/autocannon.js';
import { repeatToBytes, seedArticles, SEEDS_DIR } from '../lib/seed-articles.js';

const CONNECTIONS = 50;
const SECONDS = 60;
const BASELINE_SECONDS = 10;
const ARTICLE_BYTES = 1024 * 1024;
const TARGET_P99_MS = 100;

/** What the posting client saw. */
interface Posts {
  statuses: Map<number, number>;
  /** Milliseconds of each completed post. */
  times: number[];
}

/** About `bytes` of prose: the seed articles' paragraphs over and over. */
function longArticle(texts: readonly string[], bytes: number): string {
  const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.trim() !== '');
  return repeatToBytes(paragraphs, bytes);
}

/** One line of read latency figures, against the target. */
function printReads(label: string, reads: Result): void {
  const { latency } = reads;
  const met = latency.p99 < TARGET_P99_MS && reads.errors === 0 && reads.non2xx === 0;
  console.log(
    `GET /api/stories/:id ${label.padEnd(13)}  requests ${String(reads.requests.total).padStart(6)}  ` +
      `p50 ${latency.p50} ms  p99 ${latency.p99} ms  max ${latency.max} ms  non-2xx ${reads.non2xx}  ` +
      `errors ${reads.errors}  (target p99 < ${TARGET_P99_MS} ms, no errors: ${met ? 'met' : 'NOT met'})`,
  );
}

/** Posts a new 1 MB article story after another until `stop` is aborted. */
async function postInLoop(url: string, article: string, stop: AbortSignal, posts: Posts): Promise<void> {
  for (let n = 1; !stop.aborted; n++) {
    const body = JSON.stringify({ articles: [{ text: `Update ${n}.\n\n${article}` }] });
    const started = performance.now();
    try {
      const response = await fetch(`${url}/api/stories`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: stop,
      });
      await response.arrayBuffer();
      posts.statuses.set(response.status, (posts.statuses.get(response.status) ?? 0) + 1);
      if (response.ok) posts.times.push(performance.now() - started);
      const retry = Number(response.headers.get('retry-after') ?? 0);
      if (retry > 0) await new Promise((done) => setTimeout(done, retry * 1000));
    } catch {
      if (!stop.aborted) posts.statuses.set(0, (posts.statuses.get(0) ?? 0) + 1);
    }
  }
}

/** Prints read latency under a posting load, and what the posts took. */
export default async function (): Promise<void> {
  const seeds = seedArticles();
  if (!seeds) {
    console.log(`skipped: no seed articles in ${SEEDS_DIR}`);
    return;
  }
  const texts = seeds.map((s) => s.text);
  const article = longArticle(texts, ARTICLE_BYTES);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-load-'));
  const repo = openSqliteStoryRepository({ path: join(dir, 'bench.db') });
  const pool = new AnalysisPool({ lowPriority: true });
  const server = await startServer(createApp({ repo, pool }), { port: 0 });
  const stop = new AbortController();
  try {
    const created = await fetch(`${server.url}/api/stories`, {
      method: 'POST',
      body: JSON.stringify({ articles: texts.map((text) => ({ text })) }),
      headers: { 'content-type': 'application/json' },
    });
    const { story } = (await created.json()) as { story: { id: string } };
    console.log(
      `${CONNECTIONS} connections reading a stored report for ${SECONDS} s while one client posts ` +
        `${(Buffer.byteLength(article) / 1024 / 1024).toFixed(1)} MB articles in a loop; ` +
        `${pool.settings.workers} worker(s), ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}`,
    );
    const path = `${server.url}/api/stories/${story.id}`;
    const quiet = await runAutocannon(['-j', '-c', String(CONNECTIONS), '-d', String(BASELINE_SECONDS), path]);
    printReads('no posting', quiet);
    const posts: Posts = { statuses: new Map(), times: [] };
    const posting = postInLoop(server.url, article, stop.signal, posts);
    // Reads start once the first article is being analyzed.
    while (pool.active === 0) await new Promise((done) => setTimeout(done, 20));
    // How long the server's own thread is held up at a time: its share of the read latency, whatever the machine load.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const reads = await runAutocannon(['-j', '-c', String(CONNECTIONS), '-d', String(SECONDS), '-t', '30', path]);
    delay.disable();
    stop.abort();
    await posting;
    printReads('while posting', reads);
    const ms = (ns: number) => (ns / 1e6).toFixed(0);
    console.log(
      `server event loop delay while posting: p50 ${ms(delay.percentile(50))} ms  p99 ${ms(delay.percentile(99))} ms  ` +
        `max ${ms(delay.max)} ms`,
    );
    const statuses = [...posts.statuses].map(([status, n]) => `${status === 0 ? 'failed' : status}: ${n}`);
    const mean = posts.times.length > 0 ? posts.times.reduce((a, b) => a + b, 0) / posts.times.length / 1000 : NaN;
    console.log(
      `POST /api/stories (1 MB)  completed ${posts.times.length}  [${statuses.join(', ')}]  ` +
        `mean ${mean.toFixed(1)} s each (the last one stopped unfinished)`,
    );
  } finally {
    stop.abort();
    await server.close();
    await pool.close();
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
