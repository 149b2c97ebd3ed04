import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStoryRepository } from '../src/engine/storage/sqlite-story-repository.js';
import { AnalysisPool } from '../src/engine/workers/analysis-pool.js';
import { createApp } from '../src/server/app.js';
import { startServer, type RunningServer } from '../src/server/start-server.js';
import { FERRY_ARTICLES } from './helpers/fiction.js';
import { STUCK_MARKER, stuckWorkerEntry } from './helpers/stuck-worker.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Resolves once the condition holds (checked every 20 ms). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((done) => setTimeout(done, 20));
}

describe('a server analyzing on workers, through a real socket', () => {
  const repo = openSqliteStoryRepository({ path: ':memory:' });
  // One worker and no queue: one analysis request at a time, the next one is refused. Reading an input marked
  // STUCK_MARKER never ends (on any machine) and the pool must stop it at its budget; the short articles take well
  // under a second.
  const pool = new AnalysisPool({ workers: 1, jobTimeoutMs: 5_000, entry: stuckWorkerEntry('read') });
  let server: RunningServer;

  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startServer(createApp({ repo, pool, maxQueue: 0 }), { port: 0 });
  });

  afterAll(async () => {
    await server.close();
    await pool.close();
    await repo.close();
  });

  it('stops a slow input at its budget while reads answer, refuses writes past the queue, then goes on', async () => {
    const stored = await post('/api/stories', { articles: FERRY_ARTICLES.map((text) => ({ text })) });
    expect(stored.status).toBe(201);
    const { story } = (await stored.json()) as { story: { id: string } };

    const settled: string[] = [];
    const slowRequest = post('/api/stories', {
      articles: [{ text: FERRY_ARTICLES[0] }, { text: `${FERRY_ARTICLES[1]} ${STUCK_MARKER}` }],
    }).then((r) => {
      settled.push('slow POST');
      return r;
    });
    await until(() => pool.active > 0 || settled.length > 0);

    // Every worker busy and no room to wait: a new analysis is refused at once, with when to come back.
    const refused = await post('/api/stories', { articles: [{ text: FERRY_ARTICLES[1] }] });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const busy = (await refused.json()) as ErrorBody;
    expect(busy.error.code).toBe('busy');
    expect(busy.error.message).toMatch(/busy analyzing other stories/);

    // Reads never wait for the workers: they answer while the slow analysis runs.
    const read = await fetch(`${server.url}/api/stories/${story.id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { report: { articles: unknown[] } }).report.articles).toHaveLength(3);
    expect((await fetch(`${server.url}/api/stories`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/search?q=ferry`)).status).toBe(200);
    settled.push('reads');

    const slow = await slowRequest;
    expect(settled).toEqual(['reads', 'slow POST']);
    expect(slow.status).toBe(201);
    const created = (await slow.json()) as { story: { articleCount: number }; failures: unknown[] };
    expect(created.story.articleCount).toBe(1);
    expect(created.failures).toEqual([
      {
        source: 'articles#2',
        code: 'over-time-budget',
        message: 'articles#2: analysis stopped: over the time budget of 5 s',
      },
    ]);

    // The stopped worker was replaced, and the slot is free again.
    const after = await post(`/api/stories/${story.id}/articles`, {
      articles: [{ text: `${FERRY_ARTICLES[1]} Update.` }],
    });
    expect(after.status).toBe(200);
  });
});

describe('a story too costly as a whole', () => {
  it('answers 422 with the reason and stores nothing', async () => {
    const repo = openSqliteStoryRepository({ path: ':memory:' });
    const pool = new AnalysisPool({
      workers: 1,
      jobTimeoutMs: 1_000,
      entry: stuckWorkerEntry('report'),
    });
    try {
      const app = createApp({ repo, pool });
      const response = await app.request('/api/stories', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ articles: FERRY_ARTICLES.map((text) => ({ text })) }),
      });
      expect(response.status).toBe(422);
      expect(((await response.json()) as ErrorBody).error).toEqual({
        code: 'analysis-stopped',
        message: 'analysis stopped: over the time budget of 1 s',
        details: { reason: 'over-time-budget' },
      });
      expect((await repo.listStories({ limit: 10, offset: 0 })).total).toBe(0);
    } finally {
      await pool.close();
      await repo.close();
    }
  });
});
