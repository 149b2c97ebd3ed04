/**
 * Reads RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed sources with feedsmith into normalized entries. XML sources pass
 * the entity and well-formedness checks first; a feed that feedsmith can still read despite broken XML is read, with
 * a warning that names the first problem, and one it cannot read is a `malformed-xml` error naming it.
 */
import { parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { buildEntry } from './entry-builder.js';
import { checkXmlSource, noteRecovered } from './check-xml.js';
import { draftsFromAtom } from './drafts-from-atom.js';
import { draftsFromJsonFeed } from './drafts-from-json-feed.js';
import { draftsFromRdf, draftsFromRss, type FeedDrafts } from './drafts-from-rss.js';
import { parserReason } from './parser-reason.js';
import { FeedParseError, type FeedEntry, type FeedLimits, type ParsedSource } from './types.js';
import { WarningLog } from './warning-log.js';

/** The syndication formats feedsmith reads. */
export type SyndicationKind = 'rss' | 'rdf' | 'atom' | 'json-feed';

/** What reading a source needs besides its text. */
export interface ReadContext {
  /** The source's address (the base of relative links), or null for a local file. */
  url: string | null;
  /** Names the source in messages. */
  source: string;
  limits: FeedLimits;
}

function draftsOf(kind: SyndicationKind, text: string, url: string | null): FeedDrafts {
  switch (kind) {
    case 'rss':
      return draftsFromRss(parseRssFeed(text), url);
    case 'rdf':
      return draftsFromRdf(parseRdfFeed(text), url);
    case 'atom':
      return draftsFromAtom(parseAtomFeed(text), url);
    case 'json-feed':
      return draftsFromJsonFeed(parseJsonFeed(JSON.parse(text)), url);
  }
}

/** The reason feedsmith gave (its error's cause, e.g. "Unexpected end of title"), for messages. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  return parserReason((cause instanceof Error ? cause.message : null) ?? (error as Error).message);
}

/** Reads a syndication feed; a `FeedParseError` when it cannot be read at all. */
export function readSyndication(kind: SyndicationKind, text: string, context: ReadContext): ParsedSource {
  const log = new WarningLog();
  const xml = kind !== 'json-feed';
  const problem = xml ? checkXmlSource(text, context.source, log) : null;
  let feed: FeedDrafts;
  try {
    feed = draftsOf(kind, text, context.url);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    if (/external entit/i.test(reasonOf(error))) {
      throw new FeedParseError('external-entity', `${context.source}: declares an external entity; refused`);
    }
    const why = problem ?? reasonOf(error);
    if (!xml) throw new FeedParseError('malformed-json', `${context.source}: not a readable JSON Feed (${why})`);
    throw new FeedParseError('malformed-xml', `${context.source}: malformed XML (${why})`);
  }
  noteRecovered(log, problem);
  const drafts = log.keepFirst(feed.drafts, context.limits.maxEntries);
  const entries: FeedEntry[] = [];
  drafts.forEach((draft, i) => {
    const entry = buildEntry(draft, { expectDate: true }, log, i + 1);
    if (entry) entries.push(entry);
  });
  return { kind, title: feed.title, entries, feeds: [], warnings: log.list() };
}
