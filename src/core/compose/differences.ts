import type { Article, Difference, NumberMention } from '../model.js';
import { findClaimDifferences } from './claim-differences.js';
import { findNumberDifferences } from './number-differences.js';
import type { Statement } from './statements.js';

/** Differences between the sources: disagreeing figures first, then contradicting claims, numbered in that order. */
export function findDifferences(
  statements: readonly Statement[],
  numbers: readonly NumberMention[],
  articles: readonly Article[],
): Difference[] {
  const all = [...findNumberDifferences(statements, numbers, articles), ...findClaimDifferences(statements, articles)];
  return all.map((d, k) => ({ ...d, id: `difference-${k + 1}` }));
}
