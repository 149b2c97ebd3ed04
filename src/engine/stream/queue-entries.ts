/**
 * Which entries of a source go into the queue: addresses not stored yet (unless already queued, or given up on with
 * the same entry), and stored articles whose entry changed since it was last read (a revisit, fetched conditionally).
 * Everything else a feed lists again is skipped without a request: polling a feed costs one request when nothing
 * changed, and one per new or changed article otherwise.
 */
import { clusterDate } from '../../core/stream/cluster-date.js';
import type { FeedEntry, SourceKind } from '../feeds/types.js';
import type { QueueEntry, StreamRepository } from '../storage/stream-repository.js';
import { entryKey, entrySignature } from './entry-keys.js';

/** What was done with a source's entries. */
export interface QueuedEntries {
  queue: QueueEntry[];
  /** Entries already stored and unchanged, already queued, or given up on with the same entry. */
  skipped: number;
  /** Entries without an address or an id. */
  unusable: number;
}

/** Where the entries come from. */
export interface EntrySource {
  feedId: string | null;
  /** The feed's address or the file's name. */
  source: string;
  kind: SourceKind;
  /** The time (ms) the entries were read: a missing or unlikely date orders them as of then. */
  now: number;
}

/** The queue entries of a source's entries. */
export async function queueEntries(
  repo: StreamRepository,
  entries: readonly FeedEntry[],
  from: EntrySource,
): Promise<QueuedEntries> {
  const byKey = new Map<string, FeedEntry>();
  let unusable = 0;
  for (const entry of entries) {
    const key = entryKey(entry);
    if (key === null) unusable++;
    // A source listing one article twice: the first listing stands.
    else if (!byKey.has(key)) byKey.set(key, entry);
  }
  const keys = [...byKey.keys()];
  const known = await repo.findAddresses(keys);
  const queued = await repo.queuedKeys(keys);
  const queue: QueueEntry[] = [];
  for (const [urlKey, entry] of byKey) {
    const signature = entrySignature(entry);
    const stored = known.get(urlKey);
    const carries = entry.content !== null && (from.kind === 'jsonl' || entry.url === null);
    // A backlog arrives in time order; a stream file in its own order.
    const orderKey = from.kind === 'jsonl' ? null : clusterDate(entry.published, from.now).date;
    const base = {
      urlKey,
      feedId: from.feedId,
      source: from.source,
      entry,
      useEntryContent: carries,
      signature,
      orderKey,
    };
    if (stored) {
      if (stored.kind === 'article' && stored.signature !== signature && !queued.has(urlKey)) {
        queue.push({ ...base, kind: 'revisit' });
      }
      continue;
    }
    if (queued.has(urlKey) || (await repo.hasFailed(urlKey, signature))) continue;
    queue.push({ ...base, kind: 'new' });
  }
  return { queue, skipped: byKey.size - queue.length, unusable };
}
