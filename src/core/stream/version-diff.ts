/**
 * What changed between two versions of one article (an article edited in place): the headline, the sentences added
 * and removed, and for a sentence that was reworded rather than replaced, the figures and quotes that changed in it.
 * Sentences are compared whole (white space aside) with a longest-common-subsequence diff; a removed sentence and an
 * added one in the same place that share most of their words are one reworded sentence. Every sentence carries its
 * offsets into its own version's cleaned text, so that a change can be shown and cited in place.
 */
import { diffArrays } from 'diff';
import type { Span } from '../model.js';
import { paragraphSpans } from '../read/paragraphs.js';
import { segmentSentences } from '../read/sentences.js';
import { normalizeForHash, wordsOf } from './text-fingerprint.js';

/** One version as the diff reads it: its headline and its cleaned text. */
export interface VersionText {
  title: string | null;
  text: string;
}

/** A sentence of one version: its offsets into that version's text, and its text. */
export interface SentenceRef extends Span {
  text: string;
}

/** Figures or quotes of a reworded sentence: those only in the older version, and those only in the newer one. */
export interface ChangedValues {
  before: string[];
  after: string[];
}

/** A sentence reworded in place: the older wording, the newer one, and the figures and quotes that changed. */
export interface ChangedSentence {
  before: SentenceRef;
  after: SentenceRef;
  /** Share of the two wordings' words that they have in common (0..1). */
  similarity: number;
  figures: ChangedValues;
  quotes: ChangedValues;
}

/** What changed from one version to the next. */
export interface VersionDiff {
  /** The headline before and after, when it changed; null when it did not. */
  headline: { before: string | null; after: string | null } | null;
  /** Sentences only in the newer version (offsets into the newer text). */
  added: SentenceRef[];
  /** Sentences only in the older version (offsets into the older text). */
  removed: SentenceRef[];
  /** Sentences reworded in place. */
  changed: ChangedSentence[];
  /** Figures of the whole article that are only in the older version, and only in the newer one. */
  figures: ChangedValues;
  /** Quotations of the whole article that are only in the older version, and only in the newer one. */
  quotes: ChangedValues;
  /** Sentences the two versions share. */
  unchanged: number;
  /** True when the versions were too different to align sentence by sentence: everything is removed and added. */
  rewritten: boolean;
}

/** Limits of the diff (its cost grows with the number of differences, not only with the length). */
export interface VersionDiffOptions {
  /** Least share of shared words for a removed and an added sentence to be one reworded sentence (default 0.5). */
  minSimilarity?: number;
  /** Most sentence edits aligned; beyond it the versions count as rewritten (default 2000). */
  maxEdits?: number;
}

/** Figures: numbers with their sign, currency, decimals and unit words ("$1.2 billion", "52%", "3,400 people"). */
const FIGURE =
  /(?:[$€£¥]\s?)?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:%|(?:percent|per cent|thousand|million|billion|trillion|bn|m|k)\b))?/giu;
/** Quotations: text between typographic or straight double quotes (three characters or more). */
const QUOTE = /[“"]([^“”"\n]{3,}?)[”"]/gu;

/** The sentences of a cleaned text, with their offsets. */
function sentencesOf(text: string): SentenceRef[] {
  return segmentSentences(text, paragraphSpans(text)).map((s) => ({
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
  }));
}

/** All matches of a global pattern (its first group when it has one), white space collapsed, end punctuation dropped. */
function matchesOf(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)]
    .map((m) =>
      (m[1] ?? m[0])
        .replace(/\s+/gu, ' ')
        .trim()
        .replace(/[,;:]+$/u, ''),
    )
    .filter((v) => v !== '');
}

/** Values only in `before` and only in `after`, counted as multisets (a figure stated twice and then once changed). */
function multisetChange(before: readonly string[], after: readonly string[]): ChangedValues {
  const left = new Map<string, number>();
  for (const v of before) left.set(v, (left.get(v) ?? 0) + 1);
  const onlyAfter: string[] = [];
  for (const v of after) {
    const n = left.get(v) ?? 0;
    if (n > 0) left.set(v, n - 1);
    else onlyAfter.push(v);
  }
  const onlyBefore: string[] = [];
  for (const v of before) {
    const n = left.get(v) ?? 0;
    if (n > 0) {
      onlyBefore.push(v);
      left.set(v, n - 1);
    }
  }
  return { before: onlyBefore, after: onlyAfter };
}

