// Regenerates test/golden/numbers-dates/seeds.json: the dates, figures and timeline found in the seed articles (read
// as one story). Values and short snippets only (no offsets, which move whenever the reader's cleaning changes).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datesOfStory } from '../../src/core/analyze/dates/reference-dates.js';
import { findNumbers } from '../../src/core/analyze/numbers.js';
import { buildTimeline } from '../../src/core/analyze/timeline.js';
import type { Article } from '../../src/core/model.js';
import { readArticles } from '../../src/core/pipeline.js';
import { seedRaws } from '../../test/helpers/shared.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the golden file goes. */
export const GOLDEN_FILE = join(ROOT, 'test', 'golden', 'numbers-dates', 'seeds.json');
const SEEDS = join(process.env.PARALLAX_SHARED ?? resolve(ROOT, '..', 'shared'), 'seeds');
/** Longest snippet of article text kept in the golden file. */
const SNIPPET = 50;

/** A short snippet (never a whole sentence of an article). */
function snippet(text: string): string {
  return text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text;
}

/** The golden content: what the dates, numbers and timeline stages make of the seeds. */
export function computeGolden(): unknown {
  return numbersDatesOf(readArticles(seedRaws()).articles);
}

/** What the dates, numbers and timeline stages make of articles already read (ids cut to their first 3 characters). */
export function numbersDatesOf(input: readonly Article[]): unknown {
  // The dates stage settles each article's date; figures and timeline read it from the articles it returns.
  const { articles, mentions: dates } = datesOfStory(input, { referenceDate: null });
  return {
    dates: dates.map((d) => ({
      article: d.articleId.slice(0, 3),
      text: d.text,
      date: d.date,
      precision: d.precision,
      inferred: d.inferred,
      rule: d.provenance.rule,
    })),
    numbers: findNumbers(articles, dates).map((n) => ({
      article: n.articleId.slice(0, 3),
      text: snippet(n.text),
      value: n.value,
      qualifier: n.qualifier,
      counts: n.counts,
      attribution: n.attribution,
      asOf: n.asOf ? { value: n.asOf.value, inferred: n.asOf.inferred } : null,
      rule: n.provenance.rule,
    })),
    timeline: buildTimeline(articles, dates).map((e) => ({
      date: e.date,
      precision: e.precision,
      inferred: e.inferred,
      text: snippet(e.text),
      articles: e.citations.map((c) => c.articleId.slice(0, 3)),
      rule: e.provenance.rule,
    })),
  };
}

/** Writes the golden file (skipped, with a note, when the shared seeds are absent). */
export async function regenerate(): Promise<void> {
  if (!existsSync(SEEDS)) {
    console.log(`numbers-dates: no seeds at ${SEEDS}, golden file left as is`);
    return;
  }
  mkdirSync(dirname(GOLDEN_FILE), { recursive: true });
  writeFileSync(GOLDEN_FILE, JSON.stringify(computeGolden(), null, 2) + '\n');
}
