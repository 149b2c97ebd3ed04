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

/** The number of letters (code points of category L) in a text. */
export function countLetters(text: string): number {
  return codePoints(lettersOf(text));
}

/** The number of matches of a global pattern in a text. */
export function countMatches(text: string, pattern: RegExp): number {
  if (!pattern.global) throw new Error('countMatches needs a global pattern');
  let n = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    n++;
    if (m[0] === '') pattern.lastIndex++;
  }
  return n;
}
