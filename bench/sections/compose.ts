// Time to compare and summarize: the seed story, a synthetic 100-article story built from real NeuS articles, and
// how compose time grows with the number of sentences (to show there is no quadratic blow-up).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeStory } from '../../src/core/compose/compose.js';
import type { RawArticle } from '../../src/core/model.js';
import { analyzeArticles, readArticles } from '../../src/core/pipeline.js';
import type { AnalyzedStory } from '../../src/core/stage-types.js';
import { seedArticles } from '../lib/seed-articles.js';

const SHARED = process.env.PARALLAX_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared');

function analyzed(raws: RawArticle[]): AnalyzedStory {
  const { articles } = readArticles(raws);
  return analyzeArticles(articles, '2021-05-17');
}

/** Median milliseconds of `runs` compose runs after one warm-up run. */
function timeCompose(story: AnalyzedStory, runs: number): number {
  composeStory(story, { summaryWords: 120 });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    composeStory(story, { summaryWords: 120 });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function neusArticles(limit: number): RawArticle[] {
  const lines = readFileSync(join(SHARED, 'eval', 'neus', 'train.jsonl'), 'utf8').split('\n');
  const out: RawArticle[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const story = JSON.parse(line) as { id: string; articles: { title: string | null; text: string }[] };
    for (const [k, a] of story.articles.entries()) {
      if (!a.text.trim()) continue;
      out.push({
        id: `${story.id}-${k}`,
        source: story.id,
        format: 'text',
        content: a.text,
        meta: a.title ? { title: a.title } : {},
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

function sentences(story: AnalyzedStory): number {
  return story.articles.reduce((n, a) => n + Math.max(a.sentences.length, a.text.split(/[.!?]\s/).length), 0);
}

export default async function (): Promise<void> {
  const seeds = seedArticles();
  if (!seeds) {
    console.log('shared data absent: skipped');
    return;
  }
  const seedStory = analyzed(
    seeds.map((s) => ({
      id: s.file.replace(/\.txt$/, ''),
      source: s.file,
      format: 'text' as const,
      content: s.text,
      meta: {},
    })),
  );
  console.log(
    `seed story (5 articles, ~${sentences(seedStory)} sentences): compose ${timeCompose(seedStory, 7).toFixed(1)} ms (median of 7, after start-up)`,
  );
  const hundred = analyzed(neusArticles(100));
  console.log(
    `synthetic story (100 NeuS articles, ~${sentences(hundred)} sentences): compose ${timeCompose(hundred, 3).toFixed(1)} ms`,
  );
  console.log('\narticles  sentences  compose ms  ms/sentence');
  for (const count of [4, 40, 100, 200, 400, 800, 1200]) {
    const story = analyzed(neusArticles(count));
    const n = sentences(story);
    const ms = timeCompose(story, count >= 800 ? 1 : 3);
    console.log(
      `${String(count).padStart(8)}  ${String(n).padStart(9)}  ${ms.toFixed(1).padStart(10)}  ${(ms / n).toFixed(3).padStart(11)}`,
    );
  }
}
