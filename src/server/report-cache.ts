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

/** The forms of a story's answer: the full report, or the report without article texts. */
export type ReportVariant = 'full' | 'light';

/** Builds a body for one version of something, with an entity tag naming what and which version. */
export function cachedBody(key: string, version: string, json: string): CachedBody {
  return { version, body: new Uint8Array(Buffer.from(json)), etag: `"${shortHash(`${key}\n${version}`)}"` };
}

/**
 * The serialized `GET /api/stories/:id` responses of recently read stories (in full and without texts), so that a
 * stored report is served without reading, concatenating, encoding and compressing it again. An entry is valid only
 * for the story version (`updatedAt`) it was built from, so a write by any process (another server, the CLI) is never
 * hidden by the cache. Bounded by entries and by bytes: the least recently used go first.
 */
export class ReportResponseCache {
  private readonly entries = new Map<string, CachedBody>();
  private bytes = 0;

  /**
   * @param maxEntries how many answers to keep
   * @param maxBytes how many bytes of answers to keep (their gzip forms, a fifth or so more, aside); a larger answer
   *   is served uncached
   */
  constructor(
    private readonly maxEntries = 64,
    private readonly maxBytes = 256 * 1024 * 1024,
  ) {}

  /** The cached body for this version of the story, or undefined. */
  get(storyId: string, version: string, variant: ReportVariant = 'full'): CachedBody | undefined {
    const key = keyOf(storyId, variant);
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Remembers the JSON body of one version of a story and returns its entry. */
  set(storyId: string, version: string, json: string, variant: ReportVariant = 'full'): CachedBody {
    const key = keyOf(storyId, variant);
    const entry = cachedBody(key, version, json);
    this.remove(key);
    if (entry.body.byteLength > this.maxBytes) return entry;
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
    this.evict();
    return entry;
  }

  /** Forgets a story, in every form (deleted or changed). */
  delete(storyId: string): void {
    for (const variant of ['full', 'light'] as const) this.remove(keyOf(storyId, variant));
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.byteLength;
  }

  private evict(): void {
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }
}

function keyOf(storyId: string, variant: ReportVariant): string {
  // The full form keeps the key (and so the entity tag) it always had.
  return variant === 'full' ? storyId : `${storyId}\n${variant}`;
}

/** The entry's gzip form, compressed once and kept on the entry. */
export function gzipOf(entry: CachedBody): Uint8Array<ArrayBuffer> {
  entry.gzipped ??= new Uint8Array(gzipSync(entry.body, { level: 6 }));
  return entry.gzipped;
}
