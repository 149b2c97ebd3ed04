/**
 * The `rel=canonical` address a page names, found without parsing the page: the head of a news page is small, and the
 * stream needs only this one link before the page is read on a worker. The scan is bounded (the first 256 kB, where
 * the head is) and linear; `preferCanonical` decides whether the address is trusted.
 */

/** How much of a page is scanned for the link. */
export const CANONICAL_SCAN_CHARS = 256 * 1024;

const LINK_TAG = /<link\b[^>]{0,2000}>/gi;
const REL_CANONICAL = /\brel\s*=\s*(?:"[^"]*\bcanonical\b[^"]*"|'[^']*\bcanonical\b[^']*'|canonical\b)/i;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i;

/** Decodes the few entities an address in an attribute may hold. */
function decodeAttribute(value: string): string {
  return value
    .replace(/&amp;/gi, '&')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Math.min(parseInt(dec, 10), 0x10ffff)))
    .trim();
}

/** The href of the page's first `<link rel="canonical">` before its body, or null. */
export function findCanonicalLink(html: string): string | null {
  const head = html.slice(0, CANONICAL_SCAN_CHARS);
  const bodyAt = head.search(/<body\b/i);
  const scanned = bodyAt === -1 ? head : head.slice(0, bodyAt);
  for (const match of scanned.matchAll(LINK_TAG)) {
    const tag = match[0];
    if (!REL_CANONICAL.test(tag)) continue;
    const href = HREF.exec(tag);
    const value = href ? decodeAttribute(href[1] ?? href[2] ?? href[3] ?? '') : '';
    if (value !== '') return value;
  }
  return null;
}
