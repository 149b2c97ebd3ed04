/**
 * The API's views of the story library: a story as listed (with what its stored digest says: outlets, lede, lead
 * entities, and its coverage by lean when the server has the user's ratings), and a story page's coverage by lean
 * with the lean of each article.
 */
import type { ArticleText, LightReport } from '../core/light-report.js';
import type { Report } from '../core/model.js';
import type { StoryDigest } from '../core/story-digest.js';
import { coverageSplit, findRating, type CoverageSplit, type RatingsIndex } from '../core/stream/coverage-split.js';
import type { Lean } from '../core/stream/ratings.js';
import type { ListedStory, StoryRecord } from '../engine/storage/story-repository.js';

/** `GET /api/stories/:id`: the story, its coverage by lean (with ratings), and its report (`?texts=0`: light). */
export interface StoryReportView {
  story: StoryRecord;
  coverage?: StoryCoverage;
  report: Report | LightReport;
}

/** `GET /api/stories/:id/articles/:articleId`: one article's cleaned text and what cleaning removed. */
export interface ArticleTextView extends ArticleText {
  storyId: string;
  articleId: string;
}

/** A story's coverage by lean as a story page gets it: the split, and the lean of each rated article. */
export interface StoryCoverage extends CoverageSplit {
  /** The lean of each rated article's outlet (a list, not an object: article ids are untrusted text). */
  articleLeans: { articleId: string; lean: Lean }[];
}

/** A story as listed by `GET /api/stories`. */
export interface StoryListView extends StoryRecord {
  outletCount: number;
  /** Each outlet once with its number of articles, in order of its first article. */
  outlets: { name: string; articles: number }[];
  lede: string | null;
  leadEntities: StoryDigest['leadEntities'];
  coverage?: CoverageSplit;
}

/** A listed story with its digest's fields (empty when it has no digest) and, with ratings, its coverage. */
export function storyListView(story: ListedStory, ratings: RatingsIndex | null): StoryListView {
  const { digest, ...record } = story;
  const outlets = digest?.outlets ?? [];
  return {
    ...record,
    outletCount: outlets.length,
    outlets: outlets.map((o) => ({ name: o.name, articles: o.articleIds.length })),
    lede: digest?.lede ?? null,
    leadEntities: digest?.leadEntities ?? [],
    ...(ratings ? { coverage: coverageSplit(outlets, ratings) } : {}),
  };
}

/** The coverage of a story page, or null without ratings or a digest. */
export function storyCoverage(digest: StoryDigest | null, ratings: RatingsIndex | null): StoryCoverage | null {
  if (!ratings || !digest) return null;
  const articleLeans = digest.outlets.flatMap((outlet) => {
    const lean = findRating(outlet, ratings)?.lean;
    return lean ? outlet.articleIds.map((articleId) => ({ articleId, lean })) : [];
  });
  return { ...coverageSplit(digest.outlets, ratings), articleLeans };
}
