// Learns the cue lexicon of the learned-cue finder (src/core/lexicon/learned-cues.json) from the PolNeAR train split
// only (first annotator per article, as scripts/eval-quotes.ts reads it). For every word form (lower-cased, with its
// part of speech; also a word with the function word after it: "support for", "questions about") that no quote of the
// other finders covers, it counts its occurrences, how many lie in the cue of a true attribution that no other finder
// matched (cueHits, and on which side that attribution's content lies), and, for each reading the finder can give it
// (the clause after, the rest of the sentence after; any subject or only one that names people), how many of the
// quotes that reading would propose match a true attribution (tp) or none (fp). A form is kept with its best reading
// when both its cueHits and that reading's tp reach `minTruePositives` and the reading's precision is above
// `minPrecision`; both thresholds are chosen by two-fold cross-validation on the train split (learn on one half, run
// the finder with it on the other half and score it as eval:quotes does). Only word statistics go into the file: no
// article text beyond single cue words.
//
// Usage: npm run learn:cues [-- --limit N] [--out FILE]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findEntities } from '../src/core/analyze/entities.js';
import { findQuotes } from '../src/core/analyze/quotes.js';
import { withLearnedCues, type LearnedProbe } from '../src/core/analyze/quotes/find-learned-cues.js';
import { articleFromText } from '../src/core/article-from-text.js';
import {
  LEARNED_CONTENTS,
  LEARNED_SUBJECTS,
  lexiconOf,
  type LearnedCue,
  type LearnedCueEntry,
  type LearnedCueFile,
  type LearnedLexicon,
} from '../src/core/lexicon/learned-cues.js';
import type { Article, Entity, Quote, Span } from '../src/core/model.js';
import { createRunContext, type RunContext } from '../src/core/run-context.js';
import { readSplit, type PolArticle } from './eval-quotes.js';
import { addCounts, emptyCounts, explainIndependent, rates, Tokens, type QuoteCounts } from './lib/quote-scoring.js';

/** The default output: the lexicon file the core imports. */
export const LEXICON_PATH = join(import.meta.dirname, '..', 'src', 'core', 'lexicon', 'learned-cues.json');

/** The train split's articles, each once (its first annotator in file order), at most `limit`. */
export function readTrain(limit = Infinity): PolArticle[] {
  return readSplit('train', limit);
}

/** A train article read once: its entities, its run context (shared by every run), and the other finders' quotes. */
interface Prepared {
  doc: PolArticle;
  article: Article;
  entities: Entity[];
  ctx: RunContext;
  base: Quote[];
  probes: LearnedProbe[];
}

/** A lexicon that holds every form: the probe run records every form the finder could read. */
class EveryForm extends Map<string, LearnedCue> {
  override has(): boolean {
    return true;
  }
}

function prepare(doc: PolArticle): Prepared {
  const article = articleFromText(doc.id, doc.text, { source: 'polnear' });
  const ctx = createRunContext();
  const entities = findEntities([article]);
  const probes: LearnedProbe[] = [];
  const base = findQuotes([article], entities, withLearnedCues(ctx, { lexicon: new EveryForm(), probe: probes }));
  return { doc, article, entities, ctx, base, probes };
}

type Range = [number, number];

function overlap(a: readonly Range[], b: Range): number {
  return a.reduce((n, r) => n + Math.max(0, Math.min(r[1], b[1]) - Math.max(r[0], b[0])), 0);
}

function size(rs: readonly Range[]): number {
  return rs.reduce((n, r) => n + Math.max(0, r[1] - r[0]), 0);
}

/** A reading's name: content and subject ("after-clause/people"). */
type Reading = `${LearnedCue['content']}/${LearnedCue['subject']}`;
const READINGS: LearnedCue[] = LEARNED_SUBJECTS.flatMap((subject) =>
  LEARNED_CONTENTS.map((content) => ({ content, subject })),
);
const readingOf = (r: LearnedCue): Reading => `${r.content}/${r.subject}`;

/** The counts of one form on a set of articles. */
interface FormStats {
  occurrences: number;
  cueHits: number;
  after: number;
  before: number;
  readings: Map<Reading, { tp: number; fp: number }>;
}

/** What one probe occurrence scores: per content, tp, fp or neutral (inside a true attribution already matched). */
interface ScoredProbe {
  key: string;
  people: boolean;
  cueHit: 'after' | 'before' | null;
  outcome: Partial<Record<LearnedCue['content'], 'tp' | 'fp' | 'neutral'>>;
}

