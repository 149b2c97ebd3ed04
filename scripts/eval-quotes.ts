// Scores the quote finder on PolNeAR (../shared/eval/quotes): content-span precision/recall/F1 for direct quotes and for
// all attributions, and how often the speaker of a matched quote is the true source.
//
// Usage: npm run eval:quotes [-- --split dev|train] [--limit N]
// Defaults: the dev split, all articles. Development was done on the train split; the dev split is for reporting.
// PolNeAR has one line per (article, annotator); we score each article once, against its first annotator in file order.
// Matching: a predicted quote matches a true one when it covers at least half of the true content's word tokens; pairs
// are matched one-to-one, largest overlap first. "Direct": true content starting with a quotation mark; predicted
// quotes of kind "direct". "All": every true attribution; every predicted quote except partial quotes nested in a
// predicted indirect quote (the same attribution counted once). Speaker: the predicted speaker's mention overlaps the
// true source span; for a carried speaker (no mention) any mention of its entity overlapping the source counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities } from '../src/core/analyze/entities.js';
import { findQuotes } from '../src/core/analyze/quotes.js';
import type { Article, Entity, Quote, Span } from '../src/core/model.js';
import { SHARED_DIR } from '../test/helpers/shared.js';
import { articleFromText } from '../src/core/article-from-text.js';

interface PolSpan {
  start: number;
  end: number;
  text: string;
  /** Discontinuous parts of the span, when the annotation skips text (an attribution inside a quote). */
  fragments?: [number, number][];
}
interface PolAttribution {
  source: PolSpan | null;
  cue: PolSpan | null;
  content: PolSpan[];
}
interface PolArticle {
  id: string;
  text: string;
  attributions: PolAttribution[];
}

/** Word-token index ranges of spans, so overlap is counted in tokens. */
class Tokens {
  private readonly starts: number[] = [];
  constructor(text: string) {
    for (const m of text.matchAll(/\w+/g)) this.starts.push(m.index);
  }
  /** Token indexes whose start lies in the span. */
  range(s: Span): [number, number] {
    let lo = 0;
    while (lo < this.starts.length && this.starts[lo]! < s.start) lo++;
    let hi = lo;
    while (hi < this.starts.length && this.starts[hi]! < s.end) hi++;
    return [lo, hi];
  }
}

function overlap(a: [number, number][], b: [number, number]): number {
  let n = 0;
  for (const r of a) n += Math.max(0, Math.min(r[1], b[1]) - Math.max(r[0], b[0]));
  return n;
}

function articleOf(p: PolArticle): Article {
  return articleFromText(p.id, p.text, { source: 'polnear' });
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  speakerRight: number;
  speakerScored: number;
}

function speakerOverlaps(q: Quote, source: PolSpan, entities: ReadonlyMap<string, Entity>): boolean {
  const hits = (s: Span): boolean => s.start < source.end && source.start < s.end;
  const m = q.speaker?.mention;
  if (m) return hits(m);
  const e = q.speaker?.entityId ? entities.get(q.speaker.entityId) : undefined;
  return e ? e.mentions.some(hits) : false;
}

