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
  /** HTML metadata, with where it was found (and the kind of source, for the provenance: `json-ld`, `meta-tag`...). */
  html?: { value: string; basis: string; inferred?: boolean; rule?: string } | null | undefined;
  url?: string | null | undefined;
  /** Stamp lines removed from the page ("Published May 17, 2021"). */
  stampLines?: readonly string[];
  embeds?: readonly Embed[];
}

/** The publication date with the rule (kind of source) it was taken from. */
export interface FoundDate {
  date: DateValue;
  /** `input-metadata`, the page's (`json-ld`, `meta-tag`, `time-element`, `url-path`), `stamp-line`, `embedded-posts`. */
  rule: string;
}

/** The rule of a date the page gave when it does not say (a hand-built evidence object). */
const HTML_DATE = 'html-metadata';

/** A stated date: the caller's, the page's, else a stamp line's. */
function statedDate(e: DateEvidence): FoundDate | null {
  if (e.given) return { date: { value: e.given, inferred: false, basis: 'input metadata' }, rule: 'input-metadata' };
  if (e.html && !e.html.inferred) {
    return { date: { value: e.html.value, inferred: false, basis: e.html.basis }, rule: e.html.rule ?? HTML_DATE };
  }
  for (const line of e.stampLines ?? []) {
    const value = dateFromLine(line);
    if (value) return { date: { value, inferred: false, basis: 'date stamp line in the text' }, rule: 'stamp-line' };
  }
  return null;
}

/** An inferred date: the page's own inference, the URL path, else the latest embedded post's. */
function inferredDate(e: DateEvidence): FoundDate | null {
  // The page's own inference (its canonical URL's path) comes after every stated date.
  if (e.html) {
    return { date: { value: e.html.value, inferred: true, basis: e.html.basis }, rule: e.html.rule ?? HTML_DATE };
  }
  // A date in the URL path is the site's filing date, not a statement in the article: inferred.
  const fromUrl = e.url ? dateFromUrl(e.url) : null;
  if (fromUrl) return { date: { value: fromUrl, inferred: true, basis: 'url path' }, rule: 'url-path' };
  const dates = (e.embeds ?? []).map((x) => x.date).filter((d) => d !== null);
  if (dates.length === 0) return null;
  const latest = [...dates].sort().at(-1)!;
  const basis = `latest date of ${dates.length} embedded post${dates.length > 1 ? 's' : ''} (the article is no older)`;
  return { date: { value: latest, inferred: true, basis }, rule: 'embedded-posts' };
}

/**
 * The publication date and its source: stated (caller, HTML, a stamp line in the text) or inferred (the URL path, as
 * the page or the caller gives it, else the latest embedded post: an article cannot predate a post it embeds, so that
 * date is a lower bound, not a statement). Every stated date wins over every inferred one.
 */
export function findPublishedDateSource(e: DateEvidence): FoundDate | null {
  return statedDate(e) ?? inferredDate(e);
}

/** The publication date (see `findPublishedDateSource`). */
export function findPublishedDate(e: DateEvidence): DateValue | null {
  return findPublishedDateSource(e)?.date ?? null;
}
