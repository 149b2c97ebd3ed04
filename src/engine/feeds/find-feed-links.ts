/**
 * The feeds an HTML page announces (`<link rel="alternate" type="application/rss+xml" href="...">`, and the Atom,
 * RDF and JSON Feed types), so that a user who gives a site's page where a feed was expected is told which feed to use.
 */
import { findAll, tagOf } from '../../core/read/html/find-elements.js';
import { parsePage } from '../../core/read/html/parse-page.js';
import { resolveLink } from './resolve-link.js';
import type { FeedRef } from './types.js';
import { WarningLog } from './warning-log.js';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
]);

/** True for `<link rel="alternate" type="<a feed type>" href>` (rel is a space-separated list). */
function isFeedLink(el: Element): boolean {
  if (tagOf(el) !== 'link' || !el.getAttribute('href')) return false;
  const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
  const type = (el.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
  return rel.includes('alternate') && FEED_TYPES.has(type);
}

/** The feeds an HTML page links, resolved against the page's address (or its `<base href>`), each once. */
export function findFeedLinks(html: string, pageUrl: string | null): FeedRef[] {
  const document = parsePage(html);
  const baseHref = findAll(document, (el) => tagOf(el) === 'base' && el.hasAttribute('href'))[0]?.getAttribute('href');
  let base = pageUrl;
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl ?? undefined).href;
    } catch {
      // An unusable <base> is ignored, as browsers do.
    }
  }
  const found: FeedRef[] = [];
  const log = new WarningLog();
  for (const el of findAll(document, isFeedLink)) {
    const url = resolveLink(el.getAttribute('href'), base, log, 0);
    if (url === null || found.some((f) => f.url === url)) continue;
    found.push({ url, title: el.getAttribute('title')?.trim() || null, siteUrl: pageUrl, categories: [] });
  }
  return found;
}
