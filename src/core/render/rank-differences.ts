/**
 * Which differences matter most, for the overview: disagreements first (contradictions before versions of unknown
 * timing, and those before figures that only moved on), then those that involve the most articles. When the sources
 * disagree on fewer than three things, the facts most of them report and some leave out fill the list. Pure: no DOM.
 */
import type { Difference, Fact, Omission } from '../model.js';

/** A fact that some articles leave out although most report it. */
export interface LeftOut {
  fact: Fact;
  /** Articles that leave it out. */
  omittedBy: string[];
}

/** One item of the overview's list of differences. */
export type KeyDifference = { kind: 'difference'; difference: Difference } | { kind: 'left-out'; item: LeftOut };

/** How strongly the relation of a difference (added to reports later; absent in older ones) calls for attention. */
function relationRank(difference: Difference): number {
  const relation = (difference as { relation?: unknown }).relation;
  if (relation === 'conflict') return 0;
  if (relation === 'update') return 2;
  return 1;
}

/** Distinct articles on any side of a difference. */
export function articlesInvolved(difference: Difference): number {
  return new Set(difference.claims.flatMap((c) => c.articleIds)).size;
}

/** Differences, most important first (stable among equals). */
export function rankDifferences(differences: readonly Difference[]): Difference[] {
  return differences
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        relationRank(a.d) - relationRank(b.d) ||
        articlesInvolved(b.d) - articlesInvolved(a.d) ||
        (a.d.kind === b.d.kind ? 0 : a.d.kind === 'number' ? -1 : 1) ||
        a.i - b.i,
    )
    .map(({ d }) => d);
}

/** Facts left out by some articles, the most widely reported first. */
export function leftOutFacts(facts: readonly Fact[], omissions: readonly Omission[]): LeftOut[] {
  const byFact = new Map<string, string[]>();
  for (const o of omissions) for (const id of o.factIds) byFact.set(id, [...(byFact.get(id) ?? []), o.articleId]);
  return facts
    .filter((f) => byFact.has(f.id))
    .map((fact) => ({ fact, omittedBy: byFact.get(fact.id) ?? [] }))
    .sort((a, b) => b.fact.articleIds.length - a.fact.articleIds.length || b.omittedBy.length - a.omittedBy.length);
}

/** Options of the overview's list. */
export interface KeyDifferenceOptions {
  /** Most items (default 5). */
  max?: number;
  /** Fewer disagreements than this are completed with facts left out (default 3). */
  min?: number;
}

/** The three to five differences of the overview. */
export function keyDifferences(
  input: { differences: readonly Difference[]; facts: readonly Fact[]; omissions: readonly Omission[] },
  options: KeyDifferenceOptions = {},
): KeyDifference[] {
  const max = options.max ?? 5;
  const min = options.min ?? 3;
  const items: KeyDifference[] = rankDifferences(input.differences)
    .slice(0, max)
    .map((difference) => ({ kind: 'difference', difference }));
  for (const item of leftOutFacts(input.facts, input.omissions)) {
    if (items.length >= min) break;
    items.push({ kind: 'left-out', item });
  }
  return items;
}

/**
 * How the differences stand, in words: a disagreement only where the sources' times overlap; figures from different
 * times are the story moving on; the rest cannot be placed in time (an undated article).
 */
export function differencesInWords(differences: readonly Difference[]): string {
  if (differences.length === 0) return 'no disagreement found';
  const count = (relation: string): number => differences.filter((d) => (d.relation ?? 'conflict') === relation).length;
  const parts = [
    [count('conflict'), 'disagreement', 'disagreements'],
    [count('update'), 'change as the story moved on', 'changes as the story moved on'],
    [count('unknown-timing'), 'difference of unknown timing', 'differences of unknown timing'],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
    .join(', ');
}

/** The versions of a difference, those reported by the most articles first (stable among equals). */
export function claimsByReach(difference: Difference): Difference['claims'] {
  return [...difference.claims].sort((a, b) => b.articleIds.length - a.articleIds.length);
}
