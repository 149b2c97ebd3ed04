/**
 * Which facts only one side reports: every rated outlet that carries the fact leans the same way (left or right), while
 * the story is covered from the other side too. Pure: no DOM.
 */
import type { Fact } from '../../src/core/model.js';
import { sideOf, type Lean, type Side } from './lean.js';

/** The side that alone reports a fact, or null (both sides, the centre, or no rated outlet). */
export function onlySide(fact: Fact, leanOf: (articleId: string) => Lean | null): Side | null {
  const sides = new Set<Side>();
  for (const id of fact.articleIds) {
    const lean = leanOf(id);
    if (lean) sides.add(sideOf(lean));
  }
  if (sides.size !== 1) return null;
  const [side] = sides;
  return side === 'center' ? null : (side ?? null);
}

/** Facts only one side reports, when the story's rated outlets include both sides (else every fact would be one). */
export function oneSideFacts(
  facts: readonly Fact[],
  articleIds: readonly string[],
  leanOf: (articleId: string) => Lean | null,
): Fact[] {
  const storySides = new Set(
    articleIds
      .map(leanOf)
      .filter((l): l is Lean => l !== null)
      .map(sideOf),
  );
  if (!(storySides.has('left') && storySides.has('right'))) return [];
  return facts.filter((f) => onlySide(f, leanOf) !== null);
}
