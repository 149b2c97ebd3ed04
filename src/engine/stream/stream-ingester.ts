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
    const at = this.isoNow();
    const addresses = addressesOf(input);
    const print = fingerprintText(input.page.article.text);
    const version = newVersion(input, print.contentHash);
    const known = await this.repo.findAddresses(addresses.keys);
    const stored = firstKnown(addresses.keys, known);
    const aliases = addresses.keys
      .filter((k) => !known.has(k))
      .map((urlKey) => ({ urlKey, url: addresses.urlOf(urlKey) }));
    if (stored) return this.revisit({ input, articleId: stored.articleId, version, aliases, at });
    const duplicateOf =
      print.words >= MIN_DUPLICATE_WORDS ? await this.repo.findByContentHash(print.contentHash) : null;
    if (duplicateOf !== null) return this.duplicate(input, aliases, duplicateOf, at);
    return this.addNew({ input, addresses, version, aliases, at });
  }

  /** A known article seen again: unchanged (text and headline), or a new version of it. */
  private async revisit(step: IngestStep & { articleId: string }): Promise<IngestOutcome> {
    const { input, articleId, version, aliases, at } = step;
    const current = await this.repo.currentVersion(articleId);
    const base = { queuePk: input.queuePk, articleId, ...validatorsOf(input.page), aliases, at };
    const same = current?.contentHash === version.contentHash && sameHeadline(current.title, version.title);
    if (same) {
      await this.repo.recordRevisit({ ...base, signature: input.signature });
      return { kind: 'unchanged', articleId };
    }
    const number = await this.repo.appendVersion({ ...base, signature: input.signature, version });
    return { kind: 'version', articleId, version: number };
  }

  /** A new article: checked for wire copy, placed in a story, and stored with its first version and assignment. */
  private async addNew(step: IngestStep & { addresses: Addresses }): Promise<IngestOutcome> {
    const { input, addresses, version, aliases, at } = step;
    const { page, entry } = input;
    const id = await this.newId(input, addresses.primaryKey);
    const stated = page.article.publishedAt?.value ?? entry.published ?? null;
    const outlet = outletOf(input, addresses.primaryUrl);
    const verdict = await this.state.identify({ id, text: page.article.text, publishedAt: stated, outlet });
    if (verdict.kind === 'exact-duplicate' || verdict.kind === 'same-url') {
      return this.duplicate(input, aliases, verdict.of, at);
    }
    const wire: WireLink | null =
      verdict.kind === 'wire-copy' ? { of: verdict.of, original: verdict.original, overlap: verdict.overlap } : null;
    const date = clusterDate(stated, input.fetchedAt).date;
    // Refused by the clusterer (ClusterInputError): the wire-copy index remembered it; put it back as stored.
    const { seq, assignment } = await this.restoringOnFailure(() =>
      this.state.place({ id, title: version.title, text: page.article.text, date, outlet }),
    );
    // A failed write: the clusterer and the wire-copy index moved on without it; put them back as stored.
    await this.restoringOnFailure(() =>
      this.repo.ingestArticle({
        queuePk: input.queuePk,
        id,
        urlKey: addresses.primaryKey,
        url: addresses.primaryUrl,
        feedId: input.feedId,
        outlet,
        publishedAt: stated,
        clusterDate: date,
        ...validatorsOf(page),
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
        aliases: aliases.filter((a) => a.urlKey !== addresses.primaryKey),
        at,
      }),
    );
    await this.state.checkpointIfDue(this.now());
    return { kind: 'new', articleId: id, storyId: assignment.storyId, decision: assignment.decision, seq, wire };
  }

  /** Runs a step that moves the clusterer's state; when it fails, the state is reloaded as stored and the error goes on. */
  private async restoringOnFailure<T>(step: () => T | Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      await this.state.reload(this.now());
      throw error;
    }
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

/** A new address of an article, kept to find it again. */
type Alias = { urlKey: string; url: string | null };

/** What every way of storing an arriving article takes: the input, its version, its new addresses, and the time. */
interface IngestStep {
  input: IngestInput;
  version: NewVersion;
  aliases: Alias[];
  at: string;
}

/** The addresses an article goes by: the preferred one (canonical when the page names one), and every key of it. */
interface Addresses {
  primaryKey: string;
  primaryUrl: string | null;
  keys: string[];
  urlOf: (key: string) => string | null;
}

/** The addresses of an arriving article: the page's canonical or final address first, then the entry's. */
function addressesOf(input: IngestInput): Addresses {
  const { page, entry } = input;
  const chosen = page.finalUrl ? preferCanonical(page.finalUrl, page.relCanonical) : null;
  const primaryKey = chosen?.key ?? input.urlKey;
  const primaryUrl = chosen?.url ?? entry.url;
  const keys = unique([primaryKey, input.urlKey, page.finalUrl ? canonicalUrl(page.finalUrl) : null]);
  const urlOf = (key: string): string | null =>
    key === primaryKey ? primaryUrl : key === input.urlKey ? entry.url : page.finalUrl;
  return { primaryKey, primaryUrl, keys, urlOf };
}

/** The version of the article the page holds. */
function newVersion(input: IngestInput, contentHash: string): NewVersion {
  const { page, entry } = input;
  return {
    fetchedAt: new Date(input.fetchedAt).toISOString(),
    format: page.format,
    content: page.content,
    title: page.article.title ?? entry.title,
    text: page.article.text,
    contentHash,
  };
}

/** The page's validators, for the next conditional revisit. */
function validatorsOf(page: PageRead): { etag: string | null; lastModified: string | null } {
  return { etag: page.etag, lastModified: page.lastModified };
}

/** The outlet: as the page or the entry states it, else the one its address belongs to. */
function outletOf(input: IngestInput, primaryUrl: string | null): string | null {
  const { page, entry } = input;
  return page.article.outlet ?? entry.outlet ?? (primaryUrl ? (outletOfUrl(primaryUrl)?.name ?? null) : null);
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
