import type { Span } from '../../model.js';
import type { QuotedSpan } from './find-quoted-spans.js';
import { SPEECH_CUES } from '../../lexicon/cue-verbs.js';

/** A sentence-like stretch of one paragraph whose boundaries never fall inside a quotation. */
export interface Segment extends Span {
  paragraph: number;
}

const ATTRIBUTION_WORDS = 10;
/**
 * Longest segment that sentences are joined into across false boundaries. The analysis of a segment looks at all of it
 * once per attribution in it, so a segment as long as a paragraph without full stops (cut into sentences by the reader)
 * would make that work grow with the square of the paragraph; real segments, quotations of several sentences with
 * their attribution, are far shorter. Twice the reader's longest sentence (`MAX_SENTENCE_CHARS`).
 */
export const MAX_SEGMENT_CHARS = 2000;

/**
 * True when the sentence `[pos, next)` only attributes the quotation that closes right before it ('"... missing." Trump
 * said.'): a few words with a speech cue and no quotation of their own.
 */
function attributesQuotation(text: string, pos: number, next: number): boolean {
  if (!/["”']\s*$/.test(text.slice(Math.max(0, pos - 3), pos))) return false;
  const sentence = text.slice(pos, next);
  if (/["“”]/.test(sentence)) return false;
  // A party-and-state parenthesis ("Sen. Chuck Schumer (D-N.Y.) said") adds no words to the speaker's name.
  const words =
    sentence
      .replace(/\([^()]{0,20}\)/g, ' ')
      .toLowerCase()
      .match(/[a-z’']+/g) ?? [];
  // The cue comes early ("Trump said.", "said one strategist, a ..."): a sentence of its own has more before it.
  const cue = words.findIndex(
    (w, k) => (SPEECH_CUES.has(w) && w !== 'read') || (/^(went|goes)$/.test(w) && words[k + 1] === 'on'),
  );
  // After a question or an exclamation the quotation has ended its own sentence: a cue among the first four words
  // attributes it however long the sentence goes on ('"You think I'm going to change?" Trump asked reporters ...').
  const asked = /[?!]["”']\s*$/.test(text.slice(Math.max(0, pos - 4), pos));
  return (
    (cue >= 0 && ((asked && cue <= 3) || (words.length <= ATTRIBUTION_WORDS && cue <= 4))) ||
    appositiveAttribution(sentence)
  );
}

/** A name, one or two appositions set off by commas, then the cue: "Murphy, the head of the PAC, tweeted on Friday". */
const APPOSITIVE_ATTRIBUTION =
  /^\s*\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}(?:\s*\([^()]{1,20}\))?(?:,[^,;:!?"“”()]{1,120}){1,2},\s+(?:\p{Ll}+ly\s+)?(\p{L}+)/u;

/** True when a sentence is a named speaker with appositions and a speech cue right after them. */
function appositiveAttribution(sentence: string): boolean {
  const m = APPOSITIVE_ATTRIBUTION.exec(sentence);
  return m !== null && SPEECH_CUES.has(m[1]!.toLowerCase());
}

/**
 * True when a sentence boundary at `pos` is not a real one: inside a quote, the next word is lower case or a comma, or
 * the next sentence only attributes the quotation before it.
 */
function isFalseBoundary(text: string, pos: number, next: number, quotes: readonly QuotedSpan[], q: number): boolean {
  const inQuote = quotes
    .slice(Math.max(0, q - 2), q + 2)
    .some((s) => s.open < pos && pos <= (s.close ?? s.end) && s.close !== null);
  if (inQuote) return true;
  // Inside a short parenthesis ("Schumer (D-N.| Y.) said"): an abbreviation's full stop, not a sentence end.
  if (/\([^()\s]{0,12}\s*$/.test(text.slice(Math.max(0, pos - 14), pos))) return true;
  const first = /\S/.exec(text.slice(pos, pos + 40));
  // A "sentence" starting in lower case or with a comma goes on the one before ("Rep. Lofgren (D-Calif.), who ...").
  return (first !== null && /[a-z,;)]/.test(first[0])) || attributesQuotation(text, pos, next);
}

/**
 * Cuts each paragraph into segments at sentence boundaries, except where the boundary is inside a closed quotation or
 * the text goes on in lower case (`"...," she added`), so that a quote and its attribution share a segment; a segment
 * already `maxChars` long (`MAX_SEGMENT_CHARS` unless given) ends at the next boundary.
 */
export function quoteAwareSegments(
  text: string,
  paragraphs: readonly Span[],
  sentences: readonly Span[],
  quotes: readonly QuotedSpan[],
  options: { maxChars?: number } = {},
): Segment[] {
  const maxChars = options.maxChars ?? MAX_SEGMENT_CHARS;
  const out: Segment[] = [];
  let s = 0;
  let q = 0;
  paragraphs.forEach((para, p) => {
    let start = para.start;
    while (s < sentences.length && sentences[s]!.start < para.start) s++;
    for (; s < sentences.length && sentences[s]!.start < para.end; s++) {
      const cut = sentences[s]!.start;
      if (cut <= start) continue;
      while (q < quotes.length && quotes[q]!.open < cut) q++;
      const next = Math.min(sentences[s + 1]?.start ?? para.end, para.end);
      if (cut - start < maxChars && isFalseBoundary(text, cut, next, quotes, q)) continue;
      out.push({ start, end: cut, paragraph: p });
      start = cut;
    }
    if (text.slice(start, para.end).trim()) out.push({ start, end: para.end, paragraph: p });
  });
  return out.map((g) => trimSpan(text, g));
}

/** Trims surrounding whitespace off a segment. */
function trimSpan(text: string, g: Segment): Segment {
  let { start, end } = g;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end, paragraph: g.paragraph };
}
