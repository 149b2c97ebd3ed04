// Scoring predicted quotes against PolNeAR attributions, two ways:
//
// - "independent" (the way a scorer who did not write the finder would score it): quotations are scored as quotations
//   on both sides (true content opening with a quotation mark; predicted quotes of kind direct or partial, the words
//   inside quotation marks); a predicted quote nested inside another predicted quote is the same attribution, scored
//   once as the outer one; an unmatched prediction lying mostly inside the content of a true attribution that another
//   prediction matched is another part of that attribution ('"A," she said. "B."') and counts neither for nor against;
//   the speaker is right when the predicted mention overlaps the true source, or when the predicted name's last word is
//   a word of the true source text ("Donald Trump" for "Trump", "David Axelrod" for "Mr. Axelrod").
// - "legacy" (the finder's own scorer until issue 12): continuations joined to the quote before them by the finder's
//   own notion of the same attribution, direct quotes only, partial quotes nested in an indirect quote dropped, and a
//   carried speaker right when any mention of its entity overlaps the source.
//
// Both match one-to-one, largest overlap first: a prediction matches a true attribution when it covers at least half of
// the true content's word tokens.
import type { Entity, Quote, Span } from '../../src/core/model.js';

/** A PolNeAR span: offsets into the article text, with its discontinuous parts when it has some. */
export interface GoldSpan extends Span {
  text: string;
  fragments?: [number, number][];
}

/** A true attribution: who (source) said what (content, possibly in several parts). */
export interface GoldAttribution {
  source: GoldSpan | null;
  cue?: GoldSpan | null;
  content: GoldSpan[];
}

/** What the scorer reads of a predicted quote. */
export type PredictedQuote = Pick<Quote, 'start' | 'end' | 'kind' | 'cue' | 'speaker'> & { embed?: number };

/** Counts of one category. `neutral`: unmatched predictions that are another part of a matched attribution. */
export interface QuoteCounts {
  tp: number;
  fp: number;
  fn: number;
  neutral: number;
  speakerRight: number;
  speakerScored: number;
}

/** The counts of both categories: quotations (content opening with a quotation mark) and every attribution. */
export interface CategoryCounts {
  direct: QuoteCounts;
  all: QuoteCounts;
}

/** Zeroed counts. */
export function emptyCounts(): QuoteCounts {
  return { tp: 0, fp: 0, fn: 0, neutral: 0, speakerRight: 0, speakerScored: 0 };
}

/** Adds `b` into `a`. */
export function addCounts(a: QuoteCounts, b: QuoteCounts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
  a.neutral += b.neutral;
  a.speakerRight += b.speakerRight;
  a.speakerScored += b.speakerScored;
}

/** Precision, recall, F1 and speaker accuracy of counts. */
export function rates(c: QuoteCounts): { p: number; r: number; f1: number; speaker: number } {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return { p, r, f1, speaker: c.speakerRight / Math.max(1, c.speakerScored) };
}

type Range = [number, number];

