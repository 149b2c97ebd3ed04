/**
 * Which address names an article: the page's own `rel=canonical` when it points into the same site (an outlet naming
 * its preferred spelling of the address), the fetched address otherwise (a canonical on another site is a syndicated
 * copy naming its origin, or a mistake; either way it is not this page's address).
 */
import { getDomain } from 'tldts';
import { canonicalUrl } from './canonical-url.js';

/** The address chosen for an article, and why. */
export interface ChosenUrl {
  /** The article's canonical key (see `canonicalUrl`). */
  key: string;
  /** The address the key was made from. */
  url: string;
  basis: 'rel-canonical' | 'page-url';
}

/** The registrable domain of a URL ("bbc.co.uk" for "https://www.bbc.co.uk/news"), or its host when it has none. */
export function siteOfUrl(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return getDomain(host, { allowPrivateDomains: true }) ?? (host || null);
}

/**
 * Picks the article's address from the page URL and the page's `rel=canonical` (relative values resolved against the
 * page URL). Null when the page URL is not an http(s) URL.
 */
export function preferCanonical(pageUrl: string, relCanonical: string | null | undefined): ChosenUrl | null {
  const pageKey = canonicalUrl(pageUrl);
  if (pageKey === null) return null;
  const fallback: ChosenUrl = { key: pageKey, url: pageUrl, basis: 'page-url' };
  if (!relCanonical) return fallback;
  let resolved: string;
  try {
    resolved = new URL(relCanonical.trim(), pageUrl).href;
  } catch {
    return fallback;
  }
  const key = canonicalUrl(resolved);
  if (key === null || siteOfUrl(resolved) !== siteOfUrl(pageUrl)) return fallback;
  // A canonical naming the site's front page for an article page is a template mistake, not the article's address.
  if (isFrontPage(resolved) && !isFrontPage(pageUrl)) return fallback;
  return { key, url: resolved, basis: 'rel-canonical' };
}

function isFrontPage(url: string): boolean {
  const { pathname, search } = new URL(url);
  return (pathname === '/' || pathname === '') && search === '';
}
