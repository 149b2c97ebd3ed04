/**
 * Whether a text holds a run of words: three words of two or more letters, the second and third each after white
 * space, with no line break between them other than that white space. It answers what the pattern
 * `/[\p{L}]{2,}[^\n]*\s[\p{L}]{2,}[^\n]*\s[\p{L}]{2,}/u` answers, in one pass: on a long line where the pattern fails
 * (words that begin with an apostrophe, "'tis o'er ..."), the engine tried every start with every split of the line,
 * and 100 KB took 4 s (400 KB did not finish).
 */

const LETTER = /\p{L}/u;
const SPACE = /\s/u;

/** True when the text has a run of words (see the file comment). */
export function hasRunOfWords(text: string): boolean {
  // Whether a pair of letters has been seen on the current line; where the last word after white space that follows
  // such a pair on this line starts (-1: none). The characters are looked at three at a time: `a` at `q`, `b`, `c`.
  let pairOnLine = false;
  let second = -1;
  let a: string | undefined;
  let b: string | undefined;
  let k = 0;
  for (const c of text) {
    const q = k++ - 2;
    if (a !== undefined && b !== undefined) {
      if (SPACE.test(a) && LETTER.test(b) && LETTER.test(c)) {
        if (second >= 0) return true;
        if (pairOnLine) second = q;
      }
      // A line break ends the stretches between the words (unless it is itself the white space before a word).
      if (a === '\n') {
        pairOnLine = false;
        if (second < q) second = -1;
      }
      if (LETTER.test(a) && LETTER.test(b)) pairOnLine = true;
    }
    a = b;
    b = c;
  }
  return false;
}
