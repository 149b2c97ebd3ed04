import type { ParsingResult, Refiner } from 'chrono-node';

/** Words alone that name a moment without saying which day ("now", "night"), or a stretch of time, not a date. */
const VAGUE_ALONE = /^(?:now|right now|night|morning|evening|afternoon|noon|midnight)$/i;

/** "earlier in the day", "in the days ahead", "in the week ended": relative phrases that do not locate an event. */
const IN_THE_DAYS = /^in the (?:days?|weeks?)$|^in the days?\b/i;

/** "Four years after", "a week before Election Day": offsets from another event, not from the reference date. */
const OFFSET_FROM_EVENT = /\b(?:after|before)(?:\s+the\b.*)?$/i;

/** "the first time in 25 years": how long, not when. */
const IN_YEARS = /^in\s+\S+\s+(?:years|decades)$/i;

/** Weekday abbreviations that are common words or names ("they sat", "the Sun"). */
const AMBIGUOUS_ABBREVIATION = /^(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)$/i;

/** Names that contain a weekday ("Super Tuesday", "Black Friday", "Fox News Sunday"). */
const WEEKDAY_NAME = /\b(?:Super|Black|Cyber|Good|Ash|Palm|Easter|Bloody|Holy|News)\s+$/;

/** Durations ("for 10 years", "over the past 72 hours", "within days"): how long, not when. */
const DURATION =
  /^(?:for|within)\s|^(?:the\s+)?(?:past|last|next|coming)\s+(?:\d+|a few|few|several|couple of|two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b/i;

/** Prepositions and modifiers that make a bare month name a date ("in May") rather than a name or verb ("Theresa May"). */
const MONTH_SLOT =
  /\b(?:in|of|since|by|until|till|through|during|early|late|mid|last|next|this|before|after|from|to|and|or|between)[\s-]+$/i;

/** True when a result is a month name with neither day nor year stated. */
function isBareMonth(result: ParsingResult): boolean {
  const s = result.start;
  return s.isCertain('month') && !s.isCertain('day') && !s.isCertain('year') && /^[A-Za-z.]+$/.test(result.text.trim());
}

/** True when a result came from the numeric slash format without a year ("7/11", "24/7"): a store, a phrase, a score. */
function isYearlessSlash(result: ParsingResult): boolean {
  return /^\s*\d{1,2}\/\d{1,2}\s*$/.test(result.text) && !result.start.isCertain('year');
}

/** True when a time has no clock mark ("from 18 to 21" is an age range, not a time). */
function isBareClockNumber(result: ParsingResult): boolean {
  return result.tags().has('parser/ENTimeExpressionParser') && !/\d:\d|[ap]\.?m\b|o['’]clock/i.test(result.text);
}

/** Drops chrono results that are not dates in news prose; see the patterns above for each case. */
export const dropUnlikelyDates: Refiner = {
  refine(context, results) {
    return results.filter((result) => {
      const text = result.text.trim().replace(/^[,(]\s*/, '');
      if (VAGUE_ALONE.test(text) || IN_THE_DAYS.test(text) || DURATION.test(text)) return false;
      if (OFFSET_FROM_EVENT.test(text) || IN_YEARS.test(text) || AMBIGUOUS_ABBREVIATION.test(text)) return false;
      if (WEEKDAY_NAME.test(context.text.slice(Math.max(0, result.index - 12), result.index))) return false;
      if (isBareClockNumber(result)) return false;
      if (isYearlessSlash(result)) return false;
      if (isBareMonth(result)) {
        // "March Air Force Base": a month name followed by a capitalized word is part of a name.
        const after = context.text.slice(result.index + result.text.length, result.index + result.text.length + 2);
        if (/^\s[A-Z]/.test(after)) return false;
        return MONTH_SLOT.test(context.text.slice(Math.max(0, result.index - 12), result.index));
      }
      return true;
    });
  },
};
