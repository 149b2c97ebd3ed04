/**
 * A fictional news world for the stream tests: article pages published on a local site (one path prefix per
 * fictional outlet), RSS feeds listing them, and a stream over a temporary library with settings fit for a local
 * server (private addresses allowed, no delay between requests, short waits).
 */
import type { FeedItem } from './stream-fiction.js';
import { articleHtml, fictionArticle, fictionEvent, rssFeed, type FictionArticle } from './stream-fiction.js';
import type { FictionSite } from './fiction-site.js';
import type { StreamOptions } from '../../src/engine/stream/stream-options.js';

/** An article page on the local site. */
export interface Published {
  article: FictionArticle;
  path: string;
  url: string;
  /** ISO publication date the page and the feed state. */
  published: string;
}

/**
 * Publishes the reports of `events` by `outlets` (each a page naming itself canonical), dated one minute apart, or as
 * `dateOf` says.
 */
export function publish(
  site: FictionSite,
  events: readonly number[],
  outlets: readonly number[],
  options: { published?: string; prefix?: string; dateOf?: (event: number, outlet: number) => string } = {},
): Published[] {
  const base = Date.parse(options.published ?? '2024-05-01T10:00:00Z');
  const out: Published[] = [];
  for (const n of events) {
    for (const o of outlets) {
      const article = fictionArticle(fictionEvent(n), o);
      const path = `${options.prefix ?? ''}/${article.outlet.host}${article.path}`;
      const published = options.dateOf?.(n, o) ?? new Date(base + out.length * 60_000).toISOString();
      site.set(path, { body: articleHtml(article, { canonical: site.url(path), publishedAt: published }) });
      out.push({ article, path, url: site.url(path), published });
    }
  }
  return out;
}

/** The feed items of published pages. */
export function itemsOf(pages: readonly Published[]): FeedItem[] {
  return pages.map((p) => ({ title: p.article.title, link: p.url, pubDate: p.published }));
}

/** Serves an RSS feed of the pages at `path` (with an ETag when given) and returns its address. */
export function serveFeed(
  site: FictionSite,
  path: string,
  items: readonly FeedItem[],
  options: { etag?: string; title?: string } = {},
): string {
  site.set(path, {
    body: rssFeed(options.title ?? 'Fiction feed', items),
    contentType: 'application/rss+xml; charset=utf-8',
    ...(options.etag ? { etag: options.etag } : {}),
  });
  return site.url(path);
}

/** Stream settings for a local test server: quick, unthrottled, private addresses allowed, no reports. */
export function localStreamOptions(over: StreamOptions = {}): StreamOptions {
  return {
    allowPrivate: true,
    hostLimits: { delayMs: 0, concurrency: 8 },
    retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 50 },
    timeoutMs: 2_000,
    tickMs: 20,
    reportMinArticles: 1_000,
    ...over,
  };
}
