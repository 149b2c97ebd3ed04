import type { Article, Entity, Quote } from '../model.js';

/** Finds direct, partial and indirect quotes with their speakers. PLACEHOLDER. */
export function findQuotes(_articles: readonly Article[], _entities: readonly Entity[]): Quote[] {
  return [];
}
