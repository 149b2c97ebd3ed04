import { analyzeText } from '../nlp/wink.js';
import type { RunContext } from '../run-context.js';
import { vectorOf, type SparseVector, type TermIndex } from './similarity.js';
import { termOf } from './statements.js';

/** The comparison terms of a free text (a title), as statements get them. */
export function termsOfText(text: string, ctx: RunContext): string[] {
  const tokens = analyzeText(text, ctx).tokens;
  return tokens.map((t, i) => termOf(t, tokens[i + 1])).filter((t): t is string => t !== null);
}

/** The unit TF-IDF vector of a free text under the idf of a statement index (unknown terms get the highest idf). */
export function textVector(text: string, index: TermIndex, ctx: RunContext): SparseVector {
  return vectorOf(termsOfText(text, ctx), index.idf, index.maxIdf);
}
