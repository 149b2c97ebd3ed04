import type { Article, DateMention } from '../model.js';

/** Options for date resolution. */
export interface DateOptions {
  /** Fallback reference date (ISO) for articles with no publication date. */
  referenceDate: string | null;
}

/** Finds and resolves date expressions in each article. PLACEHOLDER. */
export function findDates(_articles: readonly Article[], _options: DateOptions): DateMention[] {
  return [];
}
