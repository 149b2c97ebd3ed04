/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark), in one place so the evaluation
 * script, the benchmark tests and the metric tests all score the same way.
 *
 * Texts are split into `\w+` tokens (Unicode letters, digits and `_`, case kept) and compared as multisets of word
 * 4-grams. A text with fewer than 4 tokens is one shorter n-gram; like the reference code, an empty text is one empty
 * n-gram, so two empty texts match and an empty prediction of a non-empty page counts one false positive.
 */

/** Counts of shared, extra and missing n-grams for one page, normalised so that they sum to 1. */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Mean precision, recall and their harmonic mean over pages. */
export interface ExtractionScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** The n-gram size of the benchmark. */
export const NGRAM_SIZE = 4;

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

/** Splits a text into word tokens the way Python's `re.findall(r'\w+', text)` does. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/** Counts the word n-grams of a text (n shrinks to the token count for short texts). */
export function countShingles(text: string, size: number = NGRAM_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const n = Math.min(tokens.length, size);
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    // A separator that `\w+` tokens can never contain keeps n-grams distinct.
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Scores one page: shared (tp), extra (fp) and missing (fn) n-grams, divided by their sum. */
export function scorePage(truth: string, predicted: string): PageCounts {
  const want = countShingles(truth);
  const got = countShingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, g] of got) {
    const w = want.get(key) ?? 0;
    tp += Math.min(g, w);
    fp += Math.max(0, g - w);
  }
  for (const [key, w] of want) fn += Math.max(0, w - (got.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

/** Precision of one page: 1 when nothing is extra or missing, otherwise tp/(tp+fp); null when undefined. */
export function pagePrecision(c: PageCounts): number | null {
  if (c.fp === 0 && c.fn === 0) return 1;
  return c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
}

/** Recall of one page: 1 when nothing is extra or missing, otherwise tp/(tp+fn); null when undefined. */
export function pageRecall(c: PageCounts): number | null {
  if (c.fp === 0 && c.fn === 0) return 1;
  return c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
}

/** F1 of one page (for ranking worst cases). */
export function pageF1(c: PageCounts): number {
  const p = pagePrecision(c) ?? 0;
  const r = pageRecall(c) ?? 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function mean(values: number[]): number {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Averages per-page precision and recall over pages and takes the harmonic mean of the two averages. */
export function aggregate(pages: PageCounts[]): ExtractionScore {
  const precision = mean(pages.map(pagePrecision).filter((v): v is number => v !== null));
  const recall = mean(pages.map(pageRecall).filter((v): v is number => v !== null));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}

/** Scores predictions against the truth for every page id of `truth` (a missing prediction counts as empty). */
export function scoreAll(truth: Map<string, string>, predicted: Map<string, string>): ExtractionScore {
  return aggregate([...truth].map(([id, text]) => scorePage(text, predicted.get(id) ?? '')));
}
