import type { SparseVector } from './similarity.js';

/** Per-article sums of term weights and the story-wide sum, to compare a text with what the other articles say. */
export interface ConsensusCentroids {
  /** Unit centroid of each article (its statements and title together). */
  byArticle: ReadonlyMap<string, SparseVector>;
  /** Sum of all article centroids. */
  total: ReadonlyMap<string, number>;
  /** Per article: the norm of the centroid sum of the other articles (`total` minus its own centroid). */
  othersNorm: ReadonlyMap<string, number>;
  articleCount: number;
}

function addInto(target: Map<string, number>, vector: SparseVector, weight: number): void {
  for (const [t, w] of vector) target.set(t, (target.get(t) ?? 0) + weight * w);
}

function unit(vector: Map<string, number>): Map<string, number> {
  let norm = 0;
  for (const w of vector.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of vector) vector.set(t, w / norm);
  return vector;
}

/**
 * Builds one unit centroid per article, so that every outlet weighs the same however long its article is. Each item
 * is a vector with the article it belongs to and a weight (titles can count more than one body sentence).
 */
export function buildCentroids(
  items: readonly { articleId: string; vector: SparseVector; weight: number }[],
): ConsensusCentroids {
  const sums = new Map<string, Map<string, number>>();
  for (const item of items) {
    const sum = sums.get(item.articleId) ?? new Map<string, number>();
    addInto(sum, item.vector, item.weight);
    sums.set(item.articleId, sum);
  }
  const byArticle = new Map<string, SparseVector>();
  const total = new Map<string, number>();
  for (const [id, sum] of sums) {
    const centroid = unit(sum);
    byArticle.set(id, centroid);
    addInto(total, centroid, 1);
  }
  let totalNorm2 = 0;
  for (const w of total.values()) totalNorm2 += w * w;
  const othersNorm = new Map<string, number>();
  for (const [id, own] of byArticle) {
    // |T - A|² = |T|² - 2 T·A + |A|², with T·A over the own centroid's terms only.
    let totalDotOwn = 0;
    let ownNorm2 = 0;
    for (const [t, w] of own) {
      totalDotOwn += w * (total.get(t) ?? 0);
      ownNorm2 += w * w;
    }
    othersNorm.set(id, Math.sqrt(Math.max(0, totalNorm2 - 2 * totalDotOwn + ownNorm2)));
  }
  return { byArticle, total, othersNorm, articleCount: byArticle.size };
}

/**
 * Cosine of a unit vector with the centroid of the OTHER articles (the total minus the article's own centroid): how
 * much the rest of the story says the same. The cost follows the size of the vector only.
 * With a single article, the article's own centroid is used.
 */
export function consensusOf(vector: SparseVector, articleId: string, centroids: ConsensusCentroids): number {
  const own = centroids.byArticle.get(articleId);
  if (centroids.articleCount <= 1 || !own) {
    if (!own) return 0;
    let dot = 0;
    for (const [t, w] of vector) dot += w * (own.get(t) ?? 0);
    return dot;
  }
  const norm = centroids.othersNorm.get(articleId) ?? 0;
  if (norm <= 1e-9) return 0;
  let dot = 0;
  for (const [t, w] of vector) dot += w * ((centroids.total.get(t) ?? 0) - (own.get(t) ?? 0));
  return Math.max(0, dot / norm);
}
