import type { ParsedResult } from 'chrono-node';
import { addDays, daysBetween, weekdayOf, type CalendarDay } from './calendar.js';
import { EITHER_WAY_TAG, FORWARD_TAG, isBareWeekday } from './resolve-weekdays.js';

/**
 * How the day of a relative date expression follows from the day the article was written: a bare weekday read
 * backward ("on Wednesday": the latest Wednesday on or before it) or forward ("will meet Friday"), or a whole number
 * of days from it ("today" 0, "yesterday" -1, "two days ago" -2).
 */
export type RelativeDay = { kind: 'weekday'; weekday: number; forward: boolean } | { kind: 'offset'; days: number };

/** Relative expressions further than this many days from the writing day say too little to place it. */
const MAX_OFFSET = 7;

/**
 * Expressions that name a day by its distance from the writing day ("today", "last night", "two days ago"); "three
 * days later" counts from another event.
 */
const DAY_DISTANCE =
  /^(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night|(?:\w+|a) days? ago)\b/i;

/** chrono tags of such expressions: its reading of them is relative to the reference ("now" is no day). */
const RELATIVE_TAG = /^(?:casualReference\/(?!now)|result\/relativeDate|parser\/ENCasualDateParser)/;

/**
 * The relative-day rule of a chrono result parsed against `parsedAgainst`, or null when the expression is not one
 * (a stated date, a week, a month, "next Friday" whose reading chrono fixes).
 */
export function relativeDayOf(result: ParsedResult, parsedAgainst: CalendarDay): RelativeDay | null {
  if (isBareWeekday(result)) {
    if (/weekend/i.test(result.text) || result.tags().has(EITHER_WAY_TAG)) return null;
    const weekday = result.start.get('weekday');
    // The news parser's weekday rule has read the clause already, and tagged a weekday it read forward.
    return weekday === null ? null : { kind: 'weekday', weekday, forward: result.tags().has(FORWARD_TAG) };
  }
  const expression = result.text.replace(/^[\s,(]*(?:on|at|from|since|until|by)?\s*/i, '').trim();
  if (!DAY_DISTANCE.test(expression) || ![...result.tags()].some((t) => RELATIVE_TAG.test(t))) return null;
  const s = result.start;
  const day = { year: s.get('year') ?? 0, month: s.get('month') ?? 1, day: s.get('day') ?? 1 };
  const days = daysBetween(parsedAgainst, day);
  return Math.abs(days) <= MAX_OFFSET ? { kind: 'offset', days } : null;
}

/** The day a relative expression names when the article was written on `written`. */
export function dayFor(rule: RelativeDay, written: CalendarDay): CalendarDay {
  if (rule.kind === 'offset') return addDays(written, rule.days);
  const now = weekdayOf(written);
  return rule.forward
    ? addDays(written, (rule.weekday - now + 7) % 7)
    : addDays(written, -((now - rule.weekday + 7) % 7));
}

/**
 * Every writing day on which the expression names `event`: a backward weekday names its day during the six days after
 * it, a forward one during the six days before it, a day count on exactly one day. Empty when the weekday differs.
 */
export function writingDaysFor(rule: RelativeDay, event: CalendarDay): CalendarDay[] {
  if (rule.kind === 'offset') return [addDays(event, -rule.days)];
  if (weekdayOf(event) !== rule.weekday) return [];
  return Array.from({ length: 7 }, (_, k) => addDays(event, rule.forward ? -k : k));
}
