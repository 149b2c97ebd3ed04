/**
 * A bound on sentence length. The analysis looks at each sentence as a unit (its quotes and speakers, its clauses
 * around a date, its figures), often once per thing found in it, so a "sentence" as long as the text (a text without
 * full stops) makes that work grow with the square of the text. Real sentences are far shorter than the bound (the
 * longest of about 17,000 in the seeds, the extraction pages, NeuS and PolNeAR has 481 characters), so they are never
 * split; a longer span is cut into pieces at clause punctuation, else at white space, else anywhere.
 */
import type { Sentence, Span } from '../model.js';
import { readProvenance } from './provenance.js';

/** Longest sentence kept whole, in characters. */
export const MAX_SENTENCE_CHARS = 1000;

/** Punctuation that ends a clause, after which a long sentence is best cut. */
const CLAUSE_END = /[,;:—–)]/;

/** True for a white-space character. */
function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** Where to end a piece that starts at `start`, no later than `limit`: after clause punctuation, else at a space. */
function cutPoint(text: string, start: number, limit: number): number {
  let space = -1;
  // The latter half is searched: pieces stay long, and a cut is found within a bounded stretch.
  for (let i = limit; i > start + (limit - start) / 2; i--) {
    if (!isSpace(text[i])) continue;
    if (CLAUSE_END.test(text[i - 1] ?? '')) return i;
    if (space < 0) space = i;
  }
  if (space >= 0) return space;
  // No white space at all: cut anywhere, but not inside a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** The rule a piece of an over-long sentence names in its provenance. */
export const LONG_SPLIT_RULE = 'long-split';

/** The pieces of one span, each at most `max` characters, without white space at their ends. */
function splitSpan(text: string, span: Span, max: number): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (start < span.end) {
    while (start < span.end && isSpace(text[start])) start++;
    if (start >= span.end) break;
    if (span.end - start <= max) {
      out.push({ start, end: span.end });
      break;
    }
    const cut = cutPoint(text, start, start + max);
    let end = cut;
    while (end > start && isSpace(text[end - 1])) end--;
    out.push({ start, end });
    start = cut;
  }
  return out;
}

/** The sentences with every one longer than `max` characters cut into pieces (the others as they are). */
export function splitLongSentences(text: string, spans: readonly Sentence[], max = MAX_SENTENCE_CHARS): Sentence[] {
  if (spans.every((s) => s.end - s.start <= max)) return [...spans];
  const piece = readProvenance(LONG_SPLIT_RULE);
  return spans.flatMap((s) =>
    s.end - s.start <= max ? [s] : splitSpan(text, s, max).map((p) => ({ ...p, provenance: piece })),
  );
}
