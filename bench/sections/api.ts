// API latency under load (autocannon, 50 connections, on 127.0.0.1): reading a stored report, and creating the
// seed story (POST with the five seed articles as article objects). Target: p99 < 50 ms for a stored report. Posts
// past the analysis queue are refused with 503 (back-pressure): 2xx counts the stories actually created.
// autocannon runs as its own process so that the load generator does not share the server's event loop.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStoryRepository } from '../../src/engine/storage/sqlite-story-repository.js';
import { AnalysisPool } from '../../src/engine/workers/analysis-pool.js';
import { createApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/start-server.js';
import { runAutocannon } from '../lib/autocannon.js';
import { seedArticles, SEEDS_DIR } from '../lib/seed-articles.js';

const CONNECTIONS = 50;

interface Run {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  /** File holding the request body. */
  bodyFile?: string;
  headers?: string[];
  seconds: number;
}

async function load(base: string, run: Run): Promise<void> {
  const body = run.bodyFile ? ['-i', run.bodyFile, '-H', 'content-type=application/json'] : [];
  const headers = (run.headers ?? []).flatMap((h) => ['-H', h]);
  // The load generator is another process: this process's CPU time is the server's own cost, whatever the machine load.
  const cpuBefore = process.cpuUsage();
  const result = await runAutocannon([
    '-j',
    ...['-c', String(CONNECTIONS), '-d', String(run.seconds), '-t', '120', '-m', run.method],
    ...body,
    ...headers,
    `${base}${run.path}`,
  ]);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerRequest = (cpu.user + cpu.system) / 1000 / Math.max(1, result.requests.total);
  const { latency } = result;
  console.log(
    `${run.label.padEnd(28)} requests ${String(result.requests.total).padStart(6)}  ` +
      `p50 ${latency.p50} ms  p99 ${latency.p99} ms  max ${latency.max} ms  ` +
      `${result.requests.average.toFixed(1)} req/s  server CPU ${cpuPerRequest.toFixed(2)} ms/req  ` +
      `2xx ${result['2xx']}  non-2xx ${result.non2xx}  errors ${result.errors}`,
  );
}

/** Prints p50/p99 latency of the two API calls that matter most. */
export default async function (): Promise<void> {
  const seeds = seedArticles();
  if (!seeds) {
    console.log(`skipped: no seed articles in ${SEEDS_DIR}`);
    return;
  }
  const body = JSON.stringify({ articles: seeds.map((s) => ({ text: s.text })) });
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-api-'));
  const repo = openSqliteStoryRepository({ path: join(dir, 'bench.db') });
  const pool = new AnalysisPool({ lowPriority: true });
  const server = await startServer(createApp({ repo, pool }), { port: 0 });
  try {
    const created = await fetch(`${server.url}/api/stories`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    const { story } = (await created.json()) as { story: { id: string } };
    const size = (await (await fetch(`${server.url}/api/stories/${story.id}`)).text()).length;
    console.log(
      `${CONNECTIONS} connections on 127.0.0.1, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}; ` +
        `stored seed report response ${(size / 1024).toFixed(0)} kB`,
    );
    const path = `/api/stories/${story.id}`;
    await load(server.url, { label: 'GET /api/stories/:id', method: 'GET', path, seconds: 10 });
    const gzip = ['accept-encoding=gzip'];
    await load(server.url, { label: 'GET /api/stories/:id (gzip)', method: 'GET', path, headers: gzip, seconds: 10 });
    const bodyFile = join(dir, 'seed-story.json');
    writeFileSync(bodyFile, body);
    await load(server.url, {
      label: 'POST /api/stories (5 seeds)',
      method: 'POST',
      path: '/api/stories',
      bodyFile,
      seconds: 20,
    });
  } finally {
    await server.close();
    // Analyses still running for posts that autocannon has stopped waiting for end here, before their library closes.
    await pool.close();
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
