/** Display formatting of dates and numbers (UTC, so a date reads the same in every time zone). */
import type { DatePrecision, DateValue } from '../../src/core/model.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Milliseconds since the epoch of an ISO date or date-time (partial dates allowed), or null. */
export function parseIsoDate(value: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const [, y, mo, d, hh, mm, ss] = m;
  const ms = Date.UTC(
    Number(y),
    mo ? Number(mo) - 1 : 0,
    d ? Number(d) : 1,
    Number(hh ?? 0),
    Number(mm ?? 0),
    Number(ss ?? 0),
  );
  return Number.isNaN(ms) ? null : ms;
}

/** A date as readers write it, at the precision it is known ("May 2021", "16 May 2021", "16 May 2021, 14:05"). */
export function formatDate(value: string, precision: DatePrecision = 'day'): string {
  const ms = parseIsoDate(value);
  if (ms === null) return value;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = MONTHS[d.getUTCMonth()] ?? '';
  const day = d.getUTCDate();
  const hasMonth = /^\d{4}-\d{2}/.test(value);
  const hasDay = /^\d{4}-\d{2}-\d{2}/.test(value);
  if (precision === 'year' || !hasMonth) return String(year);
  if (precision === 'month' || !hasDay) return `${month} ${year}`;
  const date = `${day} ${month} ${year}`;
  if (precision === 'week') return `week of ${date}`;
  if (precision === 'time' && /T\d{2}:\d{2}/.test(value)) {
    const time = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    return `${date}, ${time}`;
  }
  return date;
}

/**
 * A range of days, each part said once: "17–22 May 2021", "30 Apr – 2 May 2021", "30 Dec 2020 – 2 Jan 2021"; with
 * `between`, "between 17 and 22 May 2021". Anything not known to the day is written out in full.
 */
export function formatDateRange(earliest: string, latest: string, style: 'dash' | 'between' = 'dash'): string {
  const [a, b] = [formatDate(earliest), formatDate(latest)];
  const pa = /^(\d+) (\w+) (\d{4})$/.exec(a);
  const pb = /^(\d+) (\w+) (\d{4})$/.exec(b);
  const [first, last] =
    a === b ? [a, null] : pa && pb && pa[3] === pb[3] ? [pa[2] === pb[2] ? pa[1]! : `${pa[1]} ${pa[2]}`, b] : [a, b];
  if (last === null) return first;
  return style === 'between' ? `between ${first} and ${last}` : `${first}${first.includes(' ') ? ' – ' : '–'}${last}`;
}

/** The date of a date value in words, without its basis; a range as its first and last day. */
function dateOfValue(value: DateValue, style: 'dash' | 'between' = 'between'): string {
  if (value.earliest && value.latest) return formatDateRange(value.earliest, value.latest, style);
  return formatDate(value.value, /T\d{2}:\d{2}/.test(value.value) ? 'time' : 'day');
}

/**
 * A date value with ", inferred from …" when it was not stated. The basis is not put in parentheses: it often holds
 * some of its own ("latest date of 2 embedded posts (the article is no older)").
 */
export function formatDateValue(value: DateValue | null): string | null {
  if (!value) return null;
  const date = dateOfValue(value);
  return value.inferred ? `${date}, inferred from ${unnestParentheses(value.basis)}` : date;
}

/**
 * Text without a parenthesis inside another: an outer parenthesis that holds one becomes a colon ("article date
 * (latest date of 2 posts (the article is no older))" reads "article date: latest date of 2 posts (the article is no
 * older)"). Unbalanced text is returned as it is.
 */
export function unnestParentheses(text: string): string {
  const pairs: [number, number][] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') {
      const start = open.pop();
      if (start === undefined) return text;
      // An outermost pair that holds another pair.
      if (open.length === 0 && text.slice(start + 1, i).includes('(')) pairs.push([start, i]);
    }
  }
  if (open.length > 0) return text;
  let out = text;
  for (const [start, end] of pairs.reverse()) {
    out = `${out.slice(0, start).trimEnd()}: ${out.slice(start + 1, end)}${out.slice(end + 1)}`;
  }
  return out;
}

/** A date value in few words: the date, and "inferred" when it was not stated (the basis is left to a tooltip). */
export function formatDateValueShort(value: DateValue | null): string | null {
  if (!value) return null;
  const date = dateOfValue(value, 'dash');
  return value.inferred ? `${date}, inferred` : date;
}

/** A number with thousands separators. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Singular or plural noun with its count ("1 article", "3 articles"). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}
