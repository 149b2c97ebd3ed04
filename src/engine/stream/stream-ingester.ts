/**
 * The one place where an article read from the stream is decided and stored, one article at a time: a known address
 * (or another address of a known article) is a revisit, stored as a new version when its text changed; the same text
 * under a new address is an exact duplicate, kept as an alias; anything else is a new article, checked for wire copy,
 * placed in a story by the clusterer and stored with its first version and its assignment in one transaction. Steps
 * run one after another (never interleaved), so stream order is storage order and the clusterer's replay after a
 * restart takes the same decisions.
 */
import { shortHash } from '../../core/hash.js';
import { clusterDate } from '../../core/stream/cluster-date.js';
import { canonicalUrl } from '../../core/stream/canonical-url.js';
import { outletOfUrl } from '../../core/read/metadata/outlets.js';
import { preferCanonical } from '../../core/stream/prefer-canonical.js';
import { fingerprintText } from '../../core/stream/text-fingerprint.js';
import type { FeedEntry } from '../feeds/types.js';
import type { KnownAddress, NewVersion, QueueItem, StreamRepository, WireLink } from '../storage/stream-repository.js';
import type { PageRead } from './read-queued-page.js';
import type { StreamState } from './stream-state.js';

/** Fewest words for a text to count as a duplicate by content (an empty or stub page is a failed read, not a copy). */
const MIN_DUPLICATE_WORDS = 10;

/** What the ingester is told about an article. */
export interface IngestInput {
  /** The queue item this completes, or null. */
  queuePk: number | null;
  /** The key of the address the entry named. */
  urlKey: string;
  entry: FeedEntry;
  feedId: string | null;
  signature: string | null;
  /** True when the entry carried the article (its own id is kept as the article's id when it can be). */
  useEntryContent: boolean;
  page: PageRead;
  /** When the page was fetched (ms). */
  fetchedAt: number;
}

/** What placing a read queue item takes: the item's entry and keys, the page read, and when it was fetched. */
export function ingestInput(item: QueueItem, page: PageRead, fetchedAt: number): IngestInput {
  return {
    queuePk: item.pk,
    urlKey: item.urlKey,
    entry: item.entry,
    feedId: item.feedId,
    signature: item.signature === 'probe' ? null : item.signature,
    useEntryContent: item.useEntryContent,
    page,
    fetchedAt,
  };
}

/** What became of an article. */
export type IngestOutcome =
  | { kind: 'new'; articleId: string; storyId: string; decision: string; seq: number; wire: WireLink | null }
  | { kind: 'version'; articleId: string; version: number }
  | { kind: 'unchanged'; articleId: string }
  | { kind: 'duplicate'; of: string };

/** A conditional revisit answered 304: the queue item it completes, and the page's new validators. */
export interface NotModified {
  queuePk: number | null;
  urlKey: string;
  signature: string | null;
  validators: { etag: string | null; lastModified: string | null };
}

/** Records a conditional revisit answered 304: the stored article's validators and signature move on. */
export async function recordNotModified(repo: StreamRepository, input: NotModified, at: string): Promise<void> {
  const known = (await repo.findAddresses([input.urlKey])).get(input.urlKey);
  if (!known) return;
  await repo.recordRevisit({
    queuePk: input.queuePk,
    articleId: known.articleId,
    etag: input.validators.etag,
    lastModified: input.validators.lastModified,
    signature: input.signature,
    aliases: [],
    at,
  });
}

/** Ids an entry's own id may be kept as. */
const SAFE_ID = /^[\w.:~@-]{1,120}$/;

