import type { Quote } from '../../model.js';

type Draft = Omit<Quote, 'id'>;

/**
 * Drops indirect quotes lying inside a longer indirect quote ("Trump said Clinton wants to abolish ..." gives the
 * claim to Trump, not "to abolish ..." to Clinton): reported content inside reported content is what the outer
 * speaker said. Direct and partial quotes are kept. Expects quotes sorted by start; one pass.
 */
export function dropNestedReports(quotes: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  let outerStart = -1;
  let outerEnd = -1;
  for (const q of quotes) {
    if (q.kind !== 'indirect') {
      out.push(q);
      continue;
    }
    const inside = q.start >= outerStart && q.end <= outerEnd && q.end - q.start < outerEnd - outerStart;
    if (inside) continue;
    out.push(q);
    if (q.end > outerEnd) {
      outerStart = q.start;
      outerEnd = q.end;
    }
  }
  return out;
}
