/** Reads the items of an RSS 2.0 (0.9x) or RSS 1.0 (RDF) feed, as parsed by feedsmith, into entry drafts. */
import type { RdfFeed, RssFeed } from 'feedsmith';
import { content, plainTitle } from './entry-builder.js';
import type { EntryDraft } from './entry-builder.js';
import { effectiveBase } from './resolve-link.js';

/** A feed's title and its items as drafts (before the checks every format shares). */
export interface FeedDrafts {
  title: string | null;
  drafts: EntryDraft[];
}

/** The `guid` when it is a permanent link (RSS: `isPermaLink` defaults to true) and an absolute web address. */
function permalink(guid: RssFeed.Guid | undefined): string | null {
  const value = guid?.value?.trim();
  if (!value || guid?.isPermaLink === false) return null;
  return /^https?:\/\//i.test(value) ? value : null;
}

/** The first author's name: `dc:creator`, then RSS `author` (often "mail@host (Name)": the name is kept). */
function rssAuthor(item: RssFeed.Item<string>): string | null {
  const dc = item.dc?.creators?.[0];
  if (dc) return dc;
  const raw = item.authors?.[0]?.name;
  if (!raw) return null;
  return /\(([^)]+)\)\s*$/.exec(raw)?.[1] ?? raw;
}

/** Drafts of an RSS 2.0 feed's items; `url` is the feed's own address (the base of relative links). */
export function draftsFromRss(feed: RssFeed.Feed<string>, url: string | null): FeedDrafts {
  const feedBase = effectiveBase([url, feed.xml?.base]);
  const drafts = (feed.items ?? []).map((item): EntryDraft => ({
    link: rssLink(item),
    base: effectiveBase([feedBase, item.xml?.base]),
    guid: item.guid?.value ?? null,
    title: plainTitle(item.title, false),
    ...rssDates(item),
    author: rssAuthor(item),
    summary: content('html', item.description),
    content: content('html', item.content?.encoded),
  }));
  return { title: plainTitle(feed.title, false), drafts };
}

/** An RSS item's link: `link`, else a permanent-link `guid`, else the first Atom link. */
function rssLink(item: RssFeed.Item<string>): string | null {
  return item.link ?? permalink(item.guid) ?? item.atom?.links?.[0]?.href ?? null;
}

/** An RSS item's dates: `pubDate`, else Dublin Core or Atom's; updated from Atom or `dcterms:modified`. */
function rssDates(item: RssFeed.Item<string>): Pick<EntryDraft, 'published' | 'updated'> {
  return {
    published: item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0] ?? item.atom?.published,
    updated: item.atom?.updated ?? item.dcterms?.modified?.[0],
  };
}

/** Drafts of an RSS 1.0 (RDF) feed's items. */
export function draftsFromRdf(feed: RdfFeed.Feed<string>, url: string | null): FeedDrafts {
  const feedBase = effectiveBase([url, feed.xml?.base]);
  const drafts = (feed.items ?? []).map((item): EntryDraft => ({
    link: item.link ?? item.rdf?.about ?? null,
    base: effectiveBase([feedBase, item.xml?.base]),
    guid: item.rdf?.about ?? null,
    title: plainTitle(item.title, false),
    ...rdfDates(item),
    author: item.dc?.creators?.[0] ?? null,
    summary: content('html', item.description),
    content: content('html', item.content?.encoded),
  }));
  return { title: plainTitle(feed.title, false), drafts };
}

/** An RDF item's dates, from Dublin Core. */
function rdfDates(item: RdfFeed.Item<string>): Pick<EntryDraft, 'published' | 'updated'> {
  return { published: item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0], updated: item.dcterms?.modified?.[0] };
}
