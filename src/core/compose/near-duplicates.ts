import type { Statement } from './statements.js';
import { pushTo } from './push-to.js';

/** Length of the word runs that mark text copied from one source (wire copy, a press release, a shared readout). */
export const SHARED_RUN_WORDS = 8;

/** Share of an article's word runs found in another article above which the two are copies of one source. */
const COPY_SHARE = 0.3;

/** The word n-grams of a word list, as joined strings. */
export function shingles(words: readonly string[], n: number = SHARED_RUN_WORDS): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** True when two word lists share a run of at least `n` words. */
export function shareRun(a: readonly string[], b: readonly string[], n: number = SHARED_RUN_WORDS): boolean {
  if (a.length < n || b.length < n) return false;
  const grams = shingles(a, n);
  for (let i = 0; i + n <= b.length; i++) if (grams.has(b.slice(i, i + n).join(' '))) return true;
  return false;
}

/** A tiny union-find over string keys. */
export class Groups {
  private readonly parent = new Map<string, string>();

  /** The representative of a key's group. */
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(key, root);
    return root;
  }

  /** Joins the groups of two keys. */
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * Groups articles that are copies of one source: a large share of their 8-word runs is the same text. Returns a map
 * from article id to its copy-group id (the id of one member); articles with no copy map to themselves.
 */
export function copyGroups(statements: readonly Statement[]): Map<string, string> {
  const byArticle = new Map<string, string[]>();
  for (const s of statements) pushTo(byArticle, s.articleId, ...s.words);
  const owners = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const [articleId, words] of byArticle) {
    const grams = shingles(words);
    counts.set(articleId, grams.size);
    for (const g of grams) {
      const set = owners.get(g) ?? new Set<string>();
      set.add(articleId);
      owners.set(g, set);
    }
  }
  const overlap = new Map<string, number>();
  for (const set of owners.values()) {
    if (set.size < 2) continue;
    const ids = [...set].sort();
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        overlap.set(key, (overlap.get(key) ?? 0) + 1);
      }
  }
  const groups = new Groups();
  for (const [key, shared] of overlap) {
    const [a, b] = key.split('\u0000') as [string, string];
    const smaller = Math.min(counts.get(a) ?? 0, counts.get(b) ?? 0);
    if (smaller > 0 && shared / smaller >= COPY_SHARE) groups.union(a, b);
  }
  return new Map([...byArticle.keys()].map((id) => [id, groups.find(id)]));
}

/**
 * Counts the independent sources among statements reporting one fact: articles that are copies of each other, or whose
 * statements share a long verbatim run (one press release, one wire story), count once.
 */
export function independentSources(members: readonly Statement[], copies: ReadonlyMap<string, string>): number {
  const groups = new Groups();
  for (const s of members) groups.union(s.articleId, copies.get(s.articleId) ?? s.articleId);
  // Each word run remembers the first article that had it; a later article with the same run joins its group.
  const firstWith = new Map<string, string>();
  for (const s of members)
    for (const gram of shingles(s.words)) {
      const owner = firstWith.get(gram);
      if (owner === undefined) firstWith.set(gram, s.articleId);
      else if (owner !== s.articleId) groups.union(owner, s.articleId);
    }
  return new Set(members.map((s) => groups.find(s.articleId))).size;
}
