// Reads NeuS stories and runs them through the core pipeline up to the summary's inputs, the same way for the scorer's
// training script and the extractive oracle (scripts/summary-oracle.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareComparison, type ComparisonInputs } from '../../src/core/compose/compose.js';
import type { Article } from '../../src/core/model.js';
import { analyzeArticles, readArticles } from '../../src/core/pipeline.js';
import { articleFromObject } from '../../src/engine/inputs/article-object.js';
import { DEFAULT_MAX_BYTES } from '../../src/engine/inputs/index.js';
import { SHARED_DIR } from '../../test/helpers/shared.js';

/** One NeuS story as stored in `{train,val}.jsonl`. */
export interface NeusStory {
  id: string;
  articles: { title: string | null; text: string }[];
  reference_full: string;
  /** The editors' headline (read on train only). */
  reference_title?: string;
}

/** A story read and analyzed by the core pipeline, with what the summary is built from. */
export interface PreparedStory {
  story: NeusStory;
  articles: Article[];
  inputs: ComparisonInputs;
}

/** The stories of one NeuS split, in line order. */
export function readNeus(split: string): NeusStory[] {
  return readFileSync(join(SHARED_DIR, 'eval', 'neus', `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as NeusStory);
}

/** Reads and analyzes a story's articles (ids a1, a2, ... as in the batch eval); null when none is readable. */
export function prepareStory(story: NeusStory): PreparedStory | null {
  const raws = story.articles.flatMap((a, k) => {
    const read = articleFromObject(
      { id: `a${k + 1}`, text: a.text, ...(a.title ? { title: a.title } : {}) },
      { source: `${story.id}#${k + 1}`, fallbackId: `a${k + 1}`, maxBytes: DEFAULT_MAX_BYTES },
    );
    return read.ok ? [read.value] : [];
  });
  const { articles } = readArticles(raws);
  if (articles.length === 0) return null;
  const analyzed = analyzeArticles(articles, null);
  return { story, articles, inputs: prepareComparison(analyzed) };
}
