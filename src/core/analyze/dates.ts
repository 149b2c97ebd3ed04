import type { Article, DateMention } from '../model.js';
import { noonUtc, parseIsoDay } from './dates/calendar.js';
import { newsDateParser } from './dates/date-parser.js';
import { articleReferenceDates } from './dates/reference-dates.js';
import { toDateMention } from './dates/to-date-mention.js';

/** Options for date resolution. */
export interface DateOptions {
  /** Fallback reference date (ISO) for articles with no publication date. */
  referenceDate: string | null;
}

/** A stand-in reference for articles with none: only values the text states in full survive it (the rest get null). */
const NO_REFERENCE = { year: 2000, month: 1, day: 1 };

/** Finds and resolves the date expressions of one article against its reference day (or none). */
function datesOfArticle(article: Article, referenceDay: string | null): DateMention[] {
  const day = referenceDay ? parseIsoDay(referenceDay) : null;
  const reference = { instant: noonUtc(day ?? NO_REFERENCE), timezone: 0 };
  return newsDateParser()
    .parse(article.text, reference)
    .map((r) => toDateMention(article.id, article.text, r, { resolvable: day !== null }))
    .filter((m) => m.end > m.start);
}

/**
 * Finds and resolves date expressions in each article, against the article's publication date or, when it has none,
 * what the story offers (see `articleReferenceDates`). Relative expressions with nothing to rest on stay unresolved.
 */
export function findDates(articles: readonly Article[], options: DateOptions): DateMention[] {
  const references = articleReferenceDates(articles, options.referenceDate);
  return articles.flatMap((a) => datesOfArticle(a, references.get(a.id)?.value ?? null));
}
