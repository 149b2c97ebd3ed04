import type { Span } from '../../model.js';
import type { QuotedSpan } from './find-quoted-spans.js';
import { SPEECH_CUES } from '../../lexicon/cue-verbs.js';

/** Words a title leaves in lower case ("Meet the Press", "The Art of the Deal"). */
const MINOR = new Set(
  'a an the and or but nor of to in on at by for with from as into vs via de la le el del y et is are be it its'.split(
    ' ',
  ),
);
const MAX_TITLE_WORDS = 12;
/** Verbs whose object is the hearer: a title right after them names a show or paper, not speech. */
const TOLD = new Set(['told', 'tells', 'tell', 'telling']);

/** The words of a text: runs of letters and digits with inner apostrophes, periods and hyphens. */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
}

const capitalized = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);
const shouted = (w: string): boolean => !/\p{Ll}/u.test(w);

/**
 * True when a quotation is a name rather than speech: the title of a show, book, song or section ('on NBC's "Meet the
 * Press"', 'his book "The Art of the Deal"', a subheading alone on its line: 'All Bets Are Off.'), or a capitalized term
 * inside a sentence ('NBC's "Today"'). Title case is the mark: every word capitalized except short function words.
 * Speech all the same: a quotation opening its sentence ('"Nusra Is Al Qaeda," he said'), after a colon (a headline's
 * 'Rubio: "You Don't Win ..."') or right after a speech verb ('chanting "Dump Trump"', 'said, "No."'), or in capitals.
 */
export function isQuotedTitle(text: string, q: QuotedSpan, segment: Span, paragraph: Span): boolean {
  const words = wordsOf(text.slice(q.start, q.end));
  if (!titleWords(words)) return false;
  const before = text.slice(segment.start, q.open);
  if (!/\p{L}/u.test(before)) return alone(text, q, paragraph) || modifiesNoun(text, q);
  // In a headline every word is capitalized: capitals there say nothing ('Obama Sees 'Personal Insult' if ...').
  if (titleCased(text.slice(paragraph.start, paragraph.end))) return false;
  if (/:\s*$/.test(before)) return false;
  const previous = (before.match(/([\p{L}’']+)[\s,]*$/u)?.[1] ?? '').toLowerCase();
  // The hearer of "told", not what was told: 'she told "Fox and Friends,"' (speech takes a comma or a colon first).
  if (TOLD.has(previous) && /\p{L}\s*$/u.test(before) && words.filter(capitalized).length >= 2) return true;
  if (SPEECH_CUES.has(previous)) return false;
  if (words.filter(capitalized).length >= 2) return true;
  // One capitalized word is a name only inside a sentence: after a lower-case word or a possessive, not a comma.
  return /[\p{Ll}’']\s*$/u.test(before);
}

/** True when quoted words read as a title: at most a few, not all capitals, every word capitalized but minor ones. */
function titleWords(words: readonly string[]): boolean {
  if (words.length === 0 || words.length > MAX_TITLE_WORDS || words.every(shouted)) return false;
  return capitalized(words[0]!) && words.every((w) => capitalized(w) || MINOR.has(w.toLowerCase()));
}

/** True when a line is written in title case: most of its longer words capitalized (a headline). */
function titleCased(line: string): boolean {
  const long = wordsOf(line).filter((w) => w.length > 3);
  return long.length >= 4 && long.filter(capitalized).length / long.length >= 0.8;
}

/** True when a lower-case noun follows the close with no punctuation: the quotation names it ('"Daily Show" host'). */
function modifiesNoun(text: string, q: QuotedSpan): boolean {
  return q.close !== null && /^\s+\p{Ll}+\s+\p{Lu}/u.test(text.slice(q.close + 1, q.close + 40));
}

/** True when a quotation is all of its paragraph but closing punctuation: a subheading. */
function alone(text: string, q: QuotedSpan, paragraph: Span): boolean {
  const end = q.close === null ? q.end : q.close + 1;
  return (
    /^[\s"“'‘]*$/.test(text.slice(paragraph.start, q.open + 1)) && /^[\s.!?]*$/.test(text.slice(end, paragraph.end))
  );
}

/** True when the reporter marks a quotation as someone else's term, not a quote: 'the so-called "governor's bracket"'. */
export function isScareQuote(text: string, q: QuotedSpan): boolean {
  return /\bso[-\s]called\s*$/iu.test(text.slice(Math.max(0, q.open - 12), q.open));
}
