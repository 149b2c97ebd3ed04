// End to end: milliseconds to analyze a whole story with the core pipeline (read, analyze, compose), the first run
// after start-up (model loading, regex compilation) and warm runs, on the seed story and the bundled sample story.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../../src/engine/inputs/read-inputs.js';
import type { RawArticle } from '../../src/core/model.js';
import { analyzeStory } from '../../src/core/pipeline.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED = process.env.PARALLAX_SHARED ?? join(ROOT, '..', 'shared');
const RUNS = 7;

/** Median of the warm runs, with the first run timed apart. */
function time(raws: readonly RawArticle[]): { first: number; median: number } {
  let t = performance.now();
  analyzeStory(raws);
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    analyzeStory(raws);
    times.push(performance.now() - t);
  }
  return { first, median: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]! };
}

export default async function (): Promise<void> {
  const stories = [
    { name: 'seed story (5 real articles)', path: join(SHARED, 'seeds') },
    { name: 'sample story (4 invented articles)', path: join(ROOT, 'examples', 'sample-story') },
  ];
  console.log('story                               articles  first run ms  warm median ms');
  for (const { name, path } of stories) {
    if (!existsSync(path)) {
      console.log(`${name.padEnd(36)}skipped: ${path} not found`);
      continue;
    }
    const { articles } = await readInputs([path], {});
    const { first, median } = time(articles);
    console.log(
      `${name.padEnd(36)}${String(articles.length).padStart(8)}  ${first.toFixed(0).padStart(12)}  ${median.toFixed(0).padStart(14)}`,
    );
  }
}
