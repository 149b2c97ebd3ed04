import { newFeedState } from '../fetch/feed-state.js';
import type { NewFeed } from '../storage/stream-repository.js';

/** Feeds to add from addresses (and titles), each due at once, added at `now` (ms). */
export function newFeeds(refs: readonly { url: string; title: string | null }[], now: number): NewFeed[] {
  const addedAt = new Date(now).toISOString();
  return refs.map((r) => ({ url: r.url, title: r.title, state: newFeedState(r.url, now), addedAt }));
}
