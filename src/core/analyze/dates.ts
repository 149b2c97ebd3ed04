import type { ParsedResult, ParsingReference } from 'chrono-node';
import type { Article, DateMention } from '../model.js';
import { formatDay, noonUtc, parseIsoDay, type CalendarDay } from './dates/calendar.js';
import { newsDateParser } from './dates/date-parser.js';
import { articleReferenceDates, fullDatesOf, needsStatedDates, rememberStatedDates } from './dates/reference-dates.js';
import { toDateMention } from './dates/to-date-mention.js';

/** Options for date resolution. */
export interface DateOptions {
  /** Fallback reference date (ISO) for articles with no publication date. */
  referenceDate: string | null;
}

/** A stand-in reference for articles with none: only values the text states in full survive it (the rest get null). */
const NO_REFERENCE = { year: 2000, month: 1, day: 1 };

/** The reference instant chrono resolves against for a reference day (or none). */
function referenceOf(day: CalendarDay | null): ParsingReference {
  return { instant: noonUtc(day ?? NO_REFERENCE), timezone: 0 };
}

/**
 * Finds and resolves the date expressions of one article against its reference day (or none). `early` is a parse of
 * the whole text made against `early.day`, reused when that is the article's reference day.
 */
function datesOfArticle(
  article: Article,
  referenceDay: string | null,
  early: { day: string; results: ParsedResult[] } | undefined,
): DateMention[] {
  const day = referenceDay ? parseIsoDay(referenceDay) : null;
  const results =
    early && day && formatDay(day) === early.day
      ? early.results
      : newsDateParser().parse(article.text, referenceOf(day));
  return results
    .map((r) => toDateMention(article.id, article.text, r, { resolvable: day !== null }))
    .filter((m) => m.end > m.start);
}

/**
 * Finds and resolves date expressions in each article, against the article's publication date or, when it has none,
 * what the story offers (see `articleReferenceDates`). Relative expressions with nothing to rest on stay unresolved.
 */
export function findDates(articles: readonly Article[], options: DateOptions): DateMention[] {
  const early = parseUndatedEarly(articles, options.referenceDate);
  const references = articleReferenceDates(articles, options.referenceDate);
  return articles.flatMap((a) => datesOfArticle(a, references.get(a.id)?.value ?? null, early.get(a)));
}

/**
 * An article with no date of its own must be parsed once for the full dates it states (its own reference) and once
 * against its reference. With a fallback reference, that is the reference of every such article that states no full
 * date (most of them): one parse of the whole text against the fallback serves both, and is kept for the second.
 */
function parseUndatedEarly(
  articles: readonly Article[],
  fallback: string | null,
): Map<Article, { day: string; results: ParsedResult[] }> {
  const early = new Map<Article, { day: string; results: ParsedResult[] }>();
  const fallbackDay = fallback ? parseIsoDay(fallback) : null;
  if (!fallbackDay) return early;
  const day = formatDay(fallbackDay);
  for (const article of articles) {
    if (!needsStatedDates(article)) continue;
    const results = newsDateParser().parse(article.text, referenceOf(fallbackDay));
    const stated = fullDatesOf(results);
    rememberStatedDates(article, stated);
    if (stated.length === 0) early.set(article, { day, results });
  }
  return early;
}
