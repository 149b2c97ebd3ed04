import { gzipSync } from 'node:zlib';
import { shortHash } from '../core/hash.js';

/** One serialized response body, with its gzip form made on first demand and an entity tag. */
export interface CachedBody {
  version: string;
  /** UTF-8 JSON. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  gzipped?: Uint8Array<ArrayBuffer>;
}

/**
 * The serialized `GET /api/stories/:id` responses of recently read stories, so that a stored report is served without
 * reading, concatenating, encoding and compressing it again. An entry is valid only for the story version
 * (`updatedAt`) it was built from, so a write by any process (another server, the CLI) is never hidden by the cache.
 */
export class ReportResponseCache {
  private readonly entries = new Map<string, CachedBody>();

  /** @param maxEntries how many stories to keep (least recently used go first) */
  constructor(private readonly maxEntries = 64) {}

  /** The cached body for this version of the story, or undefined. */
  get(storyId: string, version: string): CachedBody | undefined {
    const entry = this.entries.get(storyId);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(storyId);
    this.entries.set(storyId, entry);
    return entry;
  }

  /** Remembers the JSON body of one version of a story and returns its entry. */
  set(storyId: string, version: string, json: string): CachedBody {
    const entry: CachedBody = {
      version,
      body: new Uint8Array(Buffer.from(json)),
      etag: `"${shortHash(`${storyId}\n${version}`)}"`,
    };
    this.entries.delete(storyId);
    this.entries.set(storyId, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  /** Forgets a story (deleted or changed). */
  delete(storyId: string): void {
    this.entries.delete(storyId);
  }
}

/** The entry's gzip form, compressed once and kept. */
export function gzipOf(entry: CachedBody): Uint8Array<ArrayBuffer> {
  entry.gzipped ??= new Uint8Array(gzipSync(entry.body, { level: 6 }));
  return entry.gzipped;
}
