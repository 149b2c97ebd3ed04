import { createClusterer, type Clusterer } from '../core/cluster/clusterer.js';
import type { ClusterOptions } from '../core/cluster/options.js';
import { ClusterInputError, type Assignment, type Decision } from '../core/cluster/types.js';
import type { InputFailure } from '../core/model.js';
import { readArticleStream, type ArticleStreamOptions } from './stream/read-articles-jsonl.js';

/** One article's place in the stories, as `parallax cluster` prints it. */
export interface ClusteredArticle {
  /** The input line the article was on. */
  line: number;
  id: string;
  /** The article's story at the end of the stream (a story merged later resolves to the story it joined). */
  storyId: string;
  decision: Decision;
  /** The story the article was placed in when it arrived, when a later merge changed it. */
  assignedStoryId?: string;
  mergedStoryIds?: string[];
  reason: Assignment['reason'];
}

/** What clustering a stream gives: every article placed, in input order, and the lines that failed. */
export interface ClusterRunResult {
  articles: ClusteredArticle[];
  failures: InputFailure[];
  /** Stories found (after merges). */
  stories: number;
  /** The clusterer, for its statistics or a snapshot. */
  clusterer: Clusterer;
}

/** Options of clustering an article stream: reading limits and the clusterer's options. */
export interface ClusterRunOptions extends ArticleStreamOptions {
  cluster?: ClusterOptions;
}

/**
 * Clusters a JSON Lines article stream (a path, or `-` for standard input) in its order, one article at a time: each
 * line read, placed, and its decision kept. Bad lines become failures and the rest goes on. Story ids are resolved at
 * the end, so an article in a story that a later article merged away carries the surviving story's id.
 */
export async function clusterArticleFile(path: string, options: ClusterRunOptions = {}): Promise<ClusterRunResult> {
  const clusterer = createClusterer(options.cluster);
  const placed: ClusteredArticle[] = [];
  const failures: InputFailure[] = [];
  for await (const item of readArticleStream(path, options)) {
    if ('failure' in item) {
      failures.push(item.failure);
      continue;
    }
    const { article } = item;
    try {
      const a = clusterer.add(article);
      placed.push({
        line: item.line,
        id: a.id,
        storyId: a.storyId,
        decision: a.decision,
        ...(a.mergedStoryIds ? { mergedStoryIds: a.mergedStoryIds } : {}),
        reason: a.reason,
      });
    } catch (error) {
      if (!(error instanceof ClusterInputError)) throw error;
      const source = `${path === '-' ? 'stdin' : path}#${item.line}`;
      failures.push({ source, code: 'bad-article', message: `${source}: ${error.message}` });
    }
  }
  const articles = placed.map((p) => {
    const final = clusterer.resolve(p.storyId);
    return final === p.storyId ? p : { ...p, storyId: final, assignedStoryId: p.storyId };
  });
  return { articles, failures, stories: new Set(articles.map((a) => a.storyId)).size, clusterer };
}
