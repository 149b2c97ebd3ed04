import type { Article, DateMention, NumberMention } from '../model.js';

/** Finds quantities with what they count, their qualifier, attribution and as-of date. PLACEHOLDER. */
export function findNumbers(_articles: readonly Article[], _dates: readonly DateMention[]): NumberMention[] {
  return [];
}
