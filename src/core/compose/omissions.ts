import type { Fact, Omission } from '../model.js';

/** Share of the other articles that must report a fact for its absence from one article to count as an omission. */
const MOST = 0.5;

/** Per article, the shared facts that most of the other articles report and it does not (most supported first). */
export function findOmissions(facts: readonly Fact[], articleIds: readonly string[]): Omission[] {
  const others = Math.max(1, articleIds.length - 1);
  // Only facts most articles report can be omitted: picked once, so the cost does not grow with articles × facts.
  const widely = facts
    .filter((f) => f.articleIds.length >= 2 && f.articleIds.length / others > MOST)
    .map((f) => ({ id: f.id, articles: new Set(f.articleIds) }));
  return articleIds.map((articleId) => ({
    articleId,
    factIds: widely.filter((f) => !f.articles.has(articleId)).map((f) => f.id),
  }));
}
