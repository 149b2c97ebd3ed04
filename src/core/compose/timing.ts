import { addDays, formatDay, parseIsoDay } from '../analyze/dates/calendar.js';
import type { Article, DateValue, DifferenceRelation } from '../model.js';

/** The first and last day (ISO) a date value may stand for. */
interface DaySpan {
  first: string;
  last: string;
}

/** The last day of a month (the day before the first of the next). */
function lastDayOfMonth(year: number, month: number): string {
  return formatDay(
    addDays(month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 }, -1),
  );
}

/**
 * The days a date value may stand for: its range (`earliest`..`latest`), a day, a month ("2021-05") or a year
 * ("2014"); null when the value is unknown or unreadable.
 */
export function daySpanOf(d: DateValue | null): DaySpan | null {
  if (!d) return null;
  if (d.earliest && d.latest) return { first: d.earliest, last: d.latest };
  const day = parseIsoDay(d.value);
  if (day) return { first: formatDay(day), last: formatDay(day) };
  const month = /^(\d{4})-(\d{2})$/.exec(d.value);
  if (month) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    return { first: `${month[1]}-${month[2]}-01`, last: lastDayOfMonth(year, m) };
  }
  const year = /^(\d{4})$/.exec(d.value);
  return year ? { first: `${year[1]}-01-01`, last: `${year[1]}-12-31` } : null;
}

/**
 * Whether two dated reports hold for the same time (the same day, or the same month or year as stated), for
 * different times (their days do not overlap), or cannot be told apart (a date unknown, or ranges that overlap: two
 * days of one week may differ).
 */
function timing(a: DateValue | null, b: DateValue | null): 'same' | 'different' | 'unknown' {
  const x = daySpanOf(a);
  const y = daySpanOf(b);
  if (!x || !y) return 'unknown';
  if (x.last < y.first || y.last < x.first) return 'different';
  const ranged = a?.earliest !== undefined || b?.earliest !== undefined;
  const equal = x.first === y.first && x.last === y.last;
  return equal && (x.first === x.last || !ranged) ? 'same' : 'unknown';
}

/**
 * How the sides of a difference stand in time, from the dates of the pairs of reports that disagree: a conflict
 * when any such pair holds for the same time; an update when every pair holds for different times; else unknown.
 */
export function differenceRelation(
  pairs: readonly (readonly [DateValue | null, DateValue | null])[],
): DifferenceRelation {
  const timings = pairs.map(([a, b]) => timing(a, b));
  if (timings.includes('same')) return 'conflict';
  if (timings.length > 0 && timings.every((t) => t === 'different')) return 'update';
  return 'unknown-timing';
}

/** An article's date as the date its statements hold for: its range kept, always inferred, null when unknown. */
export function articleAsOf(article: Article): DateValue | null {
  const d = article.publishedAt;
  if (!d) return null;
  const basis = d.inferred ? `publication date of the article (${d.basis})` : 'publication date of the article';
  const range = d.earliest && d.latest ? { earliest: d.earliest, latest: d.latest } : {};
  return { value: d.value, inferred: true, basis, ...range };
}
