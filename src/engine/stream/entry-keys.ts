/**
 * How the stream tells entries apart: the key of an entry is the canonical key of its address (every spelling of one
 * article's address gives the same key), or, for an entry that carries its article without an address (a JSON Lines
 * article), the source's id of it. The signature says whether a known entry has changed since it was last read.
 */
import { createHash } from 'node:crypto';
import { canonicalUrl } from '../../core/stream/canonical-url.js';
import type { FeedEntry } from '../feeds/types.js';

/** An entry that names only an address (one the user gave, to be probed). */
export function addressEntry(url: string | null): FeedEntry {
  return {
    url,
    guid: null,
    title: null,
    published: null,
    updated: null,
    author: null,
    outlet: null,
    summary: null,
    content: null,
  };
}

/** Longest id of an entry without an address kept as its key. */
const MAX_ID_KEY = 500;

/** The entry's key, or null when it has neither a usable address nor an id. */
export function entryKey(entry: Pick<FeedEntry, 'url' | 'guid'>): string | null {
  if (entry.url !== null) {
    const key = canonicalUrl(entry.url);
    if (key !== null) return key;
  }
  const id = entry.guid?.trim();
  return id ? `id:${id.slice(0, MAX_ID_KEY)}` : null;
}

/** A hash of what the entry says of its article (title, dates, carried content); a change means it may be edited. */
export function entrySignature(entry: Pick<FeedEntry, 'title' | 'published' | 'updated' | 'content'>): string {
  const said = JSON.stringify([entry.title, entry.published, entry.updated, entry.content?.value ?? null]);
  return createHash('sha256').update(said).digest('hex').slice(0, 32);
}
