/**
 * Which timeline events go on the chart's proportional time axis. Events known to the day (or week, or time) are
 * drawn; a few far earlier or later ones (background: "the 2014 war") would squeeze the rest into one point, so they
 * are listed beside the chart instead; events known only to the month or year are listed with their period, never
 * drawn as if they had a day; events with no usable date are not placed at all. Pure: no DOM.
 */
import type { DatePrecision, TimelineEvent } from '../../src/core/model.js';
import { parseIsoDate } from './format.js';

const DAY = 86_400_000;

/** An event with its number (chronological, 1-based) and the time it covers. */
export interface NumberedEvent {
  event: TimelineEvent;
  number: number;
  /** Start of the period the date names, ms since the epoch (UTC). */
  start: number;
  /** End of that period (exclusive); equal to `start` for a time of day. */
  end: number;
  /** Where it goes: on the chart, or listed as earlier, later, or less precise than a day. */
  place: 'chart' | 'earlier' | 'later' | 'coarse';
}

/** The chart's events and the rest, in date order. */
export interface TimelineLayout {
  /** Every dated event in date order (undated ones excluded), numbered. */
  events: NumberedEvent[];
  /** The time axis of the chart (padded), or null when nothing is drawn. */
  domain: [number, number] | null;
  /** Events whose date could not be read: shown as written, not placed. */
  unplaced: TimelineEvent[];
}

/** The end of the period a date of this precision names. */
function periodEnd(start: number, precision: DatePrecision): number {
  const d = new Date(start);
  switch (precision) {
    case 'year':
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    case 'week':
      // The date of a week-precise event is its best estimate: drawn on that day, like a day.
      return start + DAY;
    case 'time':
      return start;
    default:
      return start + DAY;
  }
}

function isCoarse(precision: DatePrecision): boolean {
  return precision === 'year' || precision === 'month';
}

/** Value at a fraction of a sorted list (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? 0;
}

/** Options of the layout. */
export interface LayoutOptions {
  /** Least distance of an outlier from the middle half, in days (default 14). */
  minFenceDays?: number;
}

/** Lays out the events of a timeline (in any order). */
export function layoutTimeline(timeline: readonly TimelineEvent[], options: LayoutOptions = {}): TimelineLayout {
  const unplaced: TimelineEvent[] = [];
  const dated: Omit<NumberedEvent, 'number' | 'place'>[] = [];
  for (const event of timeline) {
    // Reports may carry no date (null) for a relative date that could not be placed.
    const start = typeof event.date === 'string' ? parseIsoDate(event.date) : null;
    if (start === null) unplaced.push(event);
    else dated.push({ event, start, end: periodEnd(start, event.precision) });
  }
  dated.sort((a, b) => a.start - b.start || a.end - b.end);
  const fine = dated.filter((d) => !isCoarse(d.event.precision)).map((d) => d.start);
  // Outliers: far from the middle half of the events known to the day (Tukey's fences, widened).
  let lower = Number.NEGATIVE_INFINITY;
  let upper = Number.POSITIVE_INFINITY;
  if (fine.length >= 4) {
    const q1 = quantile(fine, 0.25);
    const q3 = quantile(fine, 0.75);
    const fence = Math.max(3 * (q3 - q1), (options.minFenceDays ?? 14) * DAY);
    lower = q1 - fence;
    upper = q3 + fence;
  }
  const drawn = dated.filter((d) => !isCoarse(d.event.precision) && d.start >= lower && d.start <= upper);
  const lo = Math.min(...drawn.map((d) => d.start));
  const hi = Math.max(...drawn.map((d) => d.end));
  const events = dated.map((d, i): NumberedEvent => {
    let place: NumberedEvent['place'] = 'chart';
    if (isCoarse(d.event.precision)) {
      if (drawn.length > 0 && d.end <= lo) place = 'earlier';
      else if (drawn.length > 0 && d.start >= hi) place = 'later';
      else place = 'coarse';
    } else if (d.start < lower) place = 'earlier';
    else if (d.start > upper) place = 'later';
    return { ...d, number: i + 1, place };
  });
  if (drawn.length === 0) return { events, domain: null, unplaced };
  // At least two days wide, padded so the first and last points are not cut by the edges.
  const width = Math.max(hi - lo, 2 * DAY);
  const middle = (lo + hi) / 2;
  const pad = width * 0.04;
  return { events, domain: [middle - width / 2 - pad, middle + width / 2 + pad], unplaced };
}
