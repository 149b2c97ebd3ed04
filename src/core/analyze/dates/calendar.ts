/** Plain calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that results never depend on the host time zone. */

/** A calendar day. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** Parses the date part of an ISO date or date-time, or null when it is not one. */
export function parseIsoDay(iso: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(day) ? day : null;
}

/** True when the day exists in the calendar (no 31 April). */
export function isValidDay(d: CalendarDay): boolean {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCFullYear() === d.year && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

/** Formats a day as YYYY-MM-DD. */
export function formatDay(d: CalendarDay): string {
  return `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}`;
}

/** Formats a month as YYYY-MM. */
export function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}`;
}

/** Two-digit zero padding. */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The day `n` days after `d` (negative n goes back). */
export function addDays(d: CalendarDay, n: number): CalendarDay {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Day of the week, 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(d: CalendarDay): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Noon UTC of the day: a reference instant whose calendar day is the same in every time zone from UTC-11 to UTC+11. */
export function noonUtc(d: CalendarDay): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
