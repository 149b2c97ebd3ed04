import * as chrono from 'chrono-node';
import type { DateValue, Embed } from '../../model.js';

/** A date in a URL path: /2021/05/17/ or /2021-05-17-. */
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/;

/**
 * An ISO date from the path of a URL (`/2021/05/17/`, `/2021-05-17-`), or null when absent, impossible or not a URL.
 * Only the path: a date in the query or the fragment is not the site's filing date.
 */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url.trim()).pathname;
  } catch {
    return null;
  }
  const m = URL_DATE.exec(path);
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A full calendar date (with a stated year) in a short stamp line, or null. */
export function dateFromLine(text: string): string | null {
  // A stated year needs digits; most lines have none, and chrono's full parse is costly.
  if (!/\d/.test(text)) return null;
  const results = chrono.parse(text);
  for (const r of results) {
    const s = r.start;
    if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) continue;
    const y = s.get('year');
    const m = s.get('month');
    const d = s.get('day');
    if (y === null || m === null || d === null) continue;
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

/** Where a publication date can come from, strongest first. */
export interface DateEvidence {
  /** Caller's metadata (ISO). */
  given?: string | undefined;
  /** HTML metadata, with where it was found. */
  html?: { value: string; basis: string; inferred?: boolean } | null | undefined;
  url?: string | null | undefined;
  /** Stamp lines removed from the page ("Published May 17, 2021"). */
  stampLines?: readonly string[];
  embeds?: readonly Embed[];
}

/**
 * The publication date: stated (caller, HTML, a stamp line in the text) or inferred (the URL path, as the page or
 * the caller gives it, else the latest embedded post: an article cannot predate a post it embeds, so that date is a
 * lower bound, not a statement). Every stated date wins over every inferred one.
 */
export function findPublishedDate(e: DateEvidence): DateValue | null {
  if (e.given) return { value: e.given, inferred: false, basis: 'input metadata' };
  if (e.html && !e.html.inferred) return { value: e.html.value, inferred: false, basis: e.html.basis };
  for (const line of e.stampLines ?? []) {
    const value = dateFromLine(line);
    if (value) return { value, inferred: false, basis: 'date stamp line in the text' };
  }
  // The page's own inference (its canonical URL's path) comes after every stated date.
  if (e.html) return { value: e.html.value, inferred: true, basis: e.html.basis };
  // A date in the URL path is the site's filing date, not a statement in the article: inferred.
  const fromUrl = e.url ? dateFromUrl(e.url) : null;
  if (fromUrl) return { value: fromUrl, inferred: true, basis: 'url path' };
  const dates = (e.embeds ?? []).map((x) => x.date).filter((d) => d !== null);
  if (dates.length === 0) return null;
  const latest = [...dates].sort().at(-1)!;
  return {
    value: latest,
    inferred: true,
    basis: `latest date of ${dates.length} embedded post${dates.length > 1 ? 's' : ''} (the article is no older)`,
  };
}
