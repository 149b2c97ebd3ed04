/**
 * One queued article, fetched and read: the page is fetched politely (conditionally for a revisit), decoded, and read
 * to cleaned text on a worker of the pool; an entry that carries its article (a JSON Lines article) is read without a
 * fetch. An address the user gave (a probe) may turn out to be a feed, and then becomes one. Every outcome is a value
 * that says whether trying again later may help.
 */
import type { Article, InputFormat, RawArticle } from '../../core/model.js';
import { findCanonicalLink } from '../../core/stream/find-canonical-link.js';
import { parseSource } from '../feeds/parse-source.js';
import { FeedParseError, type FeedRef, type SourceKind } from '../feeds/types.js';
import type { OutboundResponse } from '../fetch/fetch-contract.js';
import type { FetchOutcome, PoliteFetcher } from '../fetch/polite-fetcher.js';
import { isRetryableError, isRetryableStatus } from '../fetch/retry-policy.js';
import { decodeBytes } from '../inputs/decode-bytes.js';
import { parseContentType } from '../inputs/read-url.js';
import type { QueueItem, StreamRepository } from '../storage/stream-repository.js';
import type { AnalysisPool } from '../workers/analysis-pool.js';

/**
 * What placing an article needs of its read page: a plain value, so that a worker of the job queue can hand it to the
 * stream's writer through storage (the cleaned text and the few facts read from the page, not the whole article).
 */
export interface PageRead {
  article: Pick<Article, 'title' | 'text' | 'outlet'> & { publishedAt: { value: string } | null };
  format: InputFormat;
  /** The raw content as fetched (decoded), or the entry's content. */
  content: string;
  /** The address after redirects (null for an entry read without a fetch). */
  finalUrl: string | null;
  /** The page's `rel=canonical`, as written. */
  relCanonical: string | null;
  etag: string | null;
  lastModified: string | null;
}

/** The part of a read page that placing it needs (see `PageRead`). */
export function pageRead(page: PageRead): PageRead {
  const { title, text, outlet, publishedAt } = page.article;
  return {
    article: { title, text, outlet, publishedAt: publishedAt ? { value: publishedAt.value } : null },
    format: page.format,
    content: page.content,
    finalUrl: page.finalUrl,
    relCanonical: page.relCanonical,
    etag: page.etag,
    lastModified: page.lastModified,
  };
}

/** What reading a queued article gave. */
export type PageOutcome =
  | ({ kind: 'read'; article: Article } & Omit<PageRead, 'article'>)
  /** A conditional revisit answered 304. */
  | { kind: 'not-modified'; etag: string | null; lastModified: string | null }
  /** A probed address is a feed (or lists feeds). */
  | { kind: 'feeds'; feeds: { url: string; title: string | null }[] }
  /** Worth trying again later (a 5xx, a timeout, robots.txt unreachable); `retryAfterMs` when the server said. */
  | { kind: 'retry'; code: string; message: string; retryAfterMs: number | null }
  /** Not worth trying again (404, not an article, too large, refused). */
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'aborted' };

/** What reading a queued article needs. */
export interface ReadQueuedPageOptions {
  item: QueueItem;
  fetcher: PoliteFetcher;
  pool: AnalysisPool;
  /** Validators of the stored version, for a conditional revisit. */
  validators?: { etag: string | null; lastModified: string | null };
  maxBytes: number;
  signal?: AbortSignal;
}

const PAGE_ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1';
const PROBE_ACCEPT =
  'application/rss+xml,application/atom+xml,application/feed+json,text/html;q=0.9,application/xml;q=0.9,*/*;q=0.1';
/** Source kinds that make a probed address a feed of its own. */
const FEED_KINDS = new Set<SourceKind>(['rss', 'rdf', 'atom', 'json-feed', 'sitemap']);
/** Source kinds that list feeds. */
const LIST_KINDS = new Set<SourceKind>(['opml', 'sitemap-index']);

