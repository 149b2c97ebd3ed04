// The extractive oracle: greedily picks the source sentences whose concatenation, cut at the eval's word length,
// scores best against the reference. It bounds what any extractive summary over the same sentences can reach.
import { cutWords, rouge, type RougeScores } from './rouge.js';

/** Mean of ROUGE-1, -2 and -L F1 (the figure the oracle maximizes). */
export function rougeMean(scores: RougeScores): number {
  return (scores.rouge1.f1 + scores.rouge2.f1 + scores.rougeL.f1) / 3;
}

/** The oracle's picks (indexes into `texts`, in summary order) and the ROUGE of their concatenation. */
export interface OracleResult {
  picks: number[];
  scores: RougeScores;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Greedy oracle: adds, one at a time, the sentence (at the place in the summary, since order matters to ROUGE-L) that
 * most raises the mean ROUGE of the summary cut at `words`, and stops when no sentence raises it. `prefix` is a fixed
 * start of the summary (a headline already chosen); it stays first.
 */
export function greedyOracle(texts: readonly string[], reference: string, words: number, prefix = ''): OracleResult {
  let picks: number[] = [];
  const render = (order: readonly number[]): string =>
    cutWords([prefix, ...order.map((p) => texts[p]!)].join(' ').trim(), words);
  let best = rouge(render([]), reference);
  let bestValue = prefix ? rougeMean(best) : 0;
  for (;;) {
    if (wordCount(render(picks)) >= words) break;
    let step: { order: number[]; scores: RougeScores; value: number } | null = null;
    for (let at = 0; at < texts.length; at++) {
      if (picks.includes(at)) continue;
      for (let place = 0; place <= picks.length; place++) {
        const order = [...picks.slice(0, place), at, ...picks.slice(place)];
        const scores = rouge(render(order), reference);
        const value = rougeMean(scores);
        if (value > bestValue + 1e-9 && (!step || value > step.value)) step = { order, scores, value };
      }
    }
    if (!step) break;
    picks = step.order;
    best = step.scores;
    bestValue = step.value;
  }
  return { picks, scores: best };
}
