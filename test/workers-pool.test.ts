import { afterAll, describe, expect, it } from 'vitest';
import type { RawArticle } from '../src/core/model.js';
import { analyzeStory } from '../src/core/pipeline.js';
import { analyze } from '../src/engine/api.js';
import { AnalysisPool } from '../src/engine/workers/analysis-pool.js';
import { resolvePoolSettings } from '../src/engine/workers/budget-options.js';
import { StoryStoppedError } from '../src/engine/workers/story-stopped-error.js';
import { packStrings, unpackStrings } from '../src/engine/workers/packed-strings.js';
import { FERRY_ARTICLES, denseText } from './helpers/fiction.js';
import { STUCK_MARKER, stuckWorkerEntry } from './helpers/stuck-worker.js';
import { describeShared, seedRaws } from './helpers/shared.js';

function raw(id: string, content: string): RawArticle {
  return { id, source: `${id}.txt`, format: 'text', content, meta: {} };
}

const ferry = FERRY_ARTICLES.map((text, i) => raw(`ferry-${i + 1}`, text));

// Each short article and the story's analysis take well under a second.
const TIME_BUDGET_MS = 5_000;
const pool = new AnalysisPool({ workers: 2, jobTimeoutMs: TIME_BUDGET_MS });

afterAll(() => pool.close());

