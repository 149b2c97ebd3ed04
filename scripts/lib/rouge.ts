// ROUGE-1/2/L F1 with the conventions of Google's rouge-score package: lower-case, split on non-alphanumerics,
// Porter-stem tokens longer than 3 characters; ROUGE-L is the longest common subsequence over the whole summary.
import { stemmer } from 'stemmer';

/** Precision, recall and F1 of one ROUGE measure. */
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

/** ROUGE-1, ROUGE-2 and ROUGE-L of one summary against one reference. */
export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

/** Tokenizes as rouge-score does (with stemming on). */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((t) => t.length > 0)
    .map((t) => (t.length > 3 ? stemmer(t) : t));
}

function score(overlap: number, predicted: number, reference: number): RougeScore {
  const precision = predicted === 0 ? 0 : overlap / predicted;
  const recall = reference === 0 ? 0 : overlap / reference;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** How often each run of `n` tokens occurs (the runs joined by spaces). */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N between token lists. */
export function rougeN(predicted: readonly string[], reference: readonly string[], n: number): RougeScore {
  const p = ngramCounts(predicted, n);
  const r = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of p) overlap += Math.min(count, r.get(gram) ?? 0);
  return score(overlap, Math.max(0, predicted.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence of two token lists. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      current[j] = x === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    previous = current;
  }
  return previous[b.length]!;
}

/** ROUGE-1, ROUGE-2 and ROUGE-L (whole-summary LCS) of a summary against a reference. */
export function rouge(summary: string, reference: string): RougeScores {
  const p = rougeTokens(summary);
  const r = rougeTokens(reference);
  return { rouge1: rougeN(p, r, 1), rouge2: rougeN(p, r, 2), rougeL: score(lcsLength(p, r), p.length, r.length) };
}

/** The first `words` whitespace-separated words of a text (every system is cut at the same length). */
export function cutWords(text: string, words: number): string {
  return text.split(/\s+/).filter(Boolean).slice(0, words).join(' ');
}
