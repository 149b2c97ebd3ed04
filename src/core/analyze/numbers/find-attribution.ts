import type { Sentence } from '../../model.js';

/** Where the source named after "according to" ends: punctuation, a full stop (not an initial), or a new clause. */
const SOURCE_END = /[,;:!?"“”()]|(?<![A-Z])\.(?=\s|$)|\s(?:who|which|that|and|but|as|on|in|at|when|while)\s/;

/** The source named after "according to" in a sentence (at most ten words), or null. */
function accordingTo(sentence: string): string | null {
  const m = /\baccording to\s+/i.exec(sentence);
  if (!m) return null;
  const rest = sentence.slice(m.index + m[0].length);
  const cut = SOURCE_END.exec(rest);
  const source = (cut ? rest.slice(0, cut.index) : rest).trim();
  return source.length > 0 && source.split(/\s+/).length <= 10 ? source : null;
}

/** A figure attributed at the end of its sentence: "..., the Health Ministry said." / "..., said the ministry." */
const FINAL_SAID =
  /,\s+((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,6}|(?:the\s+)?(?:officials?|authorities|police|ministry|military|army))\s+(?:said|says|reported|reports|announced|estimated|estimates)\s*[.!]?\s*$/;
const FINAL_SAID_INVERTED =
  /,\s+(?:said|says|reported|according to)\s+((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,6})\s*[.!]?\s*$/;

/** The source a sentence attributes its content to, or null. */
export function attributionIn(sentence: string): string | null {
  const m = FINAL_SAID.exec(sentence) ?? FINAL_SAID_INVERTED.exec(sentence);
  return accordingTo(sentence) ?? m?.[1]?.trim().replace(/\.$/, '') ?? null;
}

/** True when an attribution closes its sentence (", according to X."), so it can also cover the sentence before. */
function attributionCloses(sentence: string): boolean {
  return /,\s+according to\s+[^,;]+[.!]?\s*$/i.test(sentence) || FINAL_SAID.test(sentence);
}

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
