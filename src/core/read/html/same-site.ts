/** Tells whether a link points into the page's own site (teasers and navigation do; cited sources usually don't). */

/** The site part of a host name: its last two labels, or three under a two-level country suffix ("bbc.co.uk"). */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const secondLevel = labels.at(-2) ?? '';
  const country = (labels.at(-1) ?? '').length === 2;
  const take = country && secondLevel.length <= 3 && labels.length > 2 ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** The site of a page URL, or null when it has none. */
export function pageSite(url: string | null): string | null {
  if (!url) return null;
  try {
    return siteOf(new URL(url).hostname);
  } catch {
    return null;
  }
}

/** True when `href` is relative, a fragment, or on `site`. */
export function isSameSite(href: string, site: string | null): boolean {
  const h = href.trim();
  if (!/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(h)) return true;
  if (!site) return false;
  try {
    return siteOf(new URL(h, 'https://x.invalid').hostname) === site;
  } catch {
    return false;
  }
}
