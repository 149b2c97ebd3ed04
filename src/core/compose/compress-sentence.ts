import { DISCOURSE_MARKERS } from './lexicons.js';

/** Options for sentence compression. */
export interface CompressOptions {
  /** Drop a trailing ", according to ..." (safe when other sources report the same thing). */
  dropTrailingAttribution?: boolean;
  /** Drop an aside set off by dashes ("The bill — passed in May — failed."). */
  dropDashAside?: boolean;
  /** Drop a trailing participial clause (", drawing praise from ...") from a sentence longer than this many words. */
  dropTrailingParticipleOver?: number;
  /** Drop a trailing relative clause (", who ...", ", which ...") from a sentence longer than this many words. */
  dropTrailingRelativeOver?: number;
  /** Drop a trailing circumstance clause (", as ...", ", after ...") from a sentence longer than this many words. */
  dropTrailingCircumstanceOver?: number;
}

const MARKER_PATTERN = new RegExp(
  `^(?:${[...DISCOURSE_MARKERS].sort((a, b) => b.length - a.length).join('|')})\\b,?\\s+`,
  'i',
);
/** Section labels of explainer-style articles ("Why it matters: ", "The big picture: "). */
const LABEL_PATTERN = /^(?:[A-Z][\w'’ ]{2,24}):\s+(?=\S)/u;
const PARENTHETICAL = /\s*\([^()]{1,60}\)/gu;
const TRAILING_ATTRIBUTION = /,\s+(?:according to|as reported by|reports?|said|says)\s+[^,;:"“”]{2,60}\.$/iu;
/** A dateline: a place in capitals, an optional agency in parentheses, a dash ("MONSEY, N.Y. (AP) — "), or "(CNN)". */
const DATELINE =
  /^(?:\((?:CNN|AP|Reuters|AFP)\)\s*|[A-Z][A-Z .,'’-]{2,40}(?:\s*\([A-Za-z .]{1,20}\))?(?:\s+[–—-]{1,2}\s*|\s*[–—]\s*))(?=\p{Lu})/u;

function capitalize(text: string): string {
  return text.replace(/^(\P{L}*)(\p{Ll})/u, (_m, lead: string, ch: string) => lead + ch.toUpperCase());
}

/**
 * Shortens a source sentence for use out of its article: drops a dateline, a section label, a leading discourse
 * marker, short parentheticals and, when allowed, a trailing attribution. The meaning of the kept words is unchanged.
 */
export function compressSentence(sentence: string, options: CompressOptions = {}): string {
  let text = sentence.replace(/\s+/g, ' ').trim();
  text = text.replace(DATELINE, '');
  text = text.replace(LABEL_PATTERN, '');
  const withoutMarker = text.replace(MARKER_PATTERN, '');
  // A marker that is the whole subject ("So far, ...", "Now is the time") must stay; require a real clause after it.
  if (withoutMarker.split(' ').length >= 4) text = withoutMarker;
  text = text.replace(PARENTHETICAL, '');
  if (options.dropTrailingAttribution) {
    const cut = text.replace(TRAILING_ATTRIBUTION, '.');
    if (cut.split(' ').length >= 6) text = cut;
  }
  if (options.dropDashAside) text = dropIfLeft(text, DASH_ASIDE, ' ', 6);
  if (options.dropTrailingParticipleOver !== undefined && wordsOf(text) > options.dropTrailingParticipleOver)
    text = dropIfLeft(text, TRAILING_PARTICIPLE, '.', 8);
  if (options.dropTrailingRelativeOver !== undefined && wordsOf(text) > options.dropTrailingRelativeOver)
    text = dropIfLeft(text, TRAILING_RELATIVE, '.', 8);
  if (options.dropTrailingCircumstanceOver !== undefined && wordsOf(text) > options.dropTrailingCircumstanceOver)
    text = dropIfLeft(text, TRAILING_CIRCUMSTANCE, '.', 8);
  return capitalize(balanceQuotes(text.trim()));
}

const DASH_ASIDE = /\s[—–]\s[^—–"“”]{3,100}?\s[—–]\s/u;
const TRAILING_PARTICIPLE = /,\s+(?!including\b)\p{Ll}+ing\b[^"“”;]*[.!?]$/u;
const TRAILING_RELATIVE = /,\s+(?:who|which)\s[^"“”;]*[.!?]$/u;
const TRAILING_CIRCUMSTANCE = /,\s+(?:as|after|amid|following|while|despite)\s[^"“”;]*[.!?]$/u;

function wordsOf(text: string): number {
  return text.split(' ').length;
}

/** Replaces a match when at least `minWords` words are left (the main clause must survive on its own). */
function dropIfLeft(text: string, pattern: RegExp, replacement: string, minWords: number): string {
  const cut = text.replace(pattern, replacement);
  return cut !== text && wordsOf(cut) >= minWords ? cut : text;
}

/** Drops a quotation mark left unpaired when a sentence was cut out of a longer quote. */
function balanceQuotes(text: string): string {
  const straight = (text.match(/"/g) ?? []).length;
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  let out = text;
  if (straight % 2 === 1) out = /^"/.test(out) ? out.slice(1) : out.replace(/"(?=[^"]*$)/, '');
  if (open > close) out = out.replace(/^“/, '');
  if (close > open) out = out.replace(/”(?=[^”]*$)/, '');
  return out.trim();
}
