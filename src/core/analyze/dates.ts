import type { Article, DateMention } from '../model.js';
import { datesOfStory } from './dates/reference-dates.js';

/** Options for date resolution. */
export interface DateOptions {
  /** The caller's reference date (ISO) for articles whose own evidence fixes no date; null for none. */
  referenceDate: string | null;
}

/**
 * Finds and resolves the date expressions of each article against the article's date: its own, else the one its own
 * evidence fixes (see `datesOfStory`), else the caller's reference date. Relative expressions with nothing to rest
 * on stay unresolved.
 */
export function findDates(articles: readonly Article[], options: DateOptions): DateMention[] {
  return datesOfStory(articles, options).mentions;
}
