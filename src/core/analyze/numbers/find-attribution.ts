import type { Sentence } from '../../model.js';
import { attributionCloses, attributionIn } from '../sentence-attribution.js';

/**
 * The attribution of the figures of sentence `index`: its own, else the closing attribution of the next sentence in
 * the same paragraph when that sentence carries figures too ("More than 200 people have been killed ... .
 * Approximately 1,400 people were wounded as well, according to X."), unless the two sentences carry different dates.
 */
export function attributionForSentence(
  text: string,
  sentences: readonly Sentence[],
  index: number,
  hasFigures: (sentenceIndex: number) => boolean,
  dateOf: (sentenceIndex: number) => string | null,
): string | null {
  const s = sentences[index];
  if (!s) return null;
  const own = attributionIn(text.slice(s.start, s.end));
  if (own) return own;
  const next = sentences[index + 1];
  if (!next || text.slice(s.end, next.start).includes('\n')) return null;
  const nextText = text.slice(next.start, next.end);
  // A figure dated otherwise than the attributed one ("In 2014, ..." then "in the last week, according to X") is not
  // covered by it.
  const ownDate = dateOf(index);
  if (ownDate !== null && ownDate !== dateOf(index + 1)) return null;
  return attributionCloses(nextText) && hasFigures(index + 1) ? attributionIn(nextText) : null;
}
