/**
 * Keeps chrono's look-backs local. A few of chrono's parsers and refiners test the text before each match with a
 * pattern anchored at its end (`text.substring(0, index).match(/...$/)`): the regular expression engine tries it from
 * every position of that prefix, so each date costs time in proportion to everything before it, and a long text full of
 * dates takes time in the square of its length (a 2 MB text spent over half its analysis there). These wrappers hand
 * each call a view of the text that starts a few words before the match instead of at the start of the text. Every such
 * pattern reads at most that many words back, so the results are the same as with the whole text.
 */
import { ParsingResult, type Parser, type ParsingContext, type Refiner } from 'chrono-node';

/**
 * Refiners (by class name) that test the text before each result, and how many words back their pattern reads:
 * "last day of the" (four words) before a month; "in" before "May".
 */
const LOOK_BACK_REFINERS: Record<string, number> = { ENEndOfPeriodRefiner: 4, ENUnlikelyFormatFilter: 1 };

/** Parsers (by class name) whose extraction tests the text before the match for a digit and slash (`\d/?$`). */
const LOOK_BACK_PARSERS: Record<string, number> = { ENSlashMonthFormatParser: 1, SlashDateFormatParser: 1 };

/** True for a white-space character as regular expressions define `\s`. */
function isSpace(text: string, i: number): boolean {
  return /\s/.test(text[i]!);
}

/**
 * Where a view of `text` that keeps `words` words (runs of non-space characters) before `index` starts: the start of
 * the earliest of those words, or 0. A pattern anchored at the end of the prefix that spans at most that many words
 * finds the same match in the view, and its word boundaries see the same characters (the view starts after white space
 * or at the start of the text).
 */
export function lookBackStart(text: string, index: number, words: number): number {
  let i = index;
  for (let k = 0; k < words && i > 0; k++) {
    while (i > 0 && isSpace(text, i - 1)) i--;
    while (i > 0 && !isSpace(text, i - 1)) i--;
  }
  return i;
}

/** The parsing context seen from `start` on: the same context with its text cut before `start`. */
function viewFrom(context: ParsingContext, start: number): ParsingContext {
  if (start === 0) return context;
  return Object.create(context, { text: { value: context.text.substring(start) } }) as ParsingContext;
}

/** A refiner that runs `refiner` on each result alone, in a view of the text starting `words` words before it. */
function boundRefiner(refiner: Refiner, words: number): Refiner {
  const bound = Object.create(refiner) as Refiner;
  bound.refine = (context: ParsingContext, results: ParsingResult[]): ParsingResult[] =>
    results.flatMap((result) => {
      const start = lookBackStart(context.text, result.index, words);
      result.index -= start;
      const refined = refiner.refine(viewFrom(context, start), [result]);
      // The refiners keep or drop the result they are given (and may move its start back): shift it back into place.
      for (const r of refined) r.index += start;
      if (!refined.includes(result)) result.index += start;
      return refined;
    });
  return bound;
}

/** A parser whose extraction sees the text from `words` words before each match (and at least a few characters). */
function boundParser(parser: Parser, words: number): Parser {
  const bound = Object.create(parser) as Parser;
  bound.extract = (context, match) => {
    // A view starting before the match, so that "is there text before it" is answered as with the whole text.
    const at = match.index ?? 0;
    const start = Math.min(lookBackStart(context.text, at, words), Math.max(0, at - 8));
    match.index = at - start;
    const extracted = parser.extract(viewFrom(context, start), match);
    // chrono reads the match's index after extraction (the parser may have moved it past a left boundary).
    match.index = (match.index ?? 0) + start;
    if (extracted instanceof ParsingResult) extracted.index += start;
    return extracted;
  };
  return bound;
}

/** The class name of a parser or refiner instance. */
function className(x: object): string {
  return x.constructor.name;
}

/** The parsers with look-back extraction bounded (see the file comment); others as they are. */
export function boundParserLookBacks(parsers: readonly Parser[]): Parser[] {
  return parsers.map((p) => {
    const words = LOOK_BACK_PARSERS[className(p)];
    return words === undefined ? p : boundParser(p, words);
  });
}

/** The refiners with look-backs bounded (see the file comment); others as they are. */
export function boundRefinerLookBacks(refiners: readonly Refiner[]): Refiner[] {
  return refiners.map((r) => {
    const words = LOOK_BACK_REFINERS[className(r)];
    return words === undefined ? r : boundRefiner(r, words);
  });
}