/** Scores the probe occurrences of one article against its true attributions. */
function scoreProbes(p: Prepared): ScoredProbe[] {
  const tokens = new Tokens(p.doc.text);
  const gold = p.doc.attributions.filter((a) => a.content.length > 0);
  const missed = new Set(explainIndependent(p.doc.text, gold, p.base).all.errors.falseNegatives);
  const ranges = gold.map((a) =>
    a.content.flatMap((s) => (s.fragments ?? [[s.start, s.end]]).map(([start, end]) => tokens.range({ start, end }))),
  );
  const outcomeOf = (s: Span): 'tp' | 'fp' | 'neutral' => {
    const r = tokens.range(s);
    const n = r[1] - r[0];
    const hit = (i: number): boolean => size(ranges[i]!) > 0 && overlap(ranges[i]!, r) * 2 >= size(ranges[i]!);
    if (gold.some((a, i) => missed.has(a) && hit(i))) return 'tp';
    const inside = gold.some((a, i) => !missed.has(a) && n > 0 && overlap(ranges[i]!, r) * 2 >= n);
    return inside ? 'neutral' : 'fp';
  };
  return p.probes.map((probe) => {
    const cueOf = gold.find(
      (a) => missed.has(a) && a.cue && a.cue.start <= probe.cue.start && probe.cue.start < a.cue.end,
    );
    const first = cueOf?.content[0];
    const cueHit = cueOf && first ? (first.start >= cueOf.cue!.start ? 'after' : 'before') : null;
    const outcome: ScoredProbe['outcome'] = {};
    for (const content of LEARNED_CONTENTS) {
      const span = probe.contents[content];
      if (span) outcome[content] = outcomeOf(span);
    }
    return { key: probe.key, people: probe.people, cueHit, outcome };
  });
}

/** The counts of every form over a set of scored articles. */
function formStats(scored: readonly ScoredProbe[][]): Map<string, FormStats> {
  const stats = new Map<string, FormStats>();
  for (const probe of scored.flat()) {
    let s = stats.get(probe.key);
    if (!s) stats.set(probe.key, (s = { occurrences: 0, cueHits: 0, after: 0, before: 0, readings: new Map() }));
    s.occurrences++;
    if (probe.cueHit) {
      s.cueHits++;
      s[probe.cueHit]++;
    }
    for (const reading of READINGS) {
      const outcome = probe.outcome[reading.content];
      if (!outcome || outcome === 'neutral' || (reading.subject === 'people' && !probe.people)) continue;
      const name = readingOf(reading);
      const c = s.readings.get(name) ?? { tp: 0, fp: 0 };
      c[outcome]++;
      s.readings.set(name, c);
    }
  }
  return stats;
}

/** The thresholds a form's best reading must pass. */
export interface Selection {
  minTruePositives: number;
  minPrecision: number;
}

/**
 * The lexicon entries of the forms whose best reading passes the thresholds: the reading that adds most to F1 (tp less
 * `minPrecision` times the quotes it proposes), sorted by form and part of speech.
 */
function select(stats: ReadonlyMap<string, FormStats>, sel: Selection): LearnedCueEntry[] {
  const out: LearnedCueEntry[] = [];
  for (const [key, s] of stats) {
    // The form itself must head true cues that often, not only propose contents that happen to match.
    if (s.cueHits < sel.minTruePositives) continue;
    let best: { reading: LearnedCue; tp: number; fp: number; value: number } | null = null;
    for (const reading of READINGS) {
      const c = s.readings.get(readingOf(reading));
      if (!c || c.tp < sel.minTruePositives) continue;
      const value = c.tp - sel.minPrecision * (c.tp + c.fp);
      if (value > 0 && (!best || value > best.value)) best = { reading, ...c, value };
    }
    if (!best) continue;
    const slash = key.lastIndexOf('/');
    const { occurrences, cueHits } = s;
    out.push({
      form: key.slice(0, slash),
      pos: key.slice(slash + 1),
      ...best.reading,
      occurrences,
      cueHits,
      tp: best.tp,
      fp: best.fp,
    });
  }
  return out.sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : 0));
}

/** The independent counts (all attributions, direct quotes) of the finder run with a lexicon on some articles. */
function evaluate(docs: readonly Prepared[], lexicon: LearnedLexicon): { all: QuoteCounts; direct: QuoteCounts } {
  const all = emptyCounts();
  const direct = emptyCounts();
  for (const p of docs) {
    const quotes = findQuotes([p.article], p.entities, withLearnedCues(p.ctx, { lexicon }));
    const explained = explainIndependent(p.doc.text, p.doc.attributions, quotes);
    addCounts(all, explained.all.counts);
    addCounts(direct, explained.direct.counts);
  }
  return { all, direct };
}

function f1(c: QuoteCounts): string {
  return rates(c).f1.toFixed(3);
}

/**
 * The thresholds the cross-validation tries. A kept form must be right more often than wrong on train (precision above
 * 0.5): its quotes are shown to readers, and a looser one (0.4) let in forms such as "out" and "made" whose quotes were
 * mostly narration, for no gain in held-out F1.
 */
export const GRID: readonly Selection[] = [2, 3, 5, 8].flatMap((minTruePositives) =>
  [0.5, 0.6, 0.7].map((minPrecision) => ({ minTruePositives, minPrecision })),
);

