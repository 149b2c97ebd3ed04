/**
 * Outlet ratings that the user supplies: an outlet (by name or by domain), its lean on a five-point left..right
 * scale, who rated it and when. Parallax ships no ratings; this reads the user's table (CSV or JSON) into checked
 * records, each bad row a problem naming its line and the rest kept.
 */
import { readCsv } from './read-csv.js';

/** The five-point lean scale, from left to right. */
export const LEANS = ['left', 'lean-left', 'center', 'lean-right', 'right'] as const;

/** A lean on the five-point scale. */
export type Lean = (typeof LEANS)[number];

/** One rating of one outlet. */
export interface OutletRating {
  /** The outlet's name as the rater wrote it, or null when the rating names a domain only. */
  outlet: string | null;
  /** The outlet's host or domain, lower case without `www.` (e.g. "foxnews.com"), or null. */
  domain: string | null;
  lean: Lean;
  rater: string;
  /** The rating's date, as written: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
}

/** A row that could not be read. `row` is the line (CSV, header = 1) or the index (JSON, from 0); null: the file. */
export interface RatingProblem {
  row: number | null;
  message: string;
}

/** The readable ratings of a table and its problems. */
export interface ParsedRatings {
  ratings: OutletRating[];
  problems: RatingProblem[];
}

const LEAN_WORDS: Readonly<Record<string, Lean>> = {
  left: 'left',
  'lean left': 'lean-left',
  'leans left': 'lean-left',
  'left center': 'lean-left',
  'center left': 'lean-left',
  center: 'center',
  centre: 'center',
  'lean right': 'lean-right',
  'leans right': 'lean-right',
  'right center': 'lean-right',
  'center right': 'lean-right',
  right: 'right',
};

/** A lean from the words or numbers a rater may use ("Lean Left", "lean-left", "-1"); null when not on the scale. */
export function parseLean(value: string): Lean | null {
  const v = value.trim().toLowerCase();
  if (/^[+-]?\d+$/.test(v)) return LEANS[Number(v) + 2] ?? null;
  return LEAN_WORDS[v.replace(/[-_\s]+/g, ' ')] ?? null;
}

/** A domain as the table names it: a bare host, or a URL whose host is taken; lower case without `www.`. */
export function normalizeDomain(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  let host = v;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(v) || v.includes('/')) {
    try {
      host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(v) ? v : `https://${v}`).hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/\.$/, '').replace(/^www\d?\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
}

const DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A field of a row as text: null when absent or blank, undefined when it is not text (a number only for the lean). */
type FieldText = (name: string) => string | null | undefined;

/** The row's outlet and domain (at least one, the domain a real one), or the reason they are not usable. */
function outletAndDomain(text: FieldText): Pick<OutletRating, 'outlet' | 'domain'> | string {
  const outlet = text('outlet') ?? null;
  const rawDomain = text('domain') ?? null;
  const domain = rawDomain === null ? null : normalizeDomain(rawDomain);
  if (rawDomain !== null && domain === null) return `"${rawDomain}" is not a domain (e.g. example.com)`;
  if (outlet === null && domain === null) return 'needs an "outlet" or a "domain"';
  return { outlet, domain };
}

/** The row's lean, rater and date, or the reason they are not usable. */
function leanRaterDate(text: FieldText): Pick<OutletRating, 'lean' | 'rater' | 'date'> | string {
  const rawLean = text('lean') ?? null;
  if (rawLean === null) return 'needs a "lean"';
  const lean = parseLean(rawLean);
  if (lean === null) return `lean "${rawLean}" is not on the scale (${LEANS.join(', ')}, or -2..2)`;
  const rater = text('rater') ?? null;
  if (rater === null) return 'needs the rater\'s name ("rater")';
  const date = text('date') ?? null;
  if (date === null) return 'needs the date of the rating ("date", YYYY-MM-DD)';
  if (!DATE.test(date)) return `date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`;
  return { lean, rater, date };
}

/** Checks one row given as named fields; a rating, or the reason it is not one. */
export function ratingFromFields(fields: Readonly<Record<string, unknown>>): OutletRating | string {
  const text: FieldText = (name) => {
    const v = fields[name];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && name === 'lean') return String(v);
    return typeof v === 'string' ? v.trim() || null : undefined;
  };
  const bad = ['outlet', 'domain', 'lean', 'rater', 'date'].find((f) => text(f) === undefined);
  if (bad) return `"${bad}" must be text`;
  const source = outletAndDomain(text);
  if (typeof source === 'string') return source;
  const rating = leanRaterDate(text);
  if (typeof rating === 'string') return rating;
  return { ...source, ...rating };
}

const COLUMNS = ['outlet', 'domain', 'lean', 'rater', 'date'];

/** Reads a CSV ratings table: a header row naming the columns (any order, any case), then one rating a row. */
export function parseRatingsCsv(text: string): ParsedRatings {
  const table = readCsv(text);
  const [header, ...rows] = table.records;
  const problems: RatingProblem[] = [];
  if (!header) return { ratings: [], problems: [{ row: null, message: 'the file is empty' }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = ['lean', 'rater', 'date'].filter((c) => !names.includes(c));
  if (missing.length > 0 || !(names.includes('outlet') || names.includes('domain'))) {
    const need = 'outlet and/or domain, lean, rater, date';
    return { ratings: [], problems: [{ row: header.line, message: `the header must name the columns ${need}` }] };
  }
  const ratings: OutletRating[] = [];
  // A quoted field never closed swallows the rest of the file into one record: that record is not a rating.
  if (table.unclosedQuoteLine !== null) rows.pop();
  for (const record of rows) {
    const fields: Record<string, string> = {};
    names.forEach((name, i) => {
      if (COLUMNS.includes(name)) fields[name] = record.fields[i] ?? '';
    });
    const rating = ratingFromFields(fields);
    if (typeof rating === 'string') problems.push({ row: record.line, message: rating });
    else ratings.push(rating);
  }
  if (table.unclosedQuoteLine !== null) {
    problems.push({ row: table.unclosedQuoteLine, message: 'a quoted field starts here and is never closed' });
  }
  return { ratings, problems };
}

/** Reads a JSON ratings table: an array of rating objects, or `{ "ratings": [...] }`. */
export function parseRatingsJson(text: string): ParsedRatings {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ratings: [], problems: [{ row: null, message: `not valid JSON (${(error as Error).message})` }] };
  }
  const list = Array.isArray(value) ? value : (value as { ratings?: unknown } | null)?.ratings;
  if (!Array.isArray(list)) {
    return { ratings: [], problems: [{ row: null, message: 'expected an array of ratings or {"ratings": [...]}' }] };
  }
  const ratings: OutletRating[] = [];
  const problems: RatingProblem[] = [];
  list.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ row: i, message: 'expected an object {outlet?, domain?, lean, rater, date}' });
      return;
    }
    const rating = ratingFromFields(item as Record<string, unknown>);
    if (typeof rating === 'string') problems.push({ row: i, message: rating });
    else ratings.push(rating);
  });
  return { ratings, problems };
}
