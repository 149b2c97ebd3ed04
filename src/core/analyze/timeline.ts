import type { Article, DateMention, TimelineEvent } from '../model.js';

/** Builds the story's dated events, merged across articles. PLACEHOLDER. */
export function buildTimeline(_articles: readonly Article[], _dates: readonly DateMention[]): TimelineEvent[] {
  return [];
}
