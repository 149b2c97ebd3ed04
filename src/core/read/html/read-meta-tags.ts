/** Reads `<meta name|property|itemprop=... content=...>` tags of a page into a lookup by lower-cased key. */

/** Meta tag contents by lower-cased name/property/itemprop; the first non-empty occurrence of a key wins. */
export type MetaTags = ReadonlyMap<string, string>;

/** Collects the page's meta tags (its `meta` elements, see `PageIndex`), first occurrence of each key. */
export function readMetaTags(metaTags: readonly Element[]): MetaTags {
  const tags = new Map<string, string>();
  for (const el of metaTags) {
    const content = (el.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
    if (!content) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}
