/**
 * A fictional news world for the stream tests: article pages published on a local site (one path prefix per
 * fictional outlet), RSS feeds listing them, and a stream over a temporary library with settings fit for a local
 * server (private addresses allowed, no delay between requests, short waits).
 */
import type { FeedItem } from './stream-fiction.js';
import { articleHtml, fictionArticle, fictionEvent, rssFeed, type FictionArticle } from './stream-fiction.js';
import type { FictionSite } from './fiction-site.js';
import type { StreamOptions } from '../../src/engine/stream/stream-options.js';
import { indexRatings } from '../../src/core/stream/coverage-split.js';
import { parseRatingsJson } from '../../src/core/stream/ratings.js';

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

/** Ratings of three of the fictional outlets (one left, one lean left, one right), the rest unrated. */
export const FICTION_RATINGS = indexRatings(
  parseRatingsJson(
    JSON.stringify([
      { outlet: 'Harbor Ledger', lean: 'left', rater: 'Test panel', date: '2024-01' },
      { outlet: 'Valley Gazette', lean: 'lean left', rater: 'Test panel', date: '2024-01' },
      { outlet: 'North Star Times', lean: 'right', rater: 'Test panel', date: '2024-01' },
    ]),
  ).ratings,
);

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

/**
 * Edits the first of `pages` in place and serves the feed at `feedPath` again: its headline gains "as crews add
 * crossings", a figure becomes 4,321 passengers and a sentence is added ("Two extra crossings were added for the
 * evening.").
 */
export function editFirstInPlace(site: FictionSite, feedPath: string, pages: readonly Published[]): void {
  const edited = pages[0]!;
  const article = {
    ...edited.article,
    title: `${edited.article.title} as crews add crossings`,
    paragraphs: [
      ...edited.article.paragraphs.map((p) => p.replace(/carried \d+ passengers/, 'carried 4,321 passengers')),
      'Two extra crossings were added for the evening.',
    ],
  };
  site.set(edited.path, { body: articleHtml(article, { canonical: edited.url, publishedAt: edited.published }) });
  serveFeed(site, feedPath, itemsOf([{ ...edited, article }, ...pages.slice(1)]));
}
