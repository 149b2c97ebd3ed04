/**
 * Lookups of spans by position. The stages ask, for each sentence, which mentions, dates or figures lie in it, and for
 * each date, which sentence holds it; scanning every item of the article for every such question makes a stage take
 * time in the square of the article's length. These answer by binary search over the spans sorted by start, and give
 * results in the order the items were given in, as the scans did.
 */
import type { Span } from './model.js';

/**
 * The first index below `count` at which `passes` holds, for a test that holds at every index after one where it
 * holds (a binary search); `count` when it holds nowhere.
 */
export function firstIndexWhere(count: number, passes: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (passes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the first of `spans` (sorted by start, not overlapping) that ends after `at`: a binary search. */
export function firstEndingAfter(spans: readonly Span[], at: number): number {
  return firstIndexWhere(spans.length, (i) => spans[i]!.end > at);
}

/** The index of the first of `spans` (sorted by start) that starts at or after `at`: a binary search. */
export function firstStartingFrom(spans: readonly Span[], at: number): number {
  return firstIndexWhere(spans.length, (i) => spans[i]!.start >= at);
}

/** The span of `spans` (sorted by start, not overlapping) that holds offset `at`, or undefined. */
export function spanAt<T extends Span>(spans: readonly T[], at: number): T | undefined {
  const span = spans[firstEndingAfter(spans, at)];
  return span && span.start <= at ? span : undefined;
}

/** Items with spans, indexed for "which lie within" and "which overlap" questions. */
export class SpanIndex<T extends Span> {
  /** The items sorted by start (ties in the given order). */
  private readonly sorted: T[];
  /** The place of each sorted item in the given order. */
  private readonly order: number[];
  /** The latest end among the sorted items up to each index. */
  private readonly reach: number[];

  constructor(items: readonly T[]) {
    const ranked = items.map((item, order) => ({ item, order }));
    ranked.sort((a, b) => a.item.start - b.item.start || a.order - b.order);
    this.sorted = ranked.map((r) => r.item);
    this.order = ranked.map((r) => r.order);
    this.reach = [];
    let reach = -Infinity;
    for (const item of this.sorted) this.reach.push((reach = Math.max(reach, item.end)));
  }

  /** The items lying wholly inside `span` (start and end within it), in the given order. */
  within(span: Span): T[] {
    const found: number[] = [];
    for (let k = firstStartingFrom(this.sorted, span.start); k < this.sorted.length; k++) {
      const item = this.sorted[k]!;
      if (item.start > span.end) break;
      if (item.end <= span.end) found.push(k);
    }
    return this.inOrder(found);
  }

  /**
   * The items overlapping `[start, end)` (starting before its end and ending after its start), in the given order. The
   * items that start before it are found walking back while any of them reaches into it: few, for short items.
   */
  overlapping(start: number, end: number): T[] {
    const found: number[] = [];
    for (let k = firstStartingFrom(this.sorted, end) - 1; k >= 0 && this.reach[k]! > start; k--) {
      if (this.sorted[k]!.end > start) found.push(k);
    }
    return this.inOrder(found);
  }

  private inOrder(found: number[]): T[] {
    return found.sort((a, b) => this.order[a]! - this.order[b]!).map((k) => this.sorted[k]!);
  }
}
