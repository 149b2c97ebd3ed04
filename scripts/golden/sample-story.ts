// Regenerates test/golden/sample-story/: what the reader, the analyze stages and compose make of the fictional sample
// story (examples/sample-story, written for this repository), one file per part. These golden files need nothing
// outside the repository, so they run on every machine, with or without ../shared. The digests are the ones of the
// seed golden files (read, language, numbers-dates, dates, compose); compose here runs on the analyzed story, as the
// pipeline does. Regenerate with `npm run golden -- sample-story` and read the diff.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeStory } from '../../src/core/compose/compose.js';
import type { Article } from '../../src/core/model.js';
import { analyzeArticles, readArticles } from '../../src/core/pipeline.js';
import { readInputs } from '../../src/engine/inputs/index.js';
import { digest } from './compose.js';
import { datesGoldenOf } from './dates.js';
import { STAGES } from './language.js';
import { numbersDatesOf } from './numbers-dates.js';
import { goldenOf } from './read.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The sample story's folder. */
export const SAMPLE_DIR = join(ROOT, 'examples', 'sample-story');
/** Where the golden files go, one per part. */
export const GOLDEN_DIR = join(ROOT, 'test', 'golden', 'sample-story');
/** The parts of the golden files, each a file `<part>.json`. */
export const PARTS = ['read', 'entities', 'quotes', 'numbers-dates', 'dates', 'compose'] as const;
/** One part of the golden files. */
export type Part = (typeof PARTS)[number];

/** The sample story read from its folder as the CLI reads it (every format it holds), in file order. */
export async function readSample(): Promise<Article[]> {
  const input = await readInputs([SAMPLE_DIR], { cwd: ROOT });
  if (input.failures.length > 0) throw new Error(`the sample story did not read: ${JSON.stringify(input.failures)}`);
  const { articles, failures } = readArticles(input.articles);
  if (failures.length > 0) throw new Error(`the sample story did not read: ${JSON.stringify(failures)}`);
  return articles;
}

/** Every part's golden content for articles read from the sample story, as plain JSON values. */
export function sampleGolden(articles: readonly Article[]): Record<Part, unknown> {
  // No reference date: each article is resolved against its own date, as `analyzeStory` does without `--date`.
  const analyzed = analyzeArticles(articles, null);
  const parts: Record<Part, unknown> = {
    read: articles.map(goldenOf),
    entities: STAGES.entities!(analyzed),
    quotes: STAGES.quotes!(analyzed),
    'numbers-dates': numbersDatesOf(articles),
    dates: datesGoldenOf(articles),
    compose: digest(composeStory(analyzed, { summaryWords: 120 })),
  };
  return JSON.parse(JSON.stringify(parts)) as Record<Part, unknown>;
}

/** Writes the golden files. */
export async function regenerate(): Promise<void> {
  const golden = sampleGolden(await readSample());
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const part of PARTS) {
    writeFileSync(join(GOLDEN_DIR, `${part}.json`), `${JSON.stringify(golden[part], null, 2)}\n`);
  }
}