/** Decides and stores arriving articles, one at a time. */
export class StreamIngester {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: StreamRepository,
    private readonly state: StreamState,
    private readonly now: () => number,
  ) {}

  /** Decides and stores one read article (waits for the articles before it). */
  ingest(input: IngestInput): Promise<IngestOutcome> {
    return this.serially(() => this.ingestNow(input));
  }

  /** Records a conditional revisit answered 304. */
  notModified(input: NotModified): Promise<void> {
    return this.serially(() => recordNotModified(this.repo, input, this.isoNow()));
  }

  /** Saves a checkpoint of the clusterer now (on shutdown). */
  checkpoint(): Promise<void> {
    return this.serially(() => this.state.checkpoint(this.now()));
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  private async ingestNow(input: IngestInput): Promise<IngestOutcome> {
    const { page, entry } = input;
    const at = this.isoNow();
    const chosen = page.finalUrl ? preferCanonical(page.finalUrl, page.relCanonical) : null;
    const primaryKey = chosen?.key ?? input.urlKey;
    const primaryUrl = chosen?.url ?? entry.url;
    const keys = unique([primaryKey, input.urlKey, page.finalUrl ? canonicalUrl(page.finalUrl) : null]);
    const urlOf = (key: string): string | null =>
      key === primaryKey ? primaryUrl : key === input.urlKey ? entry.url : page.finalUrl;
    const print = fingerprintText(page.article.text);
    const version: NewVersion = {
      fetchedAt: new Date(input.fetchedAt).toISOString(),
      format: page.format,
      content: page.content,
      title: page.article.title ?? entry.title,
      text: page.article.text,
      contentHash: print.contentHash,
    };
    const known = await this.repo.findAddresses(keys);
    const stored = firstKnown(keys, known);
    const aliases = keys.filter((k) => !known.has(k)).map((urlKey) => ({ urlKey, url: urlOf(urlKey) }));
    const validators = { etag: page.etag, lastModified: page.lastModified };
    if (stored) {
      const current = await this.repo.currentVersion(stored.articleId);
      const base = { queuePk: input.queuePk, articleId: stored.articleId, ...validators, aliases, at };
      const same = current?.contentHash === print.contentHash && sameHeadline(current.title, version.title);
      if (same) {
        await this.repo.recordRevisit({ ...base, signature: input.signature });
        return { kind: 'unchanged', articleId: stored.articleId };
      }
      const number = await this.repo.appendVersion({ ...base, signature: input.signature, version });
      return { kind: 'version', articleId: stored.articleId, version: number };
    }
    const duplicateOf =
      print.words >= MIN_DUPLICATE_WORDS ? await this.repo.findByContentHash(print.contentHash) : null;
    if (duplicateOf !== null) return this.duplicate(input, aliases, duplicateOf, at);
    const id = await this.newId(input, primaryKey);
    const stated = page.article.publishedAt?.value ?? entry.published ?? null;
    const outlet = page.article.outlet ?? entry.outlet ?? (primaryUrl ? (outletOfUrl(primaryUrl)?.name ?? null) : null);
    const verdict = await this.state.identify({ id, text: page.article.text, publishedAt: stated, outlet });
    if (verdict.kind === 'exact-duplicate' || verdict.kind === 'same-url') {
      return this.duplicate(input, aliases, verdict.of, at);
    }
    const wire: WireLink | null =
      verdict.kind === 'wire-copy' ? { of: verdict.of, original: verdict.original, overlap: verdict.overlap } : null;
    const date = clusterDate(stated, input.fetchedAt).date;
    let placed: ReturnType<StreamState['place']>;
    try {
      placed = this.state.place({ id, title: version.title, text: page.article.text, date, outlet });
    } catch (error) {
      // Refused by the clusterer (ClusterInputError): the wire-copy index remembered it; put it back as stored.
      await this.state.reload(this.now());
      throw error;
    }
    const { seq, assignment } = placed;
    try {
      await this.repo.ingestArticle({
        queuePk: input.queuePk,
        id,
        urlKey: primaryKey,
        url: primaryUrl,
        feedId: input.feedId,
        outlet,
        publishedAt: stated,
        clusterDate: date,
        ...validators,
        signature: input.signature,
        wire,
        version,
        assignment: {
          seq,
          storyId: assignment.storyId,
          decision: assignment.decision,
          reason: assignment.reason,
          ...(assignment.mergedStoryIds ? { mergedStoryIds: assignment.mergedStoryIds } : {}),
        },
        aliases: aliases.filter((a) => a.urlKey !== primaryKey),
        at,
      });
    } catch (error) {
      // The clusterer and the wire-copy index moved on without the write: put them back as stored.
      await this.state.reload(this.now());
      throw error;
    }
    await this.state.checkpointIfDue(this.now());
    return { kind: 'new', articleId: id, storyId: assignment.storyId, decision: assignment.decision, seq, wire };
  }

  /** Keeps the new addresses as aliases of the stored article with the same text. */
  private async duplicate(
    input: IngestInput,
    aliases: readonly { urlKey: string; url: string | null }[],
    of: string,
    at: string,
  ): Promise<IngestOutcome> {
    let queuePk = input.queuePk;
    for (const alias of aliases) {
      await this.repo.recordDuplicate({ queuePk, urlKey: alias.urlKey, url: alias.url, feedId: input.feedId, of, at });
      queuePk = null;
    }
    if (queuePk !== null) {
      await this.repo.recordDuplicate({
        queuePk,
        urlKey: input.urlKey,
        url: input.entry.url,
        feedId: input.feedId,
        of,
        at,
      });
    }
    return { kind: 'duplicate', of };
  }

  /** The article's id: the entry's own id for an article carried by its entry (when it is free), else from its key. */
  private async newId(input: IngestInput, key: string): Promise<string> {
    const own = input.entry.guid?.trim() ?? '';
    const base = input.useEntryContent && SAFE_ID.test(own) ? own : `a${shortHash(key)}`;
    let id = base;
    for (let n = 2; await this.repo.articleIdTaken(id); n++) id = `${base}-${n}`;
    return id;
  }
}

function unique(keys: readonly (string | null)[]): string[] {
  return [...new Set(keys.filter((k): k is string => k !== null))];
}

/** The stored article an address stands for, the first key in order winning. */
function firstKnown(keys: readonly string[], known: ReadonlyMap<string, KnownAddress>): KnownAddress | null {
  for (const key of keys) {
    const found = known.get(key);
    if (found) return found;
  }
  return null;
}

/** Two headlines are the same white space aside; a headline change alone makes a new version. */
function sameHeadline(a: string | null, b: string | null): boolean {
  const norm = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
