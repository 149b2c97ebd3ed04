/** One decayed count: its value as of `time` (ms, or null in an undated stream). */
interface Count {
  value: number;
  time: number | null;
}

/**
 * Document frequencies learnt from the stream itself, one article at a time (no corpus is shipped or needed). With a
 * half-life, counts fade with the stream's time, so a word that is everywhere this week (the running story's own
 * vocabulary) weighs less than the same word in a quiet week. Undated streams keep plain counts.
 */
export class DocumentFrequency {
  /** Articles seen (decayed like the counts). */
  documents: Count = { value: 0, time: null };
  readonly counts = new Map<string, Count>();

  /** @param halfLifeMs time for a count to halve; 0 for plain counts. */
  constructor(private readonly halfLifeMs: number) {}

  /** The value of a count as of `now`. */
  private current(count: Count | undefined, now: number | null): number {
    if (!count) return 0;
    if (this.halfLifeMs <= 0 || now === null || count.time === null || now <= count.time) return count.value;
    return count.value * Math.pow(0.5, (now - count.time) / this.halfLifeMs);
  }

  /** Inverse document frequency as of `now` (smoothed; unseen features rank highest). */
  idf(key: string, now: number | null): number {
    return Math.log((this.current(this.documents, now) + 1) / (this.current(this.counts.get(key), now) + 1)) + 1;
  }

  /**
   * Forgets the features seen in at most `maxCount` articles (decayed) and not since `before` (ms): in a long stream
   * most features are names and phrases seen once, and a forgotten one only weighs as an unseen one would. Returns
   * how many were forgotten. Undated counts are kept (their age is unknown).
   */
  forgetRare(before: number, maxCount: number): number {
    let forgotten = 0;
    for (const [key, count] of this.counts) {
      if (count.time !== null && count.time < before && this.current(count, before) <= maxCount) {
        this.counts.delete(key);
        forgotten++;
      }
    }
    return forgotten;
  }

  /** Counts one more article holding these features, as of `now`. */
  observe(keys: Iterable<string>, now: number | null): void {
    const bump = (count: Count | undefined): Count => ({
      value: this.current(count, now) + 1,
      time: later(count?.time ?? null, now),
    });
    this.documents = bump(this.documents);
    for (const key of keys) this.counts.set(key, bump(this.counts.get(key)));
  }
}

/** The later of two times (null when both are unknown). */
function later(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