/** Share of words two sentences have in common (Dice coefficient over word sets). */
function wordSimilarity(a: string, b: string): number {
  const x = new Set(wordsOf(a));
  const y = new Set(wordsOf(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Most removed-by-added sentence pairs compared in one place of the text (a bound on the pairing's cost). */
const MAX_PAIRS = 250_000;

/**
 * Pairs the removed and added sentences of one place of the text: each removed sentence with the added one most like
 * it (in order, each used once), when they share enough words. The rest stay removed or added.
 */
function pairReworded(
  removed: readonly SentenceRef[],
  added: readonly SentenceRef[],
  minSimilarity: number,
): { changed: ChangedSentence[]; removed: SentenceRef[]; added: SentenceRef[] } {
  if (removed.length * added.length > MAX_PAIRS) return { changed: [], removed: [...removed], added: [...added] };
  const used = new Set<number>();
  const changed: ChangedSentence[] = [];
  const leftOver: SentenceRef[] = [];
  let from = 0;
  for (const before of removed) {
    let best = -1;
    let bestScore = minSimilarity;
    for (let j = from; j < added.length; j++) {
      if (used.has(j)) continue;
      const score = wordSimilarity(before.text, added[j]!.text);
      if (score >= bestScore && (best === -1 || score > bestScore)) {
        best = j;
        bestScore = score;
      }
    }
    if (best === -1) {
      leftOver.push(before);
      continue;
    }
    used.add(best);
    // Keep the pairs in text order: a later removed sentence pairs only with a later added one.
    from = best + 1;
    const after = added[best]!;
    changed.push({
      before,
      after,
      similarity: Math.round(bestScore * 1000) / 1000,
      figures: multisetChange(matchesOf(FIGURE, before.text), matchesOf(FIGURE, after.text)),
      quotes: multisetChange(matchesOf(QUOTE, before.text), matchesOf(QUOTE, after.text)),
    });
  }
  return { changed, removed: leftOver, added: added.filter((_, j) => !used.has(j)) };
}

/** The headline change, or null when the headline is the same (white space aside). */
function headlineChange(before: string | null, after: string | null): VersionDiff['headline'] {
  const norm = (t: string | null) => (t === null ? null : normalizeForHash(t) || null);
  return norm(before) === norm(after) ? null : { before, after };
}

/** What changed from `older` to `newer`. Pure and deterministic. */
export function diffVersions(older: VersionText, newer: VersionText, options: VersionDiffOptions = {}): VersionDiff {
  const minSimilarity = options.minSimilarity ?? 0.5;
  const a = sentencesOf(older.text);
  const b = sentencesOf(newer.text);
  const keys = (list: readonly SentenceRef[]) => list.map((s) => normalizeForHash(s.text));
  const changes = diffArrays(keys(a), keys(b), { maxEditLength: options.maxEdits ?? 2000 });
  const result: VersionDiff = {
    headline: headlineChange(older.title, newer.title),
    added: [],
    removed: [],
    changed: [],
    figures: multisetChange(matchesOf(FIGURE, older.text), matchesOf(FIGURE, newer.text)),
    quotes: multisetChange(matchesOf(QUOTE, older.text), matchesOf(QUOTE, newer.text)),
    unchanged: 0,
    rewritten: changes === undefined,
  };
  if (changes === undefined) return { ...result, removed: a, added: b };
  let i = 0;
  let j = 0;
  let removedHere: SentenceRef[] = [];
  let addedHere: SentenceRef[] = [];
  const flush = (): void => {
    const paired = pairReworded(removedHere, addedHere, minSimilarity);
    result.changed.push(...paired.changed);
    result.removed.push(...paired.removed);
    result.added.push(...paired.added);
    removedHere = [];
    addedHere = [];
  };
  for (const change of changes) {
    if (change.removed) {
      removedHere.push(...a.slice(i, i + change.count));
      i += change.count;
    } else if (change.added) {
      addedHere.push(...b.slice(j, j + change.count));
      j += change.count;
    } else {
      flush();
      result.unchanged += change.count;
      i += change.count;
      j += change.count;
    }
  }
  flush();
  return result;
}
