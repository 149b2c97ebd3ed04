import type { ParsedResult } from 'chrono-node';
import type { DatePrecision, DateMention, Provenance } from '../../model.js';
import { KEPT_YEAR_PREFIX } from './parse-year-references.js';
import { EITHER_WAY_TAG, isBareWeekday } from './resolve-weekdays.js';
import { addDays, formatDay, formatMonth, pad, weekdayOf, type CalendarDay } from './calendar.js';

/** Words around a chrono match that are not part of the date expression itself. */
const LEADING_NOISE = /^[\s,(（]*(?:(?:on|at)\s+)?/i;
const TRAILING_NOISE = /[\s,)）]+$/;

/** The trimmed span of a chrono result: "On Wednesday," becomes "Wednesday"; "weekend" after "the" takes "the". */
export function trimDateSpan(text: string, result: ParsedResult): { start: number; end: number } {
  const { index, text: resultText } = result;
  const yearPrefix = result.tags().has('parser/yearReference') && !KEPT_YEAR_PREFIX.test(resultText);
  const lead = yearPrefix ? resultText.search(/\d/) : (LEADING_NOISE.exec(resultText)?.[0].length ?? 0);
  const trail = TRAILING_NOISE.exec(resultText.slice(lead))?.[0].length ?? 0;
  let start = index + lead;
  const end = index + resultText.length - trail;
  if (/^weekend/i.test(text.slice(start, end)) && /\bthe\s+$/i.test(text.slice(Math.max(0, start - 4), start))) {
    start = text.lastIndexOf('the', start);
  }
  return { start, end };
}

/** True when chrono computed the value from the reference date ("last week", "today", "two months ago"). */
export function isRelative(result: ParsedResult): boolean {
  for (const tag of result.tags()) {
    if (tag.startsWith('result/relative') || tag.startsWith('casualReference')) return true;
  }
  // "now" and "the end of the month" are read off the reference instant too, though chrono marks them certain.
  return /\b(?:ago|last|next|this|yesterday|today|tomorrow|tonight|later|earlier|now|end of (?:the )?month)\b/i.test(
    result.text,
  );
}

/** The precision of a result: the finest unit that the text pins down (stated or from context). */
export function precisionOf(result: ParsedResult): DatePrecision {
  const s = result.start;
  if (/\b(?:week|weekend)\b/i.test(result.text) && !/\d/.test(result.text)) return 'week';
  if (s.isCertain('hour') && !result.tags().has('casualReference/now')) return 'time';
  if (s.isCertain('day') || s.isCertain('weekday')) return 'day';
  if (
    isRelative(result) &&
    /\b(?:days?|today|yesterday|tomorrow|tonight|morning|afternoon|evening|night)\b/i.test(result.text)
  ) {
    return 'day';
  }
  if (s.isCertain('month')) return 'month';
  return 'year';
}

/** Components the text must state for a value of a given precision to count as stated. */
const NEEDED: Record<DatePrecision, ('year' | 'month' | 'day' | 'hour')[]> = {
  year: ['year'],
  month: ['year', 'month'],
  week: ['year', 'month', 'day'],
  day: ['year', 'month', 'day'],
  time: ['year', 'month', 'day', 'hour'],
};

/** True when any part of the value comes from the reference date rather than the text. */
export function isInferred(result: ParsedResult, precision: DatePrecision): boolean {
  if (precision === 'week' || isRelative(result)) return true;
  return NEEDED[precision].some((c) => !result.start.isCertain(c));
}

/** The calendar day chrono resolved (stated or implied components). */
function resolvedDay(result: ParsedResult): CalendarDay {
  const s = result.start;
  return { year: s.get('year') ?? 0, month: s.get('month') ?? 1, day: s.get('day') ?? 1 };
}

/** The ISO value at the given precision; a week is written as its first day (Monday, or Saturday for a weekend). */
export function isoValue(result: ParsedResult, precision: DatePrecision): string {
  const day = resolvedDay(result);
  switch (precision) {
    case 'year':
      return String(day.year).padStart(4, '0');
    case 'month':
      return formatMonth(day.year, day.month);
    case 'week': {
      if (result.tags().has('parallax/weekend')) return formatDay(day);
      const back = (weekdayOf(day) + 6) % 7;
      return formatDay(addDays(day, -back));
    }
    case 'day':
      return formatDay(day);
    case 'time':
      return `${formatDay(day)}T${pad(result.start.get('hour') ?? 0)}:${pad(result.start.get('minute') ?? 0)}`;
  }
}

/**
 * The rule that found a date expression (stable names, in the order they are tried):
 * - `dates/year-reference`: a bare year ("in 2019"), read by the year parser of this folder;
 * - `dates/weekend`: "the weekend", read as the last weekend before the article's date;
 * - `dates/bare-weekday`: a weekday without modifier ("on Wednesday"), read backward (or forward) from the article's date;
 * - `dates/relative`: an expression chrono computes from the article's date ("yesterday", "last week", "two days ago");
 * - `dates/calendar`: a calendar date, month or time as written ("May 5, 2021", "Jan. 6", "5 p.m.").
 */
function dateRule(result: ParsedResult): string {
  const tags = result.tags();
  if (tags.has('parser/yearReference')) return 'dates/year-reference';
  if (tags.has('parallax/weekend')) return 'dates/weekend';
  if (isBareWeekday(result)) return 'dates/bare-weekday';
  return isRelative(result) ? 'dates/relative' : 'dates/calendar';
}

/** The provenance of a date mention found by `result`. */
function provenanceOf(result: ParsedResult): Provenance {
  return { stage: 'dates', rule: dateRule(result) };
}

/**
 * Builds a DateMention from a chrono result; `resolvable` is false when there was no reference date to lean on. A
 * weekday whose clause leaves open whether it is past or to come stays unresolved too.
 */
export function toDateMention(
  articleId: string,
  text: string,
  result: ParsedResult,
  options: { resolvable: boolean },
): DateMention {
  const { start, end } = trimDateSpan(text, result);
  const precision = precisionOf(result);
  const fromContext = isInferred(result, precision);
  const open = result.tags().has(EITHER_WAY_TAG);
  const date = fromContext && (!options.resolvable || open) ? null : isoValue(result, precision);
  return {
    articleId,
    start,
    end,
    text: text.slice(start, end),
    date,
    precision,
    inferred: fromContext,
    provenance: provenanceOf(result),
  };
}
