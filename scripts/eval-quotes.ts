// Scores the quote finder on PolNeAR (../shared/eval/quotes): content-span precision/recall/F1 for direct quotes and
// for all attributions, and how often the speaker of a matched quote is the true source. Prints the independent way
// (the figures to quote) and the legacy way, for comparison; both are described in scripts/lib/quote-scoring.ts.
//
// Usage: npm run eval:quotes [-- --split dev|train] [--limit N]
// Defaults: the dev split, all articles. Develop on the train split; the dev split is for reporting.
// PolNeAR has one line per (article, annotator); each article is scored once, against its first annotator in file
// order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities } from '../src/core/analyze/entities.js';
import { findQuotes } from '../src/core/analyze/quotes.js';
import { articleFromText } from '../src/core/article-from-text.js';
import { SHARED_DIR } from '../test/helpers/shared.js';
import {
  addCounts,
  emptyCounts,
  rates,
  scoreIndependent,
  scoreLegacy,
  type GoldAttribution,
  type QuoteCounts,
} from './lib/quote-scoring.js';

interface PolArticle {
  id: string;
  text: string;
  attributions: GoldAttribution[];
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The articles of a split, each once (its first annotator in file order). */
function readSplit(split: string, limit: number): PolArticle[] {
  const file = join(SHARED_DIR, 'eval', 'quotes', `polnear-${split}.jsonl`);
  const seen = new Set<string>();
  const docs: PolArticle[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || docs.length >= limit) continue;
    const doc = JSON.parse(line) as PolArticle;
    if (seen.has(doc.id)) continue;
    seen.add(doc.id);
    docs.push(doc);
  }
  return docs;
}

function line(label: string, c: QuoteCounts): string {
  const r = rates(c);
  const neutral = c.neutral > 0 ? ` neutral ${c.neutral}` : '';
  return (
    `  ${label.padEnd(17)} P ${r.p.toFixed(3)}  R ${r.r.toFixed(3)}  F1 ${r.f1.toFixed(3)}  ` +
    `speaker ${r.speaker.toFixed(3)} (${c.speakerRight}/${c.speakerScored})  [tp ${c.tp} fp ${c.fp} fn ${c.fn}${neutral}]`
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const split = option(args, '--split') ?? 'dev';
  const limit = Number(option(args, '--limit') ?? Infinity);
  const docs = readSplit(split, limit);
  const independent = { direct: emptyCounts(), all: emptyCounts() };
  const legacy = { direct: emptyCounts(), all: emptyCounts() };
  const t0 = performance.now();
  for (const doc of docs) {
    const article = articleFromText(doc.id, doc.text, { source: 'polnear' });
    const entities = findEntities([article]);
    const quotes = findQuotes([article], entities);
    const a = scoreIndependent(doc.text, doc.attributions, quotes);
    const b = scoreLegacy(doc.text, doc.attributions, quotes, entities);
    addCounts(independent.direct, a.direct);
    addCounts(independent.all, a.all);
    addCounts(legacy.direct, b.direct);
    addCounts(legacy.all, b.all);
  }
  const ms = performance.now() - t0;
  console.log(
    `PolNeAR ${split} split: ${docs.length} articles (first annotator each), ${(ms / docs.length).toFixed(1)} ms/article`,
  );
  console.log('independent scoring (nested predictions once, other parts of a matched attribution neutral):');
  console.log(line('direct quotes', independent.direct));
  console.log(line('all attributions', independent.all));
  console.log('legacy scoring (continuations joined by the finder, carried speakers by entity mentions):');
  console.log(line('direct quotes', legacy.direct));
  console.log(line('all attributions', legacy.all));
}

main();