describe('the analysis pool', () => {
  it('gives the report the in-process core gives', async () => {
    const options = { version: 'test', referenceDate: '2024-05-12' };
    expect(await pool.analyzeStory(ferry, options)).toEqual(analyzeStory(ferry, options));
  });

  it('stops an input past its time budget; it fails alone with the reason and the pool goes on', async () => {
    // Reading an input marked STUCK_MARKER never ends (the test worker spins, on any machine); the rest is real.
    const stuck = new AnalysisPool({ workers: 2, jobTimeoutMs: TIME_BUDGET_MS, entry: stuckWorkerEntry('read') });
    try {
      const slow = raw('slow', `${FERRY_ARTICLES[2]} ${STUCK_MARKER}`);
      const { articles, failures } = await stuck.readArticles([ferry[0]!, slow, ferry[1]!]);
      expect(articles.map((a) => a.id)).toEqual(['ferry-1', 'ferry-2']);
      expect(failures).toEqual([
        {
          source: 'slow.txt',
          code: 'over-time-budget',
          message: 'slow.txt: analysis stopped: over the time budget of 5 s',
        },
      ]);
      // The stopped worker was terminated and replaced: the next story is analyzed as before.
      const report = await stuck.analyzeStory(ferry);
      expect(report.articles).toHaveLength(3);
      expect(report.failures).toEqual([]);
    } finally {
      await stuck.close();
    }
  });

  it('starts the jobs waiting behind jobs stopped at their budget (no job is left unsettled)', async () => {
    // One worker, two stuck inputs first: piscina starts no new worker for its own queue after an abort, so the jobs
    // wait in the pool's queue and each gets a fresh worker (the CLI exited 13 with a job never started).
    const stuck = new AnalysisPool({ workers: 1, jobTimeoutMs: 1_500, entry: stuckWorkerEntry('read') });
    try {
      const slow = (id: string) => raw(id, `${FERRY_ARTICLES[2]} ${STUCK_MARKER}`);
      const { articles, failures } = await stuck.readArticles([slow('slow-1'), slow('slow-2'), ferry[0]!]);
      expect(articles.map((a) => a.id)).toEqual(['ferry-1']);
      expect(failures.map((f) => [f.source, f.code])).toEqual([
        ['slow-1.txt', 'over-time-budget'],
        ['slow-2.txt', 'over-time-budget'],
      ]);
    } finally {
      await stuck.close();
    }
  }, 60_000);

  it('says why when the story as a whole goes over its budget, and keeps the failed inputs', async () => {
    const stuck = new AnalysisPool({
      workers: 1,
      jobTimeoutMs: 1_500,
      entry: stuckWorkerEntry('report'),
    });
    try {
      const stopped = await stuck.analyzeStory([...ferry, raw('blank', ' ')]).catch((error: unknown) => error);
      expect(stopped).toBeInstanceOf(StoryStoppedError);
      expect(stopped).toMatchObject({
        reason: 'time',
        message: 'analysis stopped: over the time budget of 1.5 s',
        articles: 3,
        failures: [{ source: 'blank.txt' }],
      });
      const { report, failures } = await analyze([...FERRY_ARTICLES.map((text) => ({ text })), { text: '' }], {
        pool: stuck,
      });
      expect(report.articles).toEqual([]);
      // The input that could not be read is still named, before the story's own failure.
      expect(failures).toHaveLength(2);
      expect(failures[0]!.source).toBe('input#4');
      expect(failures[1]).toMatchObject({ source: 'story', code: 'over-time-budget' });
      expect(failures[1]!.message).toBe(
        'story: analysis stopped: over the time budget of 1.5 s (analyzing its 3 articles together)',
      );
    } finally {
      await stuck.close();
    }
  });

  // Slow by nature: the worker runs out of its heap only after the garbage collector has tried hard.
  it('stops a job past its memory budget; the next job runs on a fresh worker', { timeout: 300_000 }, async () => {
    const small = new AnalysisPool({ workers: 1, jobMemoryMb: 128, jobTimeoutMs: 300_000 });
    try {
      const { articles, failures } = await small.readArticles([raw('dense', denseText(30_000))]);
      expect(articles).toEqual([]);
      expect(failures).toEqual([
        {
          source: 'dense.txt',
          code: 'over-memory-budget',
          message: 'dense.txt: analysis stopped: over the memory budget of 128 MB',
        },
      ]);
      expect((await small.readArticles([ferry[2]!])).articles.map((a) => a.id)).toEqual(['ferry-3']);
    } finally {
      await small.close();
    }
  });

  it('fails the jobs of a worker that cannot start instead of leaving them waiting', async () => {
    const broken = new AnalysisPool({
      workers: 1,
      entry: { filename: new URL('./helpers/no-such-worker.ts', import.meta.url).href, execArgv: [] },
    });
    try {
      const { articles, failures } = await broken.readArticles([ferry[0]!]);
      expect(articles).toEqual([]);
      expect(failures[0]).toMatchObject({ source: 'ferry-1.txt', code: 'worker-failed' });
      expect(failures[0]!.message).toMatch(/^ferry-1\.txt: analysis stopped: the analysis worker could not start/);
    } finally {
      await broken.close();
    }
  });

  it('refuses jobs once closed', async () => {
    const closed = new AnalysisPool({ workers: 1 });
    await closed.close();
    await expect(closed.analyzeStory([ferry[0]!])).rejects.toThrow('analysis stopped: the analysis pool is closed');
  });

  it('checks its settings', () => {
    expect(resolvePoolSettings({ workers: 3 })).toEqual({
      workers: 3,
      jobTimeoutMs: 60_000,
      jobMemoryMb: 1024,
      lowPriority: false,
    });
    expect(() => resolvePoolSettings({ workers: 0 })).toThrow(/workers must be/);
    expect(() => resolvePoolSettings({ jobTimeoutMs: -1 })).toThrow(/jobTimeoutMs must be/);
    expect(() => resolvePoolSettings({ jobMemoryMb: 64 })).toThrow(/at least 128/);
  });

  it('shares a story’s texts with its jobs losslessly, lone surrogates and empty texts included', () => {
    const texts = ['plain', '', 'é and 😀', 'lone \ud800 high', 'lone \udc00 low'];
    expect(unpackStrings(packStrings(texts))).toEqual(texts);
  });
});

describeShared('the analysis pool on the seed articles', () => {
  it('gives the report the in-process core gives', async () => {
    const seeds = seedRaws();
    expect(await pool.analyzeStory(seeds, { version: 'test' })).toEqual(analyzeStory(seeds, { version: 'test' }));
  });
});