/** Word-token index ranges of spans, so that overlap is counted in tokens. */
export class Tokens {
  private readonly starts: number[] = [];
  constructor(text: string) {
    for (const m of text.matchAll(/\w+/g)) this.starts.push(m.index);
  }
  /** Token indexes whose start lies in the span, as a half-open range. */
  range(s: Span): Range {
    return [this.firstAtOrAfter(s.start), this.firstAtOrAfter(s.end)];
  }
  private firstAtOrAfter(pos: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function overlap(a: readonly Range[], b: Range): number {
  let n = 0;
  for (const r of a) n += Math.max(0, Math.min(r[1], b[1]) - Math.max(r[0], b[0]));
  return n;
}

function size(rs: readonly Range[]): number {
  return rs.reduce((n, r) => n + Math.max(0, r[1] - r[0]), 0);
}

/** The token ranges of a true attribution's content, part by part. */
function goldRanges(a: GoldAttribution, tokens: Tokens): Range[] {
  return a.content.flatMap((s) =>
    (s.fragments ?? [[s.start, s.end]]).map(([start, end]) => tokens.range({ start, end })),
  );
}

/** True when a true attribution is a quotation: its content opens with a quotation mark. */
export function isDirectGold(a: GoldAttribution): boolean {
  return /^\s*["“”'‘]/.test(a.content[0]?.text ?? '');
}

/** One-to-one matches (true index, predicted index), largest overlap first. */
function match(g: readonly Range[][], p: readonly Range[]): [number, number][] {
  const pairs: [number, number, number][] = [];
  g.forEach((gr, i) => {
    const n = size(gr);
    p.forEach((pr, j) => {
      const o = overlap(gr, pr);
      if (n > 0 && o * 2 >= n) pairs.push([o, i, j]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of pairs) {
    if (usedG.has(i) || usedP.has(j)) continue;
    usedG.add(i);
    usedP.add(j);
    out.push([i, j]);
  }
  return out;
}

/** The words of a text, lower-cased. */
function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w !== 's');
}

/**
 * True when the predicted speaker is the true source: its mention overlaps the source span, or the last word of its
 * name is a word of the source text.
 */
export function speakerMatches(q: PredictedQuote, source: GoldSpan): boolean {
  const m = q.speaker?.mention;
  if (m && m.start < source.end && source.start < m.end) return true;
  const last = wordsOf(q.speaker?.name ?? '').at(-1);
  return last !== undefined && wordsOf(source.text).includes(last);
}

/** Drops predictions nested inside an earlier, longer (or equal) prediction: one attribution, scored as the outer. */
export function outermost<Q extends Span>(quotes: readonly Q[]): Q[] {
  const sorted = [...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Q[] = [];
  let reach = -1;
  for (const q of sorted) {
    if (q.end <= reach) continue;
    out.push(q);
    reach = q.end;
  }
  return out;
}

/** The errors behind one category's counts, for reading what the finder gets wrong. */
export interface CategoryErrors<Q extends PredictedQuote = PredictedQuote> {
  /** Predictions that match nothing and are no part of a matched attribution. */
  falsePositives: Q[];
  /** True attributions no prediction matched. */
  falseNegatives: GoldAttribution[];
  /** Matched pairs whose predicted speaker is not the true source. */
  wrongSpeakers: { gold: GoldAttribution; pred: Q }[];
}

/** The counts of one category of one article with the errors behind them. */
export interface ExplainedCategory<Q extends PredictedQuote = PredictedQuote> {
  counts: QuoteCounts;
  errors: CategoryErrors<Q>;
}

/** Scores one category of one article the independent way. */
function scoreIndependentCategory<Q extends PredictedQuote>(
  gold: readonly GoldAttribution[],
  pred: readonly Q[],
  tokens: Tokens,
): ExplainedCategory<Q> {
  const c = emptyCounts();
  const errors: CategoryErrors<Q> = { falsePositives: [], falseNegatives: [], wrongSpeakers: [] };
  const g = gold.map((a) => goldRanges(a, tokens));
  const p = pred.map((q) => tokens.range(q));
  const matches = match(g, p);
  const matchedG = new Set(matches.map(([i]) => i));
  const matchedP = new Set(matches.map(([, j]) => j));
  for (const [i, j] of matches) {
    const source = gold[i]!.source;
    if (!source) continue;
    c.speakerScored++;
    if (speakerMatches(pred[j]!, source)) c.speakerRight++;
    else errors.wrongSpeakers.push({ gold: gold[i]!, pred: pred[j]! });
  }
  c.tp = matches.length;
  c.fn = gold.length - matches.length;
  gold.forEach((a, i) => {
    if (!matchedG.has(i)) errors.falseNegatives.push(a);
  });
  p.forEach((pr, j) => {
    if (matchedP.has(j)) return;
    const n = pr[1] - pr[0];
    const partOf = [...matchedG].some((i) => n > 0 && overlap(g[i]!, pr) * 2 >= n);
    if (partOf) c.neutral++;
    else {
      c.fp++;
      errors.falsePositives.push(pred[j]!);
    }
  });
  return { counts: c, errors };
}

/** Scores one article the independent way, with the errors behind the counts. */
export function explainIndependent<Q extends PredictedQuote>(
  text: string,
  gold: readonly GoldAttribution[],
  pred: readonly Q[],
): { direct: ExplainedCategory<Q>; all: ExplainedCategory<Q> } {
  const tokens = new Tokens(text);
  const scored = gold.filter((a) => a.content.length > 0);
  const units = outermost(pred.filter((q) => q.embed === undefined));
  return {
    direct: scoreIndependentCategory(
      scored.filter(isDirectGold),
      units.filter((q) => q.kind !== 'indirect'),
      tokens,
    ),
    all: scoreIndependentCategory(scored, units, tokens),
  };
}

/** Scores one article the independent way: direct quotes and all attributions. */
export function scoreIndependent(
  text: string,
  gold: readonly GoldAttribution[],
  pred: readonly PredictedQuote[],
): CategoryCounts {
  const { direct, all } = explainIndependent(text, gold, pred);
  return { direct: direct.counts, all: all.counts };
}

// ---------------------------------------------------------------------------------------------------------------
// Legacy scoring (kept so that figures before and after issue 12 can be compared)
// ---------------------------------------------------------------------------------------------------------------

/** True when two quotes hang on the same attribution: the same cue and the same speaker mention. */
function sameAttribution(a: PredictedQuote, b: PredictedQuote): boolean {
  const ma = a.speaker?.mention;
  const mb = b.speaker?.mention;
  return a.cue !== null && a.cue === b.cue && ma != null && mb != null && ma.start === mb.start;
}

/**
 * Joins a continuation ('"A," she said. "B."': B with a carried speaker, or with the same attribution as A) to the last
 * direct quote before it, as the legacy scorer did.
 */
function joinContinuations<Q extends PredictedQuote>(quotes: readonly Q[]): Q[] {
  const out: Q[] = [];
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

function nestedPartial(q: PredictedQuote, all: readonly PredictedQuote[]): boolean {
  return q.kind === 'partial' && all.some((o) => o.kind === 'indirect' && o.start <= q.start && q.end <= o.end);
}

function legacySpeaker(q: PredictedQuote, source: GoldSpan, entities: ReadonlyMap<string, Entity>): boolean {
  const hits = (s: Span): boolean => s.start < source.end && source.start < s.end;
  const m = q.speaker?.mention;
  if (m) return hits(m);
  const e = q.speaker?.entityId ? entities.get(q.speaker.entityId) : undefined;
  return e ? e.mentions.some(hits) : false;
}

function scoreLegacyCategory(
  gold: readonly GoldAttribution[],
  pred: readonly PredictedQuote[],
  tokens: Tokens,
  entities: ReadonlyMap<string, Entity>,
): QuoteCounts {
  const c = emptyCounts();
  const matches = match(
    gold.map((a) => goldRanges(a, tokens)),
    pred.map((q) => tokens.range(q)),
  );
  for (const [i, j] of matches) {
    const source = gold[i]!.source;
    if (!source) continue;
    c.speakerScored++;
    if (legacySpeaker(pred[j]!, source, entities)) c.speakerRight++;
  }
  c.tp = matches.length;
  c.fn = gold.length - matches.length;
  c.fp = pred.length - matches.length;
  return c;
}

/** Scores one article the legacy way (the finder's own scorer before issue 12). */
export function scoreLegacy(
  text: string,
  gold: readonly GoldAttribution[],
  pred: readonly (PredictedQuote & { speaker: Quote['speaker'] })[],
  entities: readonly Entity[],
): CategoryCounts {
  const tokens = new Tokens(text);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const scored = gold.filter((a) => a.content.length > 0);
  const quotes = joinContinuations(pred);
  return {
    direct: scoreLegacyCategory(
      scored.filter(isDirectGold),
      quotes.filter((q) => q.kind === 'direct' && q.embed === undefined),
      tokens,
      byId,
    ),
    all: scoreLegacyCategory(
      scored,
      quotes.filter((q) => !nestedPartial(q, quotes)),
      tokens,
      byId,
    ),
  };
}
