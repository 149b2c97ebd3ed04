// Scores the quote finder on PolNeAR (../shared/eval/quotes): content-span precision/recall/F1 for direct quotes and
// for all attributions, and how often the speaker of a matched quote is the true source. Prints the independent way
// (the figures to quote) and the legacy way, for comparison; both are described in scripts/lib/quote-scoring.ts.
//
// Usage: npm run eval:quotes [-- --split dev|train] [--limit N] [--list fn|fp|speaker] [--category direct|all]
// Defaults: the dev split, all articles. Develop on the train split; the dev split is for reporting.
// --list prints the misses of the independent way after the figures (of the first N articles with --limit): true
// attributions no prediction matched (fn), predictions that match nothing (fp, with the finder rule that proposed
// them), or matched attributions with the wrong speaker (speaker); --category picks quotations or all (default all).
// PolNeAR has one line per (article, annotator); each article is scored once, against its first annotator in file
// order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findEntities } from '../src/core/analyze/entities.js';
import { findQuotes } from '../src/core/analyze/quotes.js';
import { articleFromText } from '../src/core/article-from-text.js';
import type { Quote } from '../src/core/model.js';
import { createRunContext } from '../src/core/run-context.js';
import { SHARED_DIR } from '../test/helpers/shared.js';
import {
  addCounts,
  emptyCounts,
  explainIndependent,
  rates,
  scoreLegacy,
  type ExplainedCategory,
  type GoldSpan,
  type GoldAttribution,
  type QuoteCounts,
} from './lib/quote-scoring.js';

/** A PolNeAR article with its true attributions. */
export interface PolArticle {
  id: string;
  text: string;
  attributions: GoldAttribution[];
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The articles of a split, each once (its first annotator in file order). */
export function readSplit(split: string, limit: number): PolArticle[] {
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

const LIST_KINDS = ['fn', 'fp', 'speaker'] as const;
type ListKind = (typeof LIST_KINDS)[number];

/** A span's text on one line, cut to `max` characters. */
function clip(text: string, max = 200): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The text of a true span (its parts joined). */
function goldText(spans: readonly GoldSpan[]): string {
  return spans.map((s) => s.text).join(' … ');
}

/** The lines listing one article's misses of one kind. */
function listLines(doc: PolArticle, kind: ListKind, explained: ExplainedCategory<Quote>): string[] {
  const { errors } = explained;
  if (kind === 'fn') {
    return errors.falseNegatives.map(
      (a) =>
        `${doc.id}\tFN\tsource: ${clip(a.source?.text ?? '-', 60)}\tcue: ${a.cue?.text ?? '-'}\t${clip(goldText(a.content))}`,
    );
  }
  if (kind === 'fp') {
    return errors.falsePositives.map(
      (q) =>
        `${doc.id}\tFP ${q.kind}\t${q.provenance.rule}\tspeaker: ${clip(q.speaker?.name ?? '-', 60)}\tcue: ${q.cue ?? '-'}\t${clip(q.text)}`,
    );
  }
  return errors.wrongSpeakers.map(
    ({ gold, pred }) =>
      `${doc.id}\tSPEAKER\t${pred.provenance.rule}\tpredicted: ${clip(pred.speaker?.name ?? '-', 60)}\ttrue: ${clip(gold.source?.text ?? '-', 60)}\t${clip(pred.text)}`,
  );
}

/** The kind of misses asked for with --list, or null; exits with a message on an unknown kind. */
function listKind(args: readonly string[]): ListKind | null {
  const kind = option(args, '--list');
  if (kind === undefined) return null;
  if ((LIST_KINDS as readonly string[]).includes(kind)) return kind as ListKind;
  console.error(`--list takes one of ${LIST_KINDS.join(', ')}, not "${kind}"`);
  process.exit(2);
}

function main(): void {
  const args = process.argv.slice(2);
  const split = option(args, '--split') ?? 'dev';
  const limit = Number(option(args, '--limit') ?? Infinity);
  const list = listKind(args);
  const category = option(args, '--category') === 'direct' ? 'direct' : 'all';
  const listed: string[] = [];
  const docs = readSplit(split, limit);
  const independent = { direct: emptyCounts(), all: emptyCounts() };
  const legacy = { direct: emptyCounts(), all: emptyCounts() };
  const t0 = performance.now();
  for (const doc of docs) {
    const article = articleFromText(doc.id, doc.text, { source: 'polnear' });
    const ctx = createRunContext();
    const entities = findEntities([article], ctx);
    const quotes = findQuotes([article], entities, ctx);
    const explained = explainIndependent(doc.text, doc.attributions, quotes);
    const a = { direct: explained.direct.counts, all: explained.all.counts };
    if (list) listed.push(...listLines(doc, list, explained[category]));
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
  if (list) {
    console.log(`\n${listed.length} ${list} (${category}):`);
    for (const l of listed) console.log(l);
  }
}

// Run only as a script: scripts/learn-cues.ts imports readSplit.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
