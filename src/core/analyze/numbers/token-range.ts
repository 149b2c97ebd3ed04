import type { Span } from '../../model.js';

/** Anything with character offsets, in text order (wink tokens: starts and ends never decrease). */
interface Located {
  start: number;
  end: number;
}

/** The index of the first token that starts at or after `offset` (tokens.length when none): a binary search. */
export function firstTokenFrom(tokens: readonly Located[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the last token that ends at or before `offset` (-1 when none): a binary search. */
export function lastTokenEndingBy(tokens: readonly Located[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The token range `[from, to)` inside a span: from its first token that starts in it, while tokens end in it. */
export function tokenRangeOf(tokens: readonly Located[], span: Span): { from: number; to: number } {
  const from = firstTokenFrom(tokens, span.start);
  let to = from;
  while (to < tokens.length && tokens[to]!.end <= span.end) to++;
  return { from, to };
}
