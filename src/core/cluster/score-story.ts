import { DAY_MS } from './cluster-state.js';
import type { ResolvedClusterOptions } from './options.js';
import { similarity, type ArticleVector, type StoryState } from './story-profile.js';
import type { StoryScore } from './types.js';

/** An article ready to be compared with stories. */
export interface PreparedArticle {
  id: string;
  /** Publication time in ms, null when undated. */
  time: number | null;
  /** Outlet name in lower case, null when unknown. */
  outlet: string | null;
  vector: ArticleVector;
}

/** A story's score with the story's internal number (for tie-breaking and lookups). */
export type NumberedScore = StoryScore & { seq: number };

/** The id of the story with creation number `seq`. */
export function storyIdOf(seq: number): string {
  return `s${seq}`;
}

/** Days from a time to a story's span of dates (0 inside it); null when either is undated. */
export function gapDays(time: number | null, story: StoryState): number | null {
  if (time === null || story.first === null || story.last === null) return null;
  const gap = time < story.first ? story.first - time : time > story.last ? time - story.last : 0;
  return gap / DAY_MS;
}

/** Rounds a score to 6 decimals: short to store, and what decisions compare (so a restored run decides alike). */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Scores a story for an article: the group-average similarity, times `exp(-gap / timeDecayDays)` for the time gap
 * (or the undated factor when the gap is unknown), times the same-outlet factor when the story already has an article
 * from the article's outlet. Null when the story has gone quiet as of the article's date.
 */
export function scoreStory(
  article: PreparedArticle,
  story: StoryState,
  options: Readonly<ResolvedClusterOptions>,
): NumberedScore | null {
  const gap = gapDays(article.time, story);
  // A story can still be live when an article arrives out of order; it is quiet for an article past its window.
  if (gap !== null && article.time! > story.last! && gap > options.quietDays) return null;
  const cosine = similarity(article.vector, story);
  const sameOutlet = article.outlet !== null && story.outlets.has(article.outlet);
  const timeFactor = gap === null ? options.undatedFactor : Math.exp(-gap / Math.max(options.timeDecayDays, 1e-9));
  return {
    storyId: storyIdOf(story.seq),
    similarity: round(cosine),
    score: round(cosine * timeFactor * (sameOutlet ? options.sameOutletFactor : 1)),
    gapDays: gap === null ? null : round(gap),
    sameOutlet,
    seq: story.seq,
  };
}

/** A story score without the internal story number, as it is shown. */
export function publicScore(score: NumberedScore): StoryScore {
  const { seq: _seq, ...rest } = score;
  return rest;
}
