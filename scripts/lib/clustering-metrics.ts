// Scores of a clustering against the true grouping: pairwise and B-cubed precision, recall and F1, as used for news
// story clustering (B-cubed: Bagga & Baldwin 1998; averaged per item as in Amigó et al. 2009).

/** Precision, recall and their harmonic mean. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** Both scores of one clustering. */
export interface ClusteringScores {
  pairwise: PRF;
  bcubed: PRF;
}

/** Harmonic mean of precision and recall (0 when both are 0). */
function prf(precision: number, recall: number): PRF {
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Pairs among n items. */
function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Sizes of the groups of a labelling. */
function groupSizes(labels: ReadonlyMap<string, string>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const label of labels.values()) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  return sizes;
}

/**
 * Scores predicted story labels against true ones, over the items both label (item id -> label). Pairwise: of the
 * pairs put together, the share truly together (precision), and of the true pairs, the share put together (recall);
 * a side with no pairs at all scores 1. B-cubed: per item, the share of its predicted cluster in its true story
 * (precision) and of its true story in its predicted cluster (recall), averaged over items.
 */
export function scoreClustering(
  truth: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): ClusteringScores {
  const items = [...truth.keys()].filter((id) => predicted.has(id));
  const t = new Map(items.map((id) => [id, truth.get(id)!]));
  const p = new Map(items.map((id) => [id, predicted.get(id)!]));
  const both = new Map<string, number>();
  for (const id of items) {
    const cell = `${t.get(id)!}\u0000${p.get(id)!}`;
    both.set(cell, (both.get(cell) ?? 0) + 1);
  }
  const trueSizes = groupSizes(t);
  const predSizes = groupSizes(p);
  let together = 0;
  for (const n of both.values()) together += pairs(n);
  let truePairs = 0;
  for (const n of trueSizes.values()) truePairs += pairs(n);
  let predPairs = 0;
  for (const n of predSizes.values()) predPairs += pairs(n);
  let bp = 0;
  let br = 0;
  for (const id of items) {
    const overlap = both.get(`${t.get(id)!}\u0000${p.get(id)!}`)!;
    bp += overlap / predSizes.get(p.get(id)!)!;
    br += overlap / trueSizes.get(t.get(id)!)!;
  }
  const n = items.length || 1;
  return {
    pairwise: prf(predPairs > 0 ? together / predPairs : 1, truePairs > 0 ? together / truePairs : 1),
    bcubed: prf(items.length ? bp / n : 1, items.length ? br / n : 1),
  };
}
