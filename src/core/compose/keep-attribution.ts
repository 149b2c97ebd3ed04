import type { Difference } from '../model.js';
import { pushTo } from './push-to.js';
import type { Statement } from './statements.js';

/** Attribution cues: a sentence with one says whose claim it reports. */
const ATTRIBUTED = /\b(?:according to|said|says|told|reported|reports|claimed|claims|stated|announced)\b/iu;

/** True when a sentence says whose claim it reports ("according to X", "X said"). */
export function isAttributed(text: string): boolean {
  return ATTRIBUTED.test(text);
}

/** The statements that are claims of a difference (they hold one of its citations). */
export function contestedStatements(statements: readonly Statement[], differences: readonly Difference[]): Set<number> {
  const byArticle = new Map<string, Statement[]>();
  for (const s of statements) pushTo(byArticle, s.articleId, s);
  const out = new Set<number>();
  for (const d of differences)
    for (const claim of d.claims)
      for (const c of claim.citations)
        for (const s of byArticle.get(c.articleId) ?? []) if (s.start <= c.start && c.start < s.end) out.add(s.id);
  return out;
}

/**
 * The statements whose attribution must survive compression: claims of a difference (one side of a contested point)
 * and sentences stating figures, because who says so is part of what they report.
 */
export function attributionKeepers(statements: readonly Statement[], contested: ReadonlySet<number>): Set<number> {
  const out = new Set(contested);
  for (const s of statements) if (s.figures.length > 0) out.add(s.id);
  return out;
}
