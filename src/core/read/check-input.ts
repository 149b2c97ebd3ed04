import { fail, type Result } from '../result.js';
import type { RawArticle } from '../model.js';
import { hasVerb } from './line-features.js';
import { countLetters, countMatches } from './count-letters.js';
import { endsLikeSentence } from './lines.js';
import { hasRunOfWords } from './run-of-words.js';
import { nonSpaceLength } from './white-space.js';

/** Share of control or replacement characters above which an input is taken for binary data. */
const BINARY_SHARE = 0.02;
/** Share of letters among non-space characters below which a text is not prose. */
const LETTER_SHARE = 0.5;
/** Fewest words an article body may have, unless it is one finished sentence with a verb. */
export const MIN_WORDS = 8;
/** A word of prose: letters with inner apostrophes or hyphens. */
const WORDS = /\p{L}[\p{L}'’-]*/gu;

/** Control characters other than tab, newlines and form feed, and U+FFFD (what undecodable bytes become). */
function countBinaryChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) n++;
  }
  return n;
}

/** Rejects inputs that cannot be an article before any work is done: empty, blank or binary-looking content. */
export function checkRawInput(raw: RawArticle): Result<null> | null {
  if (raw.content.trim() === '')
    return fail(raw.source, 'empty-input', `${raw.source}: the input is empty or only white space`);
  const sample = raw.content.slice(0, 20000);
  const bad = countBinaryChars(sample);
  if (bad / sample.length > BINARY_SHARE)
    return fail(
      raw.source,
      'binary-input',
      `${raw.source}: the input looks like binary data (${bad} control or undecodable characters), not text`,
    );
  return null;
}

/** Letters and non-space characters of a text (its letters are those of the text with white space taken out). */
function letterShare(text: string): { letters: number; visible: number } {
  // Taking white space out could join two halves of a broken surrogate pair into a letter: such text is counted as is.
  if (/[\uD800-\uDFFF]/.test(text)) {
    const visible = text.replace(/\s+/g, '');
    return { letters: countLetters(visible), visible: visible.length };
  }
  return { letters: countLetters(text), visible: nonSpaceLength(text) };
}

/** Rejects a cleaned body that is not prose: too few words or mostly symbols and digits. */
export function checkProse(source: string, text: string): Result<null> | null {
  const { letters, visible } = letterShare(text);
  if (visible > 0 && letters / visible < LETTER_SHARE)
    return fail(
      source,
      'not-prose',
      `${source}: the text is not prose (only ${Math.round((100 * letters) / visible)}% letters)`,
    );
  // Counted up to the threshold: the exact number is only reported below it.
  const words = countMatches(text, WORDS, MIN_WORDS);
  // Tagging is costly: a short body is only checked for being one finished sentence.
  const sentence = (): boolean => words >= 3 && endsLikeSentence(text.trim()) && hasVerb(text);
  if (words < MIN_WORDS && !sentence())
    return fail(
      source,
      'no-article-found',
      `${source}: no article text found (${words} words left after cleaning; at least ${MIN_WORDS} needed)`,
    );
  if (!hasRunOfWords(text)) return fail(source, 'not-prose', `${source}: the text has no run of words`);
  return null;
}
