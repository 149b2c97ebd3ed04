// A bug in the reader (an exception other than a known input failure) is an internal error at every caller: the
// engine throws it on instead of failing the input, the HTTP API answers 500 with a generic message (the stack stays
// in the server's log), and the CLI exits 1 with one line saying so (the stack only with PARALLAX_DEBUG=1). A known
// input failure stays a failure of that input.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RawArticle } from '../src/core/model.js';
import { openSqliteStoryRepository } from '../src/engine/storage/sqlite-story-repository.js';
import { AnalysisPool } from '../src/engine/workers/analysis-pool.js';
import { createApp } from '../src/server/app.js';
import { runCliInProcess } from './helpers/cli-in-process.js';
import { BUG_MARKER, buggyReadWorkerEntry } from './helpers/buggy-worker.js';
import { FERRY_ARTICLES } from './helpers/fiction.js';

// The CLI's pool is the test's buggy one (the CLI builds its own pool otherwise; the workers cannot be mocked).
vi.mock('../src/cli/pool-options.js', async (original) => {
  const real = await original<typeof import('../src/cli/pool-options.js')>();
  const { AnalysisPool: Pool } = await import('../src/engine/workers/analysis-pool.js');
  const { buggyReadWorkerEntry: entry } = await import('./helpers/buggy-worker.js');
  return {
    ...real,
    withPool: async <T>(_settings: unknown, work: (pool: AnalysisPool) => Promise<T>): Promise<T> => {
      const pool = new Pool({ workers: 1, entry: entry() });
      try {
        return await work(pool);
      } finally {
        await pool.close();
      }
    },
  };
});

const pool = new AnalysisPool({ workers: 1, entry: buggyReadWorkerEntry() });
const dir = mkdtempSync(join(tmpdir(), 'parallax-internal-'));
const repo = openSqliteStoryRepository({ path: ':memory:' });
afterAll(async () => {
  await pool.close();
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

const BUGGY = `${FERRY_ARTICLES[0]} ${BUG_MARKER}`;

function raw(id: string, content: string): RawArticle {
  return { id, source: `${id}.txt`, format: 'text', content, meta: {} };
}

describe('a bug in the reader', () => {
  it('the engine throws it on, not as a failure of the input', async () => {
    const read = pool.readArticles([raw('ferry', FERRY_ARTICLES[1]!), raw('buggy', BUGGY)]);
    await expect(read).rejects.toThrow(/Cannot read properties of undefined/);
  });

  it('a known input failure stays the input’s failure on the same pool (negative)', async () => {
    const { articles, failures } = await pool.readArticles([raw('ferry', FERRY_ARTICLES[1]!), raw('blank', ' ')]);
    expect(articles.map((a) => a.id)).toEqual(['ferry']);
    expect(failures.map((f) => [f.source, f.code])).toEqual([['blank.txt', 'empty-input']]);
  });

  it('the HTTP API answers 500 with a generic message and no stack; the error goes to the log', async () => {
    const logged: unknown[] = [];
    const app = createApp({ repo, pool, webRoot: join(dir, 'no-web'), logError: (e) => logged.push(e) });
    const response = await app.request('/api/stories', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ articles: [{ text: FERRY_ARTICLES[1] }, { text: BUGGY }] }),
    });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect(body).not.toMatch(/TypeError|Cannot read|\bat /);
    expect(logged).toHaveLength(1);
    expect(String(logged[0])).toMatch(/Cannot read properties of undefined/);
  });

  it('the CLI exits 1 with one line naming an internal error, the stack only with PARALLAX_DEBUG=1', async () => {
    writeFileSync(join(dir, 'ferry.txt'), FERRY_ARTICLES[1]!);
    writeFileSync(join(dir, 'buggy.txt'), BUGGY);
    const quiet = await runCliInProcess(['extract', 'ferry.txt', 'buggy.txt'], { cwd: dir });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/^parallax: internal error: /);
    expect(quiet.stderr).toContain('Set PARALLAX_DEBUG=1 to see the stack trace.');
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    expect(quiet.stdout).toBe('');
    const debug = await runCliInProcess(['extract', 'ferry.txt', 'buggy.txt'], {
      cwd: dir,
      env: { PARALLAX_DEBUG: '1' },
    });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
