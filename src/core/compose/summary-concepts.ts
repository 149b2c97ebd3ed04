import type { Article } from '../model.js';
import type { RunContext } from '../run-context.js';
import { termsOfText } from './text-vector.js';

/**
 * Concepts of a text for summary coverage: its content terms and the pairs of adjacent content terms (stop words
 * skipped), so that "nuclear deal" counts apart from "nuclear" and "deal".
 */
export function conceptsOf(terms: readonly string[]): Set<string> {
  const out = new Set<string>(terms);
  for (let i = 0; i + 1 < terms.length; i++) out.add(`${terms[i]} ${terms[i + 1]}`);
  return out;
}

/** How much each concept is worth covering in a summary. */
export interface ConceptWeights {
  weight: ReadonlyMap<string, number>;
  /** Sum of all weights (to put a candidate's gain on the same scale across stories). */
  total: number;
}

/** Weight of a concept pair relative to a single term (pairs say more about what happened). */
const PAIR_WEIGHT = 1;

/**
 * Weights concepts by how many articles state them beyond the first (body or title): what only one outlet says is
 * worth nothing, what every outlet says is worth most. This is the multi-document summarizer's notion of a story's
 * key content (concept coverage), as opposed to a sentence's similarity to the rest.
 */
export function conceptWeights(
  articles: readonly Article[],
  bodyTerms: readonly { articleId: string; terms: readonly string[] }[],
  ctx: RunContext,
): ConceptWeights {
  const byArticle = new Map<string, Set<string>>();
  const add = (articleId: string, concepts: Set<string>): void => {
    const set = byArticle.get(articleId) ?? new Set<string>();
    for (const c of concepts) set.add(c);
    byArticle.set(articleId, set);
  };
  for (const a of articles) if (a.title) add(a.id, conceptsOf(termsOfText(a.title, ctx)));
  for (const b of bodyTerms) add(b.articleId, conceptsOf(b.terms));
  const df = new Map<string, number>();
  for (const set of byArticle.values()) for (const c of set) df.set(c, (df.get(c) ?? 0) + 1);
  const weight = new Map<string, number>();
  let total = 0;
  for (const [c, n] of df) {
    if (n < 2) continue;
    const w = (n - 1) * (c.includes(' ') ? PAIR_WEIGHT : 1);
    weight.set(c, w);
    total += w;
  }
  return { weight, total };
}

/** The weight of the concepts of `concepts` not yet in `covered`, as a share of the story's total. */
export function coverageGain(
  concepts: ReadonlySet<string>,
  covered: ReadonlySet<string>,
  weights: ConceptWeights,
): number {
  if (weights.total <= 0) return 0;
  let gain = 0;
  for (const c of concepts) if (!covered.has(c)) gain += weights.weight.get(c) ?? 0;
  return gain / weights.total;
}
