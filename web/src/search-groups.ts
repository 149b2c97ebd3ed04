/** Search hits grouped by story, for the results page. Pure: no DOM. */
import type { SearchResult, StorySummary } from './api.js';

/** A story with its search hits. */
export interface SearchGroup {
  storyId: string;
  title: string;
  hits: SearchResult[];
}

/** Hits grouped by story, in the order the search ranks them; stories that match by title only come last. */
export function groupHits(hits: readonly SearchResult[], stories: readonly StorySummary[]): SearchGroup[] {
  const groups = new Map<string, SearchGroup>();
  for (const hit of hits) {
    const group = groups.get(hit.storyId) ?? { storyId: hit.storyId, title: hit.storyTitle?.trim() ?? '', hits: [] };
    group.hits.push(hit);
    groups.set(hit.storyId, group);
  }
  for (const story of stories) {
    if (!groups.has(story.id)) groups.set(story.id, { storyId: story.id, title: story.title?.trim() ?? '', hits: [] });
  }
  return [...groups.values()];
}