/** One cross-validated setting: the summed counts on the held-out halves, before and with the learned cues. */
interface CvResult {
  sel: Selection;
  base: { all: QuoteCounts; direct: QuoteCounts };
  learned: { all: QuoteCounts; direct: QuoteCounts };
  size: number;
}

function cvLine(r: CvResult): string {
  const dTp = r.learned.all.tp - r.base.all.tp;
  const dFp = r.learned.all.fp - r.base.all.fp;
  const q = dTp / Math.max(1, dTp + dFp);
  return (
    `minTruePositives ${r.sel.minTruePositives} minPrecision ${r.sel.minPrecision}: lexicon ${r.size} forms (mean of 2), ` +
    `all F1 ${f1(r.base.all)} -> ${f1(r.learned.all)} (+tp ${dTp} +fp ${dFp}, precision of the added ${q.toFixed(3)}), ` +
    `direct F1 ${f1(r.base.direct)} -> ${f1(r.learned.direct)}, speaker ${rates(r.learned.all).speaker.toFixed(3)}`
  );
}

/** Two-fold cross-validation of one setting: learn on the odd (even) articles, run and score on the even (odd). */
function crossValidate(docs: readonly Prepared[], scored: readonly ScoredProbe[][], sel: Selection): CvResult {
  const add = (a: { all: QuoteCounts; direct: QuoteCounts }, b: { all: QuoteCounts; direct: QuoteCounts }): void => {
    addCounts(a.all, b.all);
    addCounts(a.direct, b.direct);
  };
  const base = { all: emptyCounts(), direct: emptyCounts() };
  const learned = { all: emptyCounts(), direct: emptyCounts() };
  let sizes = 0;
  for (const fold of [0, 1]) {
    const learnOn = scored.filter((_, i) => i % 2 !== fold);
    const testOn = docs.filter((_, i) => i % 2 === fold);
    const entries = select(formStats(learnOn), sel);
    sizes += entries.length;
    add(base, evaluate(testOn, new Map()));
    add(learned, evaluate(testOn, lexiconOf(entries)));
  }
  return { sel, base, learned, size: Math.round(sizes / 2) };
}

/** True when a setting is allowed (the added quotes are precise enough) and beats the best so far. */
function better(r: CvResult, best: CvResult | null): boolean {
  const dTp = r.learned.all.tp - r.base.all.tp;
  const dFp = r.learned.all.fp - r.base.all.fp;
  if (dTp < 0.5 * (dTp + dFp)) return false;
  return !best || rates(r.learned.all).f1 > rates(best.learned.all).f1;
}

/** Learns the lexicon file from train articles: cross-validates the grid, then learns on all with the best setting. */
export function learnCues(
  train: readonly PolArticle[],
  grid: readonly Selection[] = GRID,
  log: (line: string) => void = () => {},
): LearnedCueFile {
  const docs = train.map(prepare);
  const scored = docs.map(scoreProbes);
  const results = grid.map((sel) => crossValidate(docs, scored, sel));
  let best: CvResult | null = null;
  for (const r of results) {
    log(cvLine(r));
    if (better(r, best)) best = r;
  }
  const sel = best?.sel ?? grid[0]!;
  const stats = formStats(scored);
  const cues = select(stats, sel);
  return {
    about:
      'Cue forms of the learned-cue finder (quotes/learned-cue), learned from word statistics of the PolNeAR train ' +
      `split (${train.length} articles, first annotator each) by scripts/learn-cues.ts: a form (lower-cased, with the ` +
      'part of speech of its first word) is kept with its best reading when that reading proposed at least ' +
      'minTruePositives quotes matching a true attribution no other finder matched, with a precision above ' +
      'minPrecision. Thresholds chosen by two-fold cross-validation on the train split (crossValidation: the held-out ' +
      'figures of each setting, independent scoring). Regenerate; do not edit by hand.',
    command: 'npm run learn:cues',
    selection: sel,
    crossValidation: results.map(cvLine),
    cues,
  };
}

/** The per-form contribution on train: the forms with most tp and most fp. */
function contribution(file: LearnedCueFile): string[] {
  const top = (by: (e: LearnedCueEntry) => number): string =>
    [...file.cues]
      .sort((a, b) => by(b) - by(a))
      .slice(0, 15)
      .map((e) => `${e.form}/${e.pos} ${e.content}/${e.subject} tp ${e.tp} fp ${e.fp}`)
      .join('; ');
  return [`top forms by tp: ${top((e) => e.tp)}`, `top forms by fp: ${top((e) => e.fp)}`];
}

function main(): void {
  const args = process.argv.slice(2);
  const at = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const train = readTrain(Number(at('--limit') ?? Infinity));
  const t0 = performance.now();
  const file = learnCues(train, GRID, (l) => console.log(`cv ${l}`));
  console.log(`chosen: ${JSON.stringify(file.selection)}; lexicon ${file.cues.length} forms`);
  for (const l of contribution(file)) console.log(l);
  const out = at('--out') ?? LEXICON_PATH;
  writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`wrote ${out} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