/** Reads a queued article as `readQueuedPage` does, a revisit conditionally on the stored version's validators. */
export async function readQueuedArticle(
  options: Omit<ReadQueuedPageOptions, 'validators'> & { repo: Pick<StreamRepository, 'findAddresses'> },
): Promise<PageOutcome> {
  const { repo, ...read } = options;
  const { item } = read;
  const validators = item.kind === 'revisit' ? (await repo.findAddresses([item.urlKey])).get(item.urlKey) : undefined;
  return readQueuedPage({ ...read, ...(validators ? { validators } : {}) });
}

/** Fetches (unless the entry carries it) and reads one queued article. Never throws for the page's sake. */
export async function readQueuedPage(options: ReadQueuedPageOptions): Promise<PageOutcome> {
  const { item } = options;
  const entry = item.entry;
  if (item.useEntryContent || entry.url === null) return readEntryContent(options);
  const outcome = await options.fetcher.fetch(entry.url, {
    headers: { accept: item.kind === 'probe' ? PROBE_ACCEPT : PAGE_ACCEPT, ...conditionalHeaders(options.validators) },
    maxBytes: options.maxBytes,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (outcome.kind !== 'fetched') return unfetchedOutcome(options, entry.url, outcome);
  return readFetchedPage(options, entry.url, outcome.response);
}

/** An entry that carries its article (or has no address) is read as it is, without a fetch. */
function readEntryContent(options: ReadQueuedPageOptions): Promise<PageOutcome> | PageOutcome {
  const { item } = options;
  const entry = item.entry;
  if (!entry.content)
    return { kind: 'failed', code: 'no-content', message: `${item.source}: the entry has no article` };
  const format: InputFormat = entry.content.format === 'html' ? 'html' : 'text';
  return readRaw(options, { format, content: entry.content.value, finalUrl: entry.url, relCanonical: null });
}

/** The headers that make a revisit conditional on the stored version's validators. */
function conditionalHeaders(validators: ReadQueuedPageOptions['validators']): Record<string, string> {
  const conditional: Record<string, string> = {};
  if (validators?.etag) conditional['if-none-match'] = validators.etag;
  if (validators?.lastModified) conditional['if-modified-since'] = validators.lastModified;
  return conditional;
}

/** What a fetch that gave no page means: aborted, refused by robots.txt, failed (retry or not), or not modified. */
function unfetchedOutcome(
  options: ReadQueuedPageOptions,
  url: string,
  outcome: Exclude<FetchOutcome, { kind: 'fetched' }>,
): PageOutcome {
  switch (outcome.kind) {
    case 'aborted':
      return { kind: 'aborted' };
    case 'disallowed': {
      const retryAfterMs = outcome.retryAt === null ? null : Math.max(0, outcome.retryAt - options.fetcher.now());
      const message = `${url}: ${outcome.message}`;
      return outcome.reason === 'unreachable'
        ? { kind: 'retry', code: 'robots-unreachable', message, retryAfterMs }
        : { kind: 'failed', code: 'robots-disallowed', message };
    }
    case 'failed': {
      const transient = outcome.status === null ? isRetryableError(outcome.code) : isRetryableStatus(outcome.status);
      return transient
        ? { kind: 'retry', code: outcome.code, message: outcome.message, retryAfterMs: outcome.retryAfterMs }
        : { kind: 'failed', code: outcome.code, message: outcome.message };
    }
    case 'not-modified':
      return { kind: 'not-modified', ...validatorsOf(outcome.response.headers) };
  }
}

/** Reads a fetched page: a probe may turn out to be a feed; anything else must be a page or text. */
async function readFetchedPage(
  options: ReadQueuedPageOptions,
  givenUrl: string,
  response: OutboundResponse,
): Promise<PageOutcome> {
  const type = parseContentType(response.headers.get('content-type'));
  let alternates: FeedRef[] = [];
  if (options.item.kind === 'probe') {
    const probed = probeFeed(response.body, response.url, response.headers.get('content-type'), givenUrl);
    if (probed.kind !== 'page') return probed.kind === 'feeds' ? probed : probed.failure;
    alternates = probed.alternates;
  } else if (!isReadableType(type.mediaType)) {
    const message = `${response.url}: not an article page (Content-Type: ${safeType(type.mediaType)})`;
    return { kind: 'failed', code: 'unsupported-content-type', message };
  }
  const decoded = decodeBytes(response.url, response.body, {
    ...(type.charset ? { declaredCharset: type.charset } : {}),
    html: true,
  });
  if (!decoded.ok) return { kind: 'failed', code: decoded.failure.code, message: decoded.failure.message };
  const text = decoded.value.text;
  const format: InputFormat = type.mediaType === 'text/plain' && !looksLikeHtml(text) ? 'text' : 'html';
  const read = await readRaw(options, {
    format,
    content: text,
    finalUrl: response.url,
    relCanonical: format === 'html' ? findCanonicalLink(text) : null,
    ...validatorsOf(response.headers),
  });
  // A front page that reads as no article but links its feeds: the user meant its feeds.
  if (read.kind === 'failed' && alternates.length > 0) {
    return { kind: 'feeds', feeds: alternates.map((a) => ({ url: a.url, title: a.title })) };
  }
  return read;
}

/** What a probed body is: feeds, a page to read as an article (with the feeds it links), or a failure. */
function probeFeed(
  body: Uint8Array,
  finalUrl: string,
  contentType: string | null,
  givenUrl: string,
):
  | { kind: 'feeds'; feeds: { url: string; title: string | null }[] }
  | { kind: 'page'; alternates: FeedRef[] }
  | { kind: 'failure'; failure: PageOutcome } {
  try {
    const source = parseSource(body, { url: finalUrl, contentType });
    if (FEED_KINDS.has(source.kind)) return { kind: 'feeds', feeds: [{ url: givenUrl, title: source.title }] };
    if (LIST_KINDS.has(source.kind)) {
      return { kind: 'feeds', feeds: source.feeds.map((f) => ({ url: f.url, title: f.title })) };
    }
    const message = `${givenUrl}: a ${source.kind} is neither a feed nor an article page (give it as a file)`;
    return { kind: 'failure', failure: { kind: 'failed', code: 'not-a-feed-or-page', message } };
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    if (error.code === 'html-not-feed') return { kind: 'page', alternates: error.alternates };
    if (error.code === 'unknown-format') return { kind: 'page', alternates: [] };
    return { kind: 'failure', failure: { kind: 'failed', code: error.code, message: error.message } };
  }
}

/** Reads raw content to an article on the pool. */
async function readRaw(
  options: ReadQueuedPageOptions,
  page: {
    format: InputFormat;
    content: string;
    finalUrl: string | null;
    relCanonical: string | null;
    etag?: string | null;
    lastModified?: string | null;
  },
): Promise<PageOutcome> {
  const { item } = options;
  const entry = item.entry;
  const raw: RawArticle = {
    id: `queued-${item.pk}`,
    source: page.finalUrl ?? item.source,
    format: page.format,
    content: page.content,
    meta: {
      ...(page.finalUrl ? { url: page.finalUrl } : {}),
      ...(entry.title ? { title: entry.title } : {}),
      ...(entry.outlet ? { outlet: entry.outlet } : {}),
      ...(entry.published ? { publishedAt: entry.published } : {}),
    },
  };
  const { articles, failures } = await options.pool.readArticles([raw]);
  const article = articles[0];
  if (!article) {
    const failure = failures[0];
    return { kind: 'failed', code: failure?.code ?? 'unreadable', message: failure?.message ?? 'unreadable' };
  }
  return {
    kind: 'read',
    article,
    format: page.format,
    content: page.content,
    finalUrl: page.finalUrl,
    relCanonical: page.relCanonical,
    etag: page.etag ?? null,
    lastModified: page.lastModified ?? null,
  };
}

function validatorsOf(headers: Headers): { etag: string | null; lastModified: string | null } {
  return { etag: headers.get('etag'), lastModified: headers.get('last-modified') };
}

/** Pages and text are read; a missing type is sniffed by the reader. */
function isReadableType(mediaType: string): boolean {
  return ['', 'text/html', 'application/xhtml+xml', 'text/plain'].includes(mediaType);
}

function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype\s+html|html|head|body|article|p)\b/i.test(text.slice(0, 4096));
}

/** A media type fit to repeat in a message (a hostile header is not echoed). */
function safeType(mediaType: string): string {
  return /^[\w.+-]{1,60}\/[\w.+-]{1,60}$/.test(mediaType) ? mediaType : 'not recognized';
}