function score(
  gold: PolAttribution[],
  pred: Quote[],
  tokens: Tokens,
  entities: ReadonlyMap<string, Entity>,
  c: Counts,
): void {
  const g = gold.map((a) =>
    a.content.flatMap((s) => (s.fragments ?? [[s.start, s.end]]).map(([start, end]) => tokens.range({ start, end }))),
  );
  const p = pred.map((q) => tokens.range(q));
  const pairs: [number, number, number][] = [];
  g.forEach((gr, i) => {
    const size = gr.reduce((n, r) => n + r[1] - r[0], 0);
    p.forEach((pr, j) => {
      const o = overlap(gr, pr);
      if (size > 0 && o * 2 >= size) pairs.push([o, i, j]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedG.has(i) || usedP.has(j)) continue;
    usedG.add(i);
    usedP.add(j);
    const source = gold[i]!.source;
    if (source) {
      c.speakerScored++;
      if (speakerOverlaps(pred[j]!, source, entities)) c.speakerRight++;
    }
  }
  c.tp += usedG.size;
  c.fn += gold.length - usedG.size;
  c.fp += pred.length - usedP.size;
}

function isDirectGold(a: PolAttribution): boolean {
  return /^\s*["“”'‘]/.test(a.content[0]?.text ?? '');
}

/** True when two quotes hang on the same attribution: the same cue and the same speaker mention. */
function sameAttribution(a: Quote, b: Quote): boolean {
  const ma = a.speaker?.mention;
  const mb = b.speaker?.mention;
  return a.cue !== null && a.cue === b.cue && ma != null && mb != null && ma.start === mb.start;
}

/**
 * PolNeAR annotates '"A," she said. "B."' and '"A," she said, "B."' as one attribution whose content is A and B; our
 * finder gives B as its own quote, with the speaker carried (no cue, no mention) or with the same attribution as A.
 * For scoring, such a continuation joins the last direct quote before it (an indirect or partial quote found in the
 * attribution between them, such as an apposition after '"A," said X, a ...', does not break the chain).
 */
function joinContinuations(quotes: readonly Quote[]): Quote[] {
  const out: Quote[] = [];
  let lastDirect = -1;
  for (const q of quotes) {
    const prev = lastDirect >= 0 ? out[lastDirect] : undefined;
    const carried = q.cue === null && q.speaker?.inferred === true && q.speaker.mention === null;
    const near = prev !== undefined && q.start - prev.end < 300 && q.kind === 'direct';
    if (near && ((carried && prev.speaker?.name === q.speaker?.name) || sameAttribution(prev, q))) {
      out[lastDirect] = { ...prev, end: q.end };
      continue;
    }
    out.push(q);
    if (q.kind === 'direct') lastDirect = out.length - 1;
  }
  return out;
}

function nestedPartial(q: Quote, all: readonly Quote[]): boolean {
  return q.kind === 'partial' && all.some((o) => o.kind === 'indirect' && o.start <= q.start && q.end <= o.end);
}

function report(label: string, c: Counts): void {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  const f = (2 * p * r) / Math.max(1e-9, p + r);
  const s = c.speakerRight / Math.max(1, c.speakerScored);
  console.log(
    `${label.padEnd(16)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  ` +
      `speaker ${s.toFixed(3)} (${c.speakerRight}/${c.speakerScored})  [tp ${c.tp} fp ${c.fp} fn ${c.fn}]`,
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const split =
    args[args.indexOf('--split') + 1] && args.includes('--split') ? args[args.indexOf('--split') + 1]! : 'dev';
  const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
  const file = join(SHARED_DIR, 'eval', 'quotes', `polnear-${split}.jsonl`);
  const seen = new Set<string>();
  const docs: PolArticle[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as PolArticle;
    if (seen.has(doc.id)) continue;
    seen.add(doc.id);
    if (docs.length < limit) docs.push(doc);
  }
  const direct: Counts = { tp: 0, fp: 0, fn: 0, speakerRight: 0, speakerScored: 0 };
  const all: Counts = { ...direct };
  const t0 = performance.now();
  for (const doc of docs) {
    const article = articleOf(doc);
    const entities = findEntities([article]);
    const quotes = joinContinuations(findQuotes([article], entities));
    const byId = new Map(entities.map((e) => [e.id, e]));
    const tokens = new Tokens(doc.text);
    const gold = doc.attributions.filter((a) => a.content.length > 0);
    score(
      gold.filter(isDirectGold),
      quotes.filter((q) => q.kind === 'direct' && q.embed === undefined),
      tokens,
      byId,
      direct,
    );
    score(
      gold,
      quotes.filter((q) => !nestedPartial(q, quotes)),
      tokens,
      byId,
      all,
    );
  }
  const ms = performance.now() - t0;
  console.log(
    `PolNeAR ${split} split: ${docs.length} articles (first annotator each), ${(ms / docs.length).toFixed(1)} ms/article`,
  );
  report('direct quotes', direct);
  report('all attributions', all);
}

main();
