/** An entry of the quiet queue: a story and the time of its latest article when the entry was made. */
export interface QuietEntry {
  time: number;
  seq: number;
}

/**
 * A binary min-heap of stories by the time of their latest article, so that the stories gone quiet are found without
 * a scan of every story. Entries go stale when a story gains an article (a newer entry is pushed); the caller skips
 * an entry whose time is no longer its story's latest.
 */
export class QuietQueue {
  private readonly heap: QuietEntry[] = [];

  /** Number of entries (stale ones included). */
  get size(): number {
    return this.heap.length;
  }

  /** Adds an entry. */
  push(entry: QuietEntry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  /** Removes and returns the earliest entry when its time is before `limit`; undefined otherwise. */
  popBefore(limit: number): QuietEntry | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined || top.time >= limit) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Heap order: earlier time first, then the older story. */
function before(a: QuietEntry, b: QuietEntry): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
