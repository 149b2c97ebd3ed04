import type { Token } from '../nlp/wink.js';

/** Why a statement is not usable as prose (or null when it is). */
export type JunkReason = 'too-short' | 'shouting' | 'link-or-handle' | 'post-signature' | 'headline' | null;

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const CLOSING = /[.!?"'”’)\]:;…]$/u;
const MIN_WORDS = 4;

function upperRatio(text: string): number {
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (UPPER.test(ch)) upper++;
  }
  return letters === 0 ? 0 : upper / letters;
}

function capitalizedRatio(words: readonly Token[]): number {
  const long = words.filter((t) => t.value.length > 3);
  if (long.length === 0) return 0;
  return long.filter((t) => UPPER.test(t.value[0] ?? '')).length / long.length;
}

/**
 * Tells whether a sentence is junk for comparison and summary: teaser headlines, shouting related-story links, embedded
 * post signatures, bare links. Such text stays in the article; it is only kept out of facts and the summary.
 */
export function junkReason(text: string, tokens: readonly Token[]): JunkReason {
  const words = tokens.filter((t) => t.type === 'word' || t.type === 'number');
  if (words.length < MIN_WORDS) return 'too-short';
  if (tokens.some((t) => t.type === 'url' || t.type === 'email' || t.type === 'mention')) return 'link-or-handle';
  const trimmed = text.trim();
  if (/^[—–-]\s/u.test(trimmed)) return 'post-signature';
  if (upperRatio(trimmed) > 0.6) return 'shouting';
  const hasVerb = tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const closed = CLOSING.test(trimmed);
  if (!closed && (!hasVerb || capitalizedRatio(words) > 0.6)) return 'headline';
  return null;
}
