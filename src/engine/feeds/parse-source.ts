/**
 * The one entry point for reading a source: bytes and what is known about them (address, Content-Type) in, its kind,
 * entries, further feeds and warnings out. Any problem with the input is a `FeedParseError` with a code and a message
 * naming the source; nothing else is thrown.
 */
import { parseContentType } from '../inputs/read-url.js';
import { decodeSource } from './decode-source.js';
import { detectKind } from './detect-kind.js';
import { findFeedLinks } from './find-feed-links.js';
import { readJsonLinesStream, readUrlList } from './read-line-sources.js';
import { readOpml } from './read-opml.js';
import { readSitemap, readSitemapIndex } from './read-sitemap.js';
import { readSyndication, type ReadContext } from './read-syndication.js';
import { DEFAULT_FEED_LIMITS, FeedParseError, type FeedLimits, type ParsedSource, type SourceKind } from './types.js';

/** What is known about a source besides its bytes. */
export interface SourceInfo {
  /** The address it was fetched from (the base of relative links); absent for a local file. */
  url?: string | null;
  /** The Content-Type header, when it was fetched. */
  contentType?: string | null;
  /** Names the source in messages (default: the URL, or "source"). */
  name?: string;
  /** Limits (defaults in `DEFAULT_FEED_LIMITS`). */
  limits?: Partial<FeedLimits>;
}

function read(kind: SourceKind, text: string, context: ReadContext): ParsedSource {
  switch (kind) {
    case 'rss':
    case 'rdf':
    case 'atom':
    case 'json-feed':
      return readSyndication(kind, text, context);
    case 'opml':
      return readOpml(text, context);
    case 'sitemap':
      return readSitemap(text, context);
    case 'sitemap-index':
      return readSitemapIndex(text, context);
    case 'url-list':
      return readUrlList(text, context);
    case 'jsonl':
      return readJsonLinesStream(text, context);
  }
}

/** The error for an HTML page given where a feed was expected, naming the feeds the page links, if any. */
function htmlPageError(text: string, context: ReadContext): FeedParseError {
  let links: ReturnType<typeof findFeedLinks> = [];
  try {
    links = findFeedLinks(text, context.url);
  } catch {
    // A page the HTML parser cannot read still gets the plain message.
  }
  const offer = links.length
    ? `; it links ${links.length === 1 ? 'a feed' : 'feeds'}: ${links.map((l) => l.url).join(', ')}`
    : '';
  return new FeedParseError('html-not-feed', `${context.source}: this is an HTML page, not a feed${offer}`, links);
}

function unexpected(error: unknown, source: string): FeedParseError {
  const message = error instanceof Error ? error.message : String(error);
  return new FeedParseError('malformed-xml', `${source}: could not be read (${message})`);
}

/**
 * Reads a source of any kind. Throws only `FeedParseError` (code `empty`, `too-large`, `binary`, `undecodable`,
 * `html-not-feed` with `alternates`, `malformed-xml`, `malformed-json`, `external-entity`, `unknown-format`).
 */
export function parseSource(bytes: Uint8Array, info: SourceInfo = {}): ParsedSource {
  const url = info.url ?? null;
  const source = info.name ?? url ?? 'source';
  const limits: FeedLimits = { ...DEFAULT_FEED_LIMITS, ...info.limits };
  const type = parseContentType(info.contentType ?? null);
  const context: ReadContext = { url, source, limits };
  try {
    const text = decodeSource(bytes, { source, charset: type.charset, maxBytes: limits.maxBytes });
    const kind = detectKind(text, type.mediaType);
    if (kind === 'html') throw htmlPageError(text, context);
    if (kind === null) {
      const what = type.mediaType ? ` (Content-Type: ${type.mediaType})` : '';
      throw new FeedParseError(
        'unknown-format',
        `${source}: not a feed, sitemap, OPML list, URL list or JSON Lines stream${what}`,
      );
    }
    return read(kind, text, context);
  } catch (error) {
    // Parsers are third-party code: whatever they throw becomes this source's error, never the caller's crash.
    throw error instanceof FeedParseError ? error : unexpected(error, source);
  }
}
