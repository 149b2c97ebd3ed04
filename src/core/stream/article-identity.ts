/**
 * One article per real article, decided as articles arrive: an address already seen is the same article (perhaps
 * edited), the same cleaned text under another address is an exact duplicate, and text largely copied from an earlier
 * article (wire copy, one press release run by several outlets) is linked to the earliest article of its copy group.
 * Candidates come from an inverted index of sampled word runs, so the cost of one article does not grow with the
 * number of articles seen (a run shared by very many articles stops collecting them: it is boilerplate).
 */
import { Groups } from '../compose/near-duplicates.js';
import { fingerprintText, type FingerprintOptions, type TextFingerprint } from './text-fingerprint.js';

/** What the index is told about one article. */
export interface IdentityInput {
  id: string;
  /** The article's address key (`canonicalUrl` or `preferCanonical(...).key`), or null when it has no address. */
  urlKey: string | null;
  /** The cleaned text. */
  text: string;
  /** ISO date or date-time of publication, or null; the earliest copy of a text is its original. */
  publishedAt: string | null;
  outlet: string | null;
}

/** What an arriving article is, relative to the articles already seen. */
export type IdentityVerdict =
  | { kind: 'new' }
  /** The address is known: the same article, `changed` when its text differs from the last version seen. */
  | { kind: 'same-url'; of: string; changed: boolean }
  /** The same text under another address. */
  | { kind: 'exact-duplicate'; of: string }
  /**
   * Text largely copied from `of` (`overlap`: share of the shorter text's sampled word runs found in the other);
   * `original` is the earliest article of the copy group, this one included.
   */
  | { kind: 'wire-copy'; of: string; original: string; overlap: number; sameOutlet: boolean };

/** Limits and thresholds of the identity index. */
export interface IdentityOptions extends FingerprintOptions {
  /**
   * Texts shorter than this many words are never duplicates by content, only by address (default 10): an empty body
   * or a "subscribe to read" stub is a failed extraction, not the same article.
   */
  minExactWords?: number;
  /** Texts shorter than this many words are only compared exactly (default 40). */
  minWords?: number;
  /** Share of the shorter text's sampled runs that must be shared to call it a copy (default 0.5). */
  minOverlap?: number;
  /** Sampled runs that must be shared, whatever the share (default 4). */
  minSharedRuns?: number;
  /** Articles remembered per sampled run; a run in more articles is boilerplate and collects no more (default 64). */
  maxPosting?: number;
}

interface Known {
  outlet: string | null;
  /** Publication time in ms, or +Infinity when unknown (a dated copy then counts as earlier). */
  time: number;
  arrival: number;
  sampleSize: number;
}

/** The incremental identity index of a stream of articles (one per process or per stored stream). */
export class ArticleIdentityIndex {
  private readonly options: Required<IdentityOptions>;
  private readonly byUrl = new Map<string, { id: string; contentHash: string }>();
  private readonly byHash = new Map<string, string>();
  private readonly postings = new Map<number, string[]>();
  private readonly known = new Map<string, Known>();
  private readonly groups = new Groups();
  private readonly originals = new Map<string, string>();

  constructor(options: IdentityOptions = {}) {
    this.options = {
      runWords: options.runWords ?? 5,
      sampleEvery: options.sampleEvery ?? 4,
      minExactWords: options.minExactWords ?? 10,
      minWords: options.minWords ?? 40,
      minOverlap: options.minOverlap ?? 0.5,
      minSharedRuns: options.minSharedRuns ?? 4,
      maxPosting: options.maxPosting ?? 64,
    };
  }

  /** Number of distinct articles remembered (duplicates and repeated addresses are not counted). */
  get size(): number {
    return this.known.size;
  }

  /** Tells what the article is and remembers it (a duplicate is remembered only as another address of its match). */
  add(article: IdentityInput): IdentityVerdict {
    const print = fingerprintText(article.text, this.options);
    const sameUrl = article.urlKey === null ? undefined : this.byUrl.get(article.urlKey);
    if (sameUrl) {
      const changed = sameUrl.contentHash !== print.contentHash;
      if (changed) {
        sameUrl.contentHash = print.contentHash;
        if (!this.byHash.has(print.contentHash) && print.words >= this.options.minExactWords) {
          this.byHash.set(print.contentHash, sameUrl.id);
        }
      }
      return { kind: 'same-url', of: sameUrl.id, changed };
    }
    const exact = print.words < this.options.minExactWords ? undefined : this.byHash.get(print.contentHash);
    if (exact !== undefined) {
      if (article.urlKey !== null) this.byUrl.set(article.urlKey, { id: exact, contentHash: print.contentHash });
      return { kind: 'exact-duplicate', of: exact };
    }
    const match = this.bestCopy(print);
    this.remember(article, print);
    if (!match) return { kind: 'new' };
    this.groups.union(match.id, article.id);
    const original = this.updateOriginal(match.id, article.id);
    const sameOutlet = article.outlet !== null && this.known.get(match.id)?.outlet === article.outlet;
    return { kind: 'wire-copy', of: match.id, original, overlap: match.overlap, sameOutlet };
  }

  /** The earliest article of the copy group of `id` (itself when it has no copies or is unknown). */
  originalOf(id: string): string {
    return this.originals.get(this.groups.find(id)) ?? id;
  }

  /** The remembered article whose sampled runs best cover the new text, when it passes the thresholds. */
  private bestCopy(print: TextFingerprint): { id: string; overlap: number } | null {
    if (print.words < this.options.minWords || print.sample.length === 0) return null;
    const shared = new Map<string, number>();
    for (const h of print.sample)
      for (const id of this.postings.get(h) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    let best: { id: string; overlap: number } | null = null;
    for (const [id, count] of shared) {
      if (count < this.options.minSharedRuns) continue;
      const other = this.known.get(id)?.sampleSize ?? 0;
      const overlap = count / Math.max(1, Math.min(print.sample.length, other));
      if (overlap >= this.options.minOverlap && (best === null || overlap > best.overlap)) best = { id, overlap };
    }
    return best;
  }

  private remember(article: IdentityInput, print: TextFingerprint): void {
    const time = article.publishedAt === null ? NaN : Date.parse(article.publishedAt);
    this.known.set(article.id, {
      outlet: article.outlet,
      time: Number.isNaN(time) ? Number.POSITIVE_INFINITY : time,
      arrival: this.known.size,
      sampleSize: print.sample.length,
    });
    if (article.urlKey !== null) this.byUrl.set(article.urlKey, { id: article.id, contentHash: print.contentHash });
    if (print.words >= this.options.minExactWords) this.byHash.set(print.contentHash, article.id);
    if (print.words < this.options.minWords) return;
    for (const h of print.sample) {
      const list = this.postings.get(h);
      if (!list) this.postings.set(h, [article.id]);
      else if (list.length < this.options.maxPosting) list.push(article.id);
    }
  }

  /** Keeps the earliest of the group's original and the new member as the group's original. */
  private updateOriginal(matchId: string, newId: string): string {
    const root = this.groups.find(newId);
    const current = this.originals.get(root) ?? this.originals.get(this.groups.find(matchId)) ?? matchId;
    const a = this.known.get(current);
    const b = this.known.get(newId);
    const earlier = a && b && (b.time < a.time || (b.time === a.time && b.arrival < a.arrival)) ? newId : current;
    this.originals.set(root, earlier);
    return earlier;
  }
}
