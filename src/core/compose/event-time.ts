// The time a statement's event may hold at, as days or weekdays, and when two such times can be the same moment.
import type { CalendarDay } from '../analyze/dates/calendar.js';

/**
 * A time a statement's event may hold at, read from one date expression inside it: a span of days when the expression
 * is resolved, else the weekdays it names ("Wednesday", "the weekend"), which tell two events apart even when the week
 * is unknown.
 */
export interface EventTime {
  /** Day numbers (days since 1970-01-01) of the first and last day, or null when the day is not known. */
  days: { first: number; last: number } | null;
  /** The weekdays the event may fall on, as a bit mask (bit 0 = Sunday); all seven when any. */
  weekdays: number;
  /** Days the event may lie off the day stated: an "early Friday" in one place is a Thursday night in another. */
  slack: number;
  /**
   * `text` when a date expression gives it (the statement's own, or its article's account of the same event);
   * `article` when it is only the time of writing of a statement in the present tense, known within a year or so.
   */
  basis: 'text' | 'article';
  /** True when the date expression opens the statement ("In 2014, Hamas fired..."): it sets the scene of all of it. */
  leads: boolean;
}

/** All seven weekdays as a mask. */
export const ALL_WEEKDAYS = 0b1111111;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar day. */
export function dayNumber(d: CalendarDay): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

/** The weekdays a span of day numbers covers, as a mask (all seven for a week or more). */
export function weekdayMask(first: number, last: number): number {
  if (last - first >= 6) return ALL_WEEKDAYS;
  let mask = 0;
  // Day number 0 (1970-01-01) was a Thursday.
  for (let n = first; n <= last; n++) mask |= 1 << (((n % 7) + 7 + 4) % 7);
  return mask;
}

/** The weekdays of a mask and those `slack` days either side of them. */
function widen(mask: number, slack: number): number {
  let out = mask;
  for (let s = 1; s <= slack; s++) {
    out |= ((mask << s) | (mask >> (7 - s))) & ALL_WEEKDAYS;
    out |= ((mask >> s) | (mask << (7 - s))) & ALL_WEEKDAYS;
  }
  return out;
}

/**
 * True when two event times can be the same moment: their days overlap, or their weekdays do (within the slack); the
 * time of writing of a statement in the present tense counts only against a date that opens the other statement.
 */
export function timesMeet(a: EventTime, b: EventTime): boolean {
  // The time of writing tells a statement only from one set wholly at another time: a date deep in a sentence may be
  // a detail's ("a tip line set up during the 2018 investigation"), not the time of what the sentence reports.
  if ((a.basis === 'article' && !b.leads) || (b.basis === 'article' && !a.leads)) return true;
  const slack = Math.max(a.slack, b.slack);
  if (a.days && b.days) return a.days.first - slack <= b.days.last && b.days.first - slack <= a.days.last;
  return (widen(a.weekdays, slack) & b.weekdays) !== 0;
}

/**
 * True when two statements can report events at the same time: either has no known time, or some time of one meets
 * some time of the other (a statement naming two days is about either).
 */
export function timesCompatible(a: readonly EventTime[], b: readonly EventTime[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => timesMeet(x, y)));
}
