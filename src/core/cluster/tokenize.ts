import { HONORIFICS } from '../lexicon/titles.js';

/** One word of an article as the clusterer reads it. */
export interface WordToken {
  /** Offset of the word in the text it was read from. */
  start: number;
  end: number;
  /** The word as written (a trailing possessive "'s" removed). */
  raw: string;
  /** Lower case, curly apostrophes straightened, possessive removed. */
  lower: string;
  /** Starts with an upper-case letter. */
  capitalized: boolean;
  /** First word of a sentence, a quotation or a line: its capital proves nothing. */
  sentenceStart: boolean;
  /** Only spaces separate it from the previous word (no punctuation): it may continue a name. */
  joinsPrevious: boolean;
  /** Holds a digit. */
  numeric: boolean;
}

// Letters and digits, with inner dots, apostrophes and hyphens ("U.S", "don't", "COVID-19", "1.2") and thousands
// separators ("1,000").
const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+|,\d{3})*/gu;
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;
const UPPER = /^\p{Lu}/u;
const DIGIT = /\d/;
const ENDS = new Set(['.', '!', '?', ':', ';']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);
const OPENERS = new Set(['"', '“', '‘', '(', '[']);

/**
 * True when the characters between two words end a sentence or open a quotation (what follows is capitalized for
 * grammar, not for a name): a stop followed by space, a line break, or an opening quote right before the word.
 */
function isSentenceGap(text: string, from: number, to: number): boolean {
  let lastMark = '';
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '\n') return true;
    if (ENDS.has(c)) lastMark = c;
    else if (c === ' ' || c === '\t') {
      if (lastMark !== '') return true;
    } else if (!CLOSERS.has(c)) lastMark = '';
    if (OPENERS.has(c) && i === to - 1) return true;
  }
  return false;
}

/** True when only spaces or tabs lie between two words. */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (from === to) return false;
  for (let i = from; i < to; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}
const POSSESSIVE = /['’]s$/i;

/** True when the word starts with an upper-case letter (ASCII checked first: it is nearly every case). */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(word);
}

/**
 * Splits a text into words with their case and position facts, in one regular-expression pass: cheap enough to read
 * thousands of articles a second (a full tagger reads about a thousand).
 */
export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    let raw = match[0];
    const start = match.index;
    let end = start + raw.length;
    // "U.S." and "Sen." keep their final dot; a sentence-final dot after other words does not belong to them.
    if (text[end] === '.' && (INITIALISM.test(raw) || HONORIFICS.has(`${raw.toLowerCase()}.`))) {
      raw += '.';
      end += 1;
    }
    const word =
      raw.length > 2 && (raw.endsWith('s') || raw.endsWith('S')) && POSSESSIVE.test(raw) ? raw.slice(0, -2) : raw;
    tokens.push({
      start,
      end,
      raw: word,
      lower: word.includes('’') ? word.toLowerCase().replace(/’/g, "'") : word.toLowerCase(),
      capitalized: startsUpper(word),
      sentenceStart: tokens.length === 0 || isSentenceGap(text, previousEnd, start),
      joinsPrevious: tokens.length > 0 && onlySpaces(text, previousEnd, start),
      numeric: DIGIT.test(word),
    });
    previousEnd = end;
  }
  return tokens;
}
