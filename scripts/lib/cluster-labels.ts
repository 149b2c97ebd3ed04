// Runs the story clusterer over labelled articles the way a stream feeds it, for the evaluation and its tests.
import { createClusterer } from '../../src/core/cluster/clusterer.js';
import type { ClusterOptions } from '../../src/core/cluster/options.js';
import type { LabelledArticle } from './clustering-data.js';

/** Story labels the clusterer gives a stream fed in order (labels hidden); ids resolved at the end, after merges. */
export function clusterLabels(articles: readonly LabelledArticle[], options: ClusterOptions = {}): Map<string, string> {
  const clusterer = createClusterer(options);
  const placed = articles.map((a) => [a.id, clusterer.add(a).storyId] as const);
  return new Map(placed.map(([id, story]) => [id, clusterer.resolve(story)]));
}
