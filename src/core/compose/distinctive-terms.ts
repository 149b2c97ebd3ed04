import { pushTo } from './push-to.js';
import type { Statement } from './statements.js';

/** Options of the log-odds comparison. */
export interface DistinctiveOptions {
  /** Strength of the informative prior (pseudo-count total); Monroe et al. use the corpus itself, scaled. */
  priorStrength?: number;
  /** How many terms to keep per article. */
  limit?: number;
  /** Minimum z-score to report a term. */
  minZ?: number;
}

function countWords(statements: readonly Statement[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of statements)
    for (const t of s.tokens)
      if (t.type === 'word' && !t.stopWord && t.normal.length > 2 && /^\p{L}/u.test(t.normal))
        counts.set(t.normal, (counts.get(t.normal) ?? 0) + 1);
  return counts;
}

function total(counts: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}

/**
 * Each article's distinctive vocabulary against the other articles of the story: the weighted log-odds ratio with an
 * informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), reported as z-scores, highest first.
 */
export function distinctiveTerms(
  statements: readonly Statement[],
  articleIds: readonly string[],
  options: DistinctiveOptions = {},
): Map<string, { term: string; zScore: number }[]> {
  const limit = options.limit ?? 10;
  const minZ = options.minZ ?? 1.96;
  const all = countWords(statements);
  const allTotal = total(all);
  const a0 = options.priorStrength ?? Math.min(1000, allTotal);
  const result = new Map<string, { term: string; zScore: number }[]>();
  const byArticle = new Map<string, Statement[]>();
  for (const s of statements) pushTo(byArticle, s.articleId, s);
  for (const articleId of articleIds) {
    const own = countWords(byArticle.get(articleId) ?? []);
    const ni = total(own);
    const nj = allTotal - ni;
    const scored: { term: string; zScore: number }[] = [];
    for (const [term, yi] of own) {
      const yj = (all.get(term) ?? 0) - yi;
      const aw = (a0 * (all.get(term) ?? 0)) / Math.max(1, allTotal);
      const di = Math.log((yi + aw) / (ni + a0 - yi - aw));
      const dj = Math.log((yj + aw) / (nj + a0 - yj - aw));
      const variance = 1 / (yi + aw) + 1 / (yj + aw);
      const zScore = (di - dj) / Math.sqrt(variance);
      if (Number.isFinite(zScore) && zScore >= minZ) scored.push({ term, zScore: Math.round(zScore * 100) / 100 });
    }
    scored.sort((x, y) => y.zScore - x.zScore || x.term.localeCompare(y.term));
    result.set(articleId, scored.slice(0, limit));
  }
  return result;
}
