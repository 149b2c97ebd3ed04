/**
 * Counting letters and words without building an array of every match: the cleaning rules ask these questions of every
 * line and every body, and `text.match(/\p{L}/gu)` allocates one string per letter.
 */

/** Runs of letters: the words of the length comparisons (pass to `countMatches`). */
export const LETTER_RUNS = /\p{L}+/gu;

const NOT_LETTERS = /\P{L}+/gu;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** The letters of a text, in order, as one string. */
export function lettersOf(text: string): string {
  return text.replace(NOT_LETTERS, '');
}

/** The number of code points of a string (its length unless it holds characters outside the BMP). */
export function codePoints(text: string): number {
  if (!HIGH_SURROGATE.test(text)) return text.length;
  let n = 0;
  for (const _c of text) n++;
  return n;
}

/** One letter at a given position (set `lastIndex`): tests a character outside the table without building a string. */
const LETTER_AT = /\p{L}/uy;

/** Code units below this are looked up in `LETTER_TABLE` (Latin, Greek, Cyrillic and other alphabets, punctuation). */
const TABLE_SIZE = 0x3000;
/** 1 for each code unit below TABLE_SIZE that is a letter (`\p{L}`), built once from the pattern itself. */
const LETTER_TABLE = Uint8Array.from({ length: TABLE_SIZE }, (_, c) => (/\p{L}/u.test(String.fromCharCode(c)) ? 1 : 0));

/** The number of letters (code points of category L) in a text. */
export function countLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < TABLE_SIZE) {
      n += LETTER_TABLE[c]!;
      continue;
    }
    LETTER_AT.lastIndex = i;
    if (LETTER_AT.test(text)) n++;
    // A surrogate pair is one code point: its second half is not looked at apart.
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True for a code unit known not to be a letter: one of the many common ones (ASCII, punctuation, symbols) in the table. */
export function isKnownNonLetter(c: number): boolean {
  return c < TABLE_SIZE && LETTER_TABLE[c] === 0;
}

/**
 * The number of matches of a global pattern in a text. With a `limit`, counting stops there: the result is exact below
 * it, and `limit` means "at least that many" (enough for comparing with a threshold).
 */
export function countMatches(text: string, pattern: RegExp, limit = Infinity): number {
  if (!pattern.global) throw new Error('countMatches needs a global pattern');
  let n = 0;
  pattern.lastIndex = 0;
  while (n < limit) {
    const m = pattern.exec(text);
    if (m === null) break;
    n++;
    if (m[0] === '') pattern.lastIndex++;
  }
  return n;
}
