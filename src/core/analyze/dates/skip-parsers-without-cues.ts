import type { Parser } from 'chrono-node';
import { yearReferenceParser } from './parse-year-references.js';

/** Month names and abbreviations: every month-name pattern of chrono holds one of these letters in a row. */
const MONTH = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * What a parser's pattern cannot match without: either words of which the text must hold one (compared in lower case)
 * or a pattern the text must match. Word lists are checked with `includes` on the lower-cased text, which is much
 * cheaper than a case-insensitive alternation scanning the text, and finds every place the alternation would.
 */
type Cue = readonly string[] | RegExp;

/**
 * For each chrono parser (by class name), text that its pattern cannot match without: a literal its pattern requires.
 * A text without it can hold no match of that parser, so running its (slow) pattern over the text is skipped. Parsers
 * whose pattern needs only common words ("in", "for", "-") are left out and always run.
 */
const CUES: Record<string, Cue> = {
  ENYearMonthDayParser: /\d{4}/,
  ISOFormatParser: /\d{4}-\d/,
  SlashDateFormatParser: /\d[/.-]\d/,
  ENMonthNameLittleEndianParser: MONTH,
  ENMonthNameMiddleEndianParser: MONTH,
  ENWeekdayParser: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'week'],
  ENSlashMonthFormatParser: /\d\/\d{4}/,
  ENTimeExpressionParser: /\d/,
  ENTimeUnitAgoFormatParser: ['ago', 'before', 'earlier'],
  ENTimeUnitLaterFormatParser: ['later', 'after', 'now', 'henceforth', 'forward', 'out'],
  ENYearMonthNameParser: MONTH,
  ENCasualDateParser: ['now', 'today', 'tonight', 'tomorrow', 'overmorrow', 'tmr', 'yesterday', 'night'],
  ENCasualTimeParser: ['morning', 'afternoon', 'evening', 'night', 'midday', 'noon'],
  ENEndOfCurrentMonthParser: ['month'],
  ENMonthNameParser: MONTH,
  ENRelativeDateFormatParser: ['this', 'last', 'past', 'next', 'after'],
};

/** Bare years need four digits from 1600 to 2099. */
const YEAR_CUE = /(?:1[6-9]|20)\d\d/;

/** A pattern that fails at once: anchored at the start, so the regex engine makes a single attempt. */
const NEVER = /^(?!)/;

/** The cue of a parser, or undefined when it always runs. */
function cueOf(parser: Parser): Cue | undefined {
  if (parser === yearReferenceParser) return YEAR_CUE;
  return CUES[(parser as object).constructor.name];
}

/**
 * Wraps each parser that has a cue so that, on a text without the cue, its pattern never matches; the results are the
 * same as without the wrapper (chrono's parse time is mostly these patterns scanning the whole text).
 */
export function skipParsersWithoutCues(parsers: readonly Parser[]): Parser[] {
  // Every parser of one parse sees the same text and several share a cue: each cue is tested once per text.
  let seenText: string | undefined;
  let lower = '';
  const found = new Map<Cue, boolean>();
  const hasCue = (cue: Cue, text: string): boolean => {
    if (text !== seenText) {
      seenText = text;
      lower = text.toLowerCase();
      found.clear();
    }
    let hit = found.get(cue);
    if (hit === undefined) {
      hit = cue instanceof RegExp ? cue.test(text) : cue.some((word) => lower.includes(word));
      found.set(cue, hit);
    }
    return hit;
  };
  return parsers.map((parser) => {
    const cue = cueOf(parser);
    if (!cue) return parser;
    return {
      pattern: (context) => (hasCue(cue, context.text) ? parser.pattern(context) : NEVER),
      extract: (context, match) => parser.extract(context, match),
    };
  });
}
