/**
 * The inverted index from a feature to the stories listed under it, most recently updated last. Each list holds at
 * most `limit` stories (the least recently updated fall off), so looking up an article costs at most its query
 * features times the limit, however many stories exist.
 */
export class StoryIndex {
  /** Feature key to story numbers, oldest update first. */
  readonly postings = new Map<string, number[]>();
  /** Story number to the keys it is listed under (kept equal to what the postings hold). */
  private readonly keysOf = new Map<number, Set<string>>();

  constructor(private readonly limit: number) {}

  /** Lists a story under these keys as the most recently updated one. */
  touch(seq: number, keys: Iterable<string>): void {
    let own = this.keysOf.get(seq);
    if (!own) this.keysOf.set(seq, (own = new Set()));
    for (const key of keys) {
      let list = this.postings.get(key);
      if (!list) this.postings.set(key, (list = []));
      const at = list.indexOf(seq);
      if (at !== -1) list.splice(at, 1);
      list.push(seq);
      own.add(key);
      while (list.length > this.limit) this.keysOf.get(list.shift()!)?.delete(key);
    }
  }

  /** Takes a story out of every list (it went quiet or was merged). */
  remove(seq: number): void {
    for (const key of this.keysOf.get(seq) ?? []) {
      const list = this.postings.get(key);
      if (!list) continue;
      const at = list.indexOf(seq);
      if (at !== -1) list.splice(at, 1);
      if (list.length === 0) this.postings.delete(key);
    }
    this.keysOf.delete(seq);
  }

  /** The keys a story is listed under (in the order it was listed). */
  keys(seq: number): string[] {
    return [...(this.keysOf.get(seq) ?? [])];
  }

  /**
   * Candidate stories for weighted query keys: every story listed under a key, with the summed weight of the keys it
   * is listed under.
   */
  lookup(query: readonly (readonly [string, number])[]): Map<number, number> {
    const found = new Map<number, number>();
    for (const [key, weight] of query) {
      for (const seq of this.postings.get(key) ?? []) found.set(seq, (found.get(seq) ?? 0) + weight);
    }
    return found;
  }

  /** Rebuilds the index from stored postings (a snapshot): the same lists in the same order. */
  static fromPostings(limit: number, postings: Iterable<readonly [string, readonly number[]]>): StoryIndex {
    const index = new StoryIndex(limit);
    for (const [key, list] of postings) {
      index.postings.set(key, [...list]);
      for (const seq of list) {
        let own = index.keysOf.get(seq);
        if (!own) index.keysOf.set(seq, (own = new Set()));
        own.add(key);
      }
    }
    return index;
  }
}
