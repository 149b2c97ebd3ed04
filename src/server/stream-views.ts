/**
 * The API's views of the stream's records: a feed with its record flattened and a status, a stream story with its
 * outlet names and, when the server has ratings, its coverage by lean.
 */
import { coverageSplit, type CoverageSplit, type RatingsIndex } from '../core/stream/coverage-split.js';
import type { FeedRecord, StreamStorySummary } from '../engine/storage/stream-repository.js';

/** How a feed stands: never polled yet, polled fine, or failing. */
export type FeedStatus = 'new' | 'ok' | 'failing';

/** A feed as the API shows it. */
export type FeedView = ReturnType<typeof feedView>;

/** A feed as the API shows it: its record flattened, with a status. */
export function feedView(feed: FeedRecord) {
  const s = feed.state;
  const status: FeedStatus = s.consecutiveFailures > 0 ? 'failing' : s.lastPollAt === null ? 'new' : 'ok';
  return {
    id: feed.id,
    url: feed.url,
    title: feed.title,
    addedAt: feed.addedAt,
    status,
    lastPollAt: s.lastPollAt,
    lastSuccessAt: s.lastSuccessAt,
    lastChangeAt: s.lastChangeAt,
    lastError: s.lastError,
    consecutiveFailures: s.consecutiveFailures,
    nextPollAt: s.nextPollAt,
    articles: feed.articles,
    queued: feed.queued,
    failedArticles: feed.failedArticles,
    lastArticleError: feed.lastArticleError,
  };
}

/** The coverage of a story's outlets by lean, or nothing without ratings. */
export function coverageOf(
  story: Pick<StreamStorySummary, 'outlets'>,
  ratings: RatingsIndex | null,
): { coverage?: CoverageSplit } {
  return ratings ? { coverage: coverageSplit(story.outlets, ratings) } : {};
}

/** A stream story as the API lists it. */
export type StreamStoryView = ReturnType<typeof storySummaryView>;

/** A stream story as listed: outlet names and count, and the coverage when rated. */
export function storySummaryView(story: StreamStorySummary, ratings: RatingsIndex | null) {
  const outlets = story.outlets.map((o) => o.outlet ?? o.url).filter((name): name is string => name !== null);
  return {
    id: story.id,
    title: story.title,
    articleCount: story.articleCount,
    outletCount: outlets.length,
    outlets,
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    reportAt: story.reportAt,
    reportPending: story.reportPending,
    leadEntities: story.leadEntities,
    ...coverageOf(story, ratings),
  };
}
