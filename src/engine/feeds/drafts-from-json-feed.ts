/** Reads the items of a JSON Feed (1.0, 1.1), as parsed by feedsmith, into entry drafts. */
import type { JsonFeed } from 'feedsmith';
import { content, plainTitle } from './entry-builder.js';
import type { FeedDrafts } from './drafts-from-rss.js';
import { effectiveBase } from './resolve-link.js';

/** Drafts of a JSON Feed's items; `url` is the feed's own address (the base of relative links). */
export function draftsFromJsonFeed(feed: JsonFeed.Feed<string>, url: string | null): FeedDrafts {
  // The address the feed was fetched from wins over the addresses it claims for itself.
  const base = effectiveBase([feed.home_page_url, feed.feed_url, url]);
  const drafts = (feed.items ?? []).map((item) => ({
    link: item.url ?? item.external_url ?? null,
    base,
    guid: item.id ?? null,
    title: plainTitle(item.title, false),
    published: item.date_published,
    updated: item.date_modified,
    author: item.authors?.[0]?.name ?? feed.authors?.[0]?.name ?? null,
    summary: content('text', item.summary),
    content: content('html', item.content_html) ?? content('text', item.content_text),
  }));
  return { title: plainTitle(feed.title, false), drafts };
}
