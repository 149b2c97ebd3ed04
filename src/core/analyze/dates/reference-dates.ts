import type { ParsedResult } from 'chrono-node';
import type { Article, DateValue } from '../../model.js';
import { formatDay, noonUtc, parseIsoDay } from './calendar.js';
import { newsDateParser } from './date-parser.js';
import { fullDateWindows } from './date-windows.js';
import { isInferred, precisionOf } from './to-date-mention.js';

/** A fixed instant for parsing before any reference is known; only fully stated dates are read from such a parse. */
const PLACEHOLDER = { instant: noonUtc({ year: 2000, month: 1, day: 1 }), timezone: 0 };

/** The latest date among ISO values, or null. */
function latest(values: readonly string[]): string | null {
  return values.length > 0 ? [...values].sort().at(-1)! : null;
}

/** Full dates the text states outright ("May 16, 2021"), day precision, independent of any reference date. */
export function statedFullDates(text: string): string[] {
  return fullDatesOf(newsDateParser().parse(text, PLACEHOLDER));
}

/** The same days as `statedFullDates`, parsing only the stretches of the text that can hold a full date. */
export function statedFullDatesQuickly(text: string): string[] {
  const windows = fullDateWindows(text);
  if (windows.length === 1 && windows[0]!.start === 0 && windows[0]!.end === text.length) return statedFullDates(text);
  return windows.flatMap((w) => statedFullDates(text.slice(w.start, w.end)));
}

/**
 * The full dates stated among parsed results (day precision, nothing taken from the reference): the same days whatever
 * reference the text was parsed against, so a parse made for resolving dates can serve here too.
 */
export function fullDatesOf(results: readonly ParsedResult[]): string[] {
  const days: string[] = [];
  for (const r of results) {
    const s = r.start;
    if (isInferred(r, precisionOf(r)) || !s.isCertain('day')) continue;
    const day = parseIsoDay(formatDay({ year: s.get('year')!, month: s.get('month')!, day: s.get('day')! }));
    if (day) days.push(formatDay(day));
  }
  return days;
}

/** Each article's own reference, memoized: dates and numbers both ask for it, and it depends on the article alone. */
const ownReferences = new WeakMap<Article, DateValue | null>();

/** What one article offers on its own (memoized per article object); see `computeOwnReference`. */
function ownReference(article: Article): DateValue | null {
  if (ownReferences.has(article)) return ownReferences.get(article) ?? null;
  const value = computeOwnReference(article);
  ownReferences.set(article, value);
  return value;
}

/** What one article offers on its own: its publication date, else its embedded posts' dates, else dates it states. */
function computeOwnReference(article: Article): DateValue | null {
  return referenceWithoutText(article) ?? referenceFromStated(statedFullDatesQuickly(article.text));
}

/** The reference an article's publication date or embedded posts give, without reading its text; else null. */
function referenceWithoutText(article: Article): DateValue | null {
  if (article.publishedAt) {
    const day = parseIsoDay(article.publishedAt.value);
    if (day) return { ...article.publishedAt, value: formatDay(day) };
  }
  const embedded = latest(article.embeds.map((e) => e.date).filter((d): d is string => d !== null));
  if (embedded) return { value: embedded.slice(0, 10), inferred: true, basis: 'latest embedded post date' };
  return null;
}

/** The reference the full dates a text states give (the latest of them), or null when it states none. */
function referenceFromStated(days: readonly string[]): DateValue | null {
  const stated = latest(days);
  return stated ? { value: stated, inferred: true, basis: 'latest full date stated in the text' } : null;
}

/** True when an article's own reference is not known yet and rests on the full dates its text states. */
export function needsStatedDates(article: Article): boolean {
  return !ownReferences.has(article) && referenceWithoutText(article) === null;
}

/**
 * Records the full dates an article's text states (from a parse of the whole text, see `fullDatesOf`) as the basis of
 * its own reference, so that `articleReferenceDates` need not parse the text again. Only for articles for which
 * `needsStatedDates` is true.
 */
export function rememberStatedDates(article: Article, days: readonly string[]): void {
  ownReferences.set(article, referenceFromStated(days));
}

/**
 * The reference date of each article (by id) for resolving relative dates: its own publication date or what the
 * article itself offers, else the caller's reference date, else the latest date the other articles of the story offer;
 * null when nothing supports one. Everything but a stated publication date is marked inferred, with its basis.
 */
export function articleReferenceDates(
  articles: readonly Article[],
  fallback: string | null,
): Map<string, DateValue | null> {
  const own = new Map(articles.map((a) => [a.id, ownReference(a)] as const));
  const fallbackDay = fallback ? parseIsoDay(fallback) : null;
  const out = new Map<string, DateValue | null>();
  for (const article of articles) {
    const mine = own.get(article.id) ?? null;
    if (mine) {
      out.set(article.id, mine);
      continue;
    }
    if (fallbackDay) {
      out.set(article.id, { value: formatDay(fallbackDay), inferred: true, basis: 'story reference date' });
      continue;
    }
    const others = latest(
      articles.filter((a) => a.id !== article.id).flatMap((a) => (own.get(a.id) ? [own.get(a.id)!.value] : [])),
    );
    out.set(article.id, others ? { value: others, inferred: true, basis: 'latest date of the other articles' } : null);
  }
  return out;
}
