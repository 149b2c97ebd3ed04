/** Who a sentence attributes its content to: "according to X" or a closing "X said". */

/**
 * Where the source named after "according to" ends: punctuation, a line break, a full stop (not the dot of an initial or
 * of a dotted acronym: "U.S.", "F.A.A.", "William J. Bennett"), or a new clause. "and" does not end it: "according to
 * Democratic and independent analysts" names both.
 */
const SOURCE_END = /[,;:!?"“”()\n]|(?<!\b[A-Z])\.(?=\s|$)|\s(?:who|which|that|but|as|on|in|at|when|while)\s/;

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

/**
 * The source a sentence attributes its content to ("..., according to the Associated Press.", "..., the ministry
 * said."), or null. One rule for the figures of a sentence and for the sides of a contested claim.
 */
export function attributionIn(sentence: string): string | null {
  const m = FINAL_SAID.exec(sentence) ?? FINAL_SAID_INVERTED.exec(sentence);
  return accordingTo(sentence) ?? m?.[1]?.trim().replace(/\.$/, '') ?? null;
}

/** True when an attribution closes its sentence (", according to X."), so it can also cover the sentence before. */
export function attributionCloses(sentence: string): boolean {
  return /,\s+according to\s+[^,;]+[.!]?\s*$/i.test(sentence) || FINAL_SAID.test(sentence);
}
