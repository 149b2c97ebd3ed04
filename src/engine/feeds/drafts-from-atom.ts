/** Reads the entries of an Atom feed, as parsed by feedsmith, into entry drafts. */
import type { AtomFeed } from 'feedsmith';
import { content, plainTitle } from './entry-builder.js';
import type { EntryContent } from './types.js';
import type { FeedDrafts } from './drafts-from-rss.js';
import { effectiveBase } from './resolve-link.js';

/** The entry's page: the `alternate` link (a link without `rel` is one), preferring an HTML one. */
function alternateLink(links: readonly AtomFeed.Link<string>[] | undefined): string | null {
  const alternates = (links ?? []).filter((l) => (l.rel ?? 'alternate') === 'alternate' && l.href);
  const html = alternates.find((l) => !l.type || /html/i.test(l.type));
  return (html ?? alternates[0])?.href ?? null;
}

/** Whether an Atom text construct holds markup (`type="html"` or `"xhtml"`). */
function isMarkup(type: string | undefined): boolean {
  return type === 'html' || type === 'xhtml';
}

/** Atom content with its format; content given by reference (`src`) or in a media type other than text is left out. */
function atomContent(c: AtomFeed.Content | AtomFeed.Text | undefined): EntryContent | null {
  if (!c?.value || ('src' in c && c.src)) return null;
  const type = c.type ?? 'text';
  if (isMarkup(type) || /html/i.test(type)) return content('html', c.value);
  return type === 'text' || type.startsWith('text/') ? content('text', c.value) : null;
}

/** Drafts of an Atom feed's entries; `url` is the feed's own address (the base of relative links). */
export function draftsFromAtom(feed: AtomFeed.Feed<string>, url: string | null): FeedDrafts {
  const feedBase = effectiveBase([url, feed.xml?.base]);
  const drafts = (feed.entries ?? []).map((entry) => ({
    link: alternateLink(entry.links),
    base: effectiveBase([feedBase, entry.xml?.base]),
    guid: entry.id ?? null,
    title: plainTitle(entry.title?.value, isMarkup(entry.title?.type)),
    published: entry.published ?? entry.dc?.dates?.[0],
    updated: entry.updated,
    author: entry.authors?.[0]?.name ?? feed.authors?.[0]?.name ?? null,
    summary: atomContent(entry.summary),
    content: atomContent(entry.content),
  }));
  return { title: plainTitle(feed.title?.value, isMarkup(feed.title?.type)), drafts };
}
