/**
 * The one shape every source is read into: feed items, sitemap URLs, lines of a URL list and article lines of a JSON
 * Lines stream all become `FeedEntry`s; subscription lists (OPML) and sitemap indexes name further sources
 * (`FeedRef`s). Problems with a source that still allow reading it are `FeedWarning`s; the others are a
 * `FeedParseError` with a code.
 */

/** The kinds of source Parallax reads. */
export type SourceKind =
  'rss' | 'rdf' | 'atom' | 'json-feed' | 'opml' | 'sitemap' | 'sitemap-index' | 'url-list' | 'jsonl';

/** The article body or summary a source carries, with its format. */
export interface EntryContent {
  format: 'html' | 'text';
  value: string;
}

/** One article named by a source. */
export interface FeedEntry {
  /** Absolute http(s) URL of the article (resolved against xml:base and the source's URL), or null. */
  url: string | null;
  /** The source's own id of the item (RSS guid, Atom id, JSON Feed id, the JSON Lines `id`), or null. */
  guid: string | null;
  title: string | null;
  /** Publication time as ISO 8601 (UTC), or null when the source gives none or an unreadable one. */
  published: string | null;
  /** Last update time as ISO 8601 (UTC), when the source states one apart from the publication. */
  updated: string | null;
  author: string | null;
  /** The outlet the source names for the item (JSON Lines `outlet`, a news sitemap's publication name), or null. */
  outlet: string | null;
  /** A short description of the article, when the source has one. */
  summary: EntryContent | null;
  /** The article itself, when the source carries it (RSS content:encoded, Atom content, JSON Feed or JSON Lines). */
  content: EntryContent | null;
}

/** A further source named by a subscription list or a sitemap index. */
export interface FeedRef {
  /** Absolute http(s) URL of the feed or sitemap. */
  url: string;
  title: string | null;
  /** The site's own page, when the list names it. */
  siteUrl: string | null;
  /** The folders of the list the feed sits in, outermost first. */
  categories: string[];
}

/** Codes of the warnings about one source. */
export type FeedWarningCode =
  | 'item-without-link'
  | 'item-without-date'
  | 'unknown-date-format'
  | 'relative-link-resolved'
  | 'unsafe-link-dropped'
  | 'entry-limit-reached'
  | 'malformed-xml-recovered'
  | 'entity-declarations-ignored'
  | 'bad-line'
  | 'outline-without-url';

/** A problem with a source that did not stop it from being read; one per code, counting its items. */
export interface FeedWarning {
  code: FeedWarningCode;
  message: string;
  /** Number of items (or lines) concerned. */
  count: number;
  /** Positions of the first few items concerned: the item's number in the source (from 1), or its line number. */
  examples: number[];
}

/** A source read into entries (feeds, sitemaps, lists, streams) or further sources (OPML, sitemap indexes). */
export interface ParsedSource {
  kind: SourceKind;
  /** The source's own title, when it has one. */
  title: string | null;
  entries: FeedEntry[];
  feeds: FeedRef[];
  warnings: FeedWarning[];
}

/** Codes of the errors that stop a source from being read. */
export type FeedErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'undecodable'
  | 'html-not-feed'
  | 'malformed-xml'
  | 'malformed-json'
  | 'external-entity'
  | 'unknown-format';

/** Why a source could not be read; `alternates` lists the feeds an HTML page links, when it was an HTML page. */
export class FeedParseError extends Error {
  readonly code: FeedErrorCode;
  readonly alternates: FeedRef[];

  constructor(code: FeedErrorCode, message: string, alternates: FeedRef[] = []) {
    super(message);
    this.name = 'FeedParseError';
    this.code = code;
    this.alternates = alternates;
  }
}

/** Limits of source parsing, with their defaults in `DEFAULT_FEED_LIMITS`. */
export interface FeedLimits {
  /** Largest source in bytes, after gzip decompression (default 10 MB). */
  maxBytes: number;
  /** Most entries (or feeds) kept from one source; the rest are dropped with a warning (default 5,000). */
  maxEntries: number;
}

/** Default limits of source parsing. */
export const DEFAULT_FEED_LIMITS: FeedLimits = { maxBytes: 10 * 1024 * 1024, maxEntries: 5000 };
