import type { Span } from '../../model.js';
import { statementStems } from '../../nlp/content-stems.js';

/** What a report (a sentence, a post) says of its event, for telling whether two reports tell the same one. */
export interface EventReport {
  /** Content word stems, without the date expressions. */
  stems: Set<string>;
  /** The figures it states ("498,000" as "498000"), years left out. */
  figures: Set<string>;
}

/** How the words of a story weigh: rare words tell events apart, words of every sentence do not. */
export interface StoryVocabulary {
  /** Number of reports (sentences, posts) counted. */
  reports: number;
  /** For each stem, the number of reports holding it. */
  frequency: Map<string, number>;
}

/** Content words two reports of one event share at least. */
const MIN_SHARED = 3;

/** Share of the weight of the lighter report's words that the two share at least. */
const MIN_SHARE = 0.3;

/** Share from which one match alone is taken for the same event (below it, two matches must agree). */
const STRONG_SHARE = 0.4;

/** Figures in a text: digits with their separators; a four-digit year alone is a date, not a figure. */
const FIGURE = /\d[\d,.]*\d|\d/g;

/** The text of `span` with the date expressions in it blanked (their days are compared apart). */
function withoutDates(text: string, span: Span, dateSpans: readonly Span[]): string {
  let out = '';
  let at = span.start;
  for (const d of [...dateSpans].sort((a, b) => a.start - b.start)) {
    if (d.end <= at || d.start >= span.end) continue;
    out += text.slice(at, Math.max(at, d.start)) + ' ';
    at = Math.min(span.end, d.end);
  }
  return out + text.slice(at, span.end);
}

/** The figures a text states, normalized ("1,400" and "1400" are one figure). */
function figuresOf(text: string): Set<string> {
  const figures = new Set<string>();
  for (const m of text.matchAll(FIGURE)) {
    const value = m[0].replace(/,/g, '').replace(/\.$/, '');
    if (/^(?:1[6-9]|20)\d\d$/.test(value)) continue;
    figures.add(value);
  }
  return figures;
}

/** What `span` of a text reports, with the date expressions in it left out. */
export function eventReport(text: string, span: Span, dateSpans: readonly Span[]): EventReport {
  const words = withoutDates(text, span, dateSpans);
  return { stems: statementStems(words), figures: figuresOf(words) };
}

/** A report computed on first use: most date expressions are never compared with an event. */
export function lazily<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** Counts the reports of a story that hold each stem. */
export function storyVocabulary(reports: readonly { stems: ReadonlySet<string> }[]): StoryVocabulary {
  const frequency = new Map<string, number>();
  for (const r of reports) for (const s of r.stems) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  return { reports: reports.length, frequency };
}

/**
 * The weight of a stem in a story: ln((reports + 1) / reports holding it), small for a word most reports hold (smoothed
 * so that a story of two reports still weighs the words they share).
 */
function weightOf(stem: string, vocabulary: StoryVocabulary): number {
  const n = vocabulary.reports + 1;
  return Math.log(n / Math.min(n - 1, Math.max(1, vocabulary.frequency.get(stem) ?? 1)));
}

/** True when two sets of figures can describe one event: one states none, or they share one. */
function figuresAgree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  for (const f of a) if (b.has(f)) return true;
  return false;
}

/** How surely two reports tell the same event: "strong" stands alone, "weak" needs another match that agrees. */
export type EventMatch = 'strong' | 'weak' | null;

/**
 * Whether two reports tell the same event: their figures agree (the weekly jobless claims of two Thursdays do not),
 * they share at least three content words, and the shared words carry at
 * least 30% of the weight of the lighter report's words ("weak"), or 40% ("strong"). Words weigh by how rare they are
 * in the story, so that the names every sentence holds tell nothing. Whether their days agree is checked apart.
 */
export function eventMatch(a: EventReport, b: EventReport, vocabulary: StoryVocabulary): EventMatch {
  if (!figuresAgree(a.figures, b.figures)) return null;
  let shared = 0;
  let sharedWeight = 0;
  let weightA = 0;
  let weightB = 0;
  for (const s of a.stems) {
    const w = weightOf(s, vocabulary);
    weightA += w;
    if (b.stems.has(s)) {
      shared++;
      sharedWeight += w;
    }
  }
  for (const s of b.stems) weightB += weightOf(s, vocabulary);
  const share = sharedWeight / Math.max(Math.min(weightA, weightB), Number.EPSILON);
  if (shared < MIN_SHARED || share < MIN_SHARE) return null;
  return share >= STRONG_SHARE ? 'strong' : 'weak';
}
