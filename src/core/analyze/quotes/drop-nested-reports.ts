import type { DraftQuote as Draft } from './quote-pass.js';

/**
 * Drops indirect and partial quotes lying inside a longer indirect or partial quote ("Trump said Clinton wants to
 * abolish ..." gives the claim to Trump, not "to abolish ..." to Clinton): reported content inside reported content is
 * what the outer speaker said, and quoted words inside reported speech ('Price said the focus is to "lay the steps"')
 * are listed once, as part of it. Direct quotes are kept. Expects quotes sorted by start, longer first; one pass.
 */
export function dropNestedReports(quotes: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  let outerStart = -1;
  let outerEnd = -1;
  for (const q of quotes) {
    const inside = q.start >= outerStart && q.end <= outerEnd && q.end - q.start < outerEnd - outerStart;
    if (q.kind === 'direct') {
      out.push(q);
      continue;
    }
    if (inside) continue;
    out.push(q);
    if (q.end > outerEnd) {
      outerStart = q.start;
      outerEnd = q.end;
    }
  }
  return out;
}
