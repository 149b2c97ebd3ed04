// Fits the summary's sentence scorer on NeuS train and writes it to src/core/compose/summary-scorer-model.ts.
// For every candidate sentence of every train story it computes the features the summary uses
// (src/core/compose/summary-features.ts) and a label: how much of the sentence is in the reference summary (ROUGE-1 and
// ROUGE-2 precision of the compressed sentence against `reference_full`), or with `--label oracle` whether the
// extractive oracle (scripts/lib/oracle.ts) picks it after the summary's headline. The model is a ridge regression on
// standardized features plus boosted regression stumps on its residuals. Every fifth story is held out
// (scripts/lib/train-holdout.ts): the script prints the sentence-level fit and the summary ROUGE on the holdout, for the
// new model and for the hand weights. Only train.jsonl is read.
// Usage: npx tsx scripts/train-summary-scorer.ts [--limit N] [--stumps N] [--ridge X]
// [--label precision|recall|f1|oracle] [--centered] [--dry-run]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ComparisonInputs } from '../src/core/compose/compose.js';
import { buildTermIndex } from '../src/core/compose/similarity.js';
import { FEATURE_NAMES } from '../src/core/compose/summary-features.js';
import { scoreFeatures, type ScorerModel, type Stump } from '../src/core/compose/summary-scorer.js';
import { summaryCandidates, writeSummary } from '../src/core/compose/summary.js';
import type { Article } from '../src/core/model.js';
import { prepareStory, readNeus, type NeusStory, type PreparedStory } from './lib/neus.js';
import { greedyOracle } from './lib/oracle.js';
import { cutWords, ngramCounts, rouge, rougeTokens } from './lib/rouge.js';
import { isHoldout } from './lib/train-holdout.js';

const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    stumps: { type: 'string', default: '60' },
    ridge: { type: 'string', default: '1' },
    shrink: { type: 'string', default: '0.1' },
    words: { type: 'string', default: '70' },
    label: { type: 'string', default: 'precision' },
    centered: { type: 'boolean', default: false },
    tuning: { type: 'string', default: '800' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'src', 'core', 'compose', 'summary-scorer-model.ts');
const WORDS = Number(values.words);
/** Candidate gains of the learned score (its raw spread is far smaller than the hand-weighted relevance's). */
const GAINS = [0, 1, 2, 4, 8, 16];

interface Prepared {
  story: NeusStory;
  articles: Article[];
  inputs: ComparisonInputs;
  rows: number[][];
  labels: number[];
}

/** Clipped n-gram hits of a sentence in the reference, and the sentence's n-gram count. */
function hits(sentence: readonly string[], reference: Map<string, number>, n: number): [number, number] {
  const grams = ngramCounts(sentence, n);
  let hit = 0;
  let total = 0;
  for (const [g, c] of grams) {
    hit += Math.min(c, reference.get(g) ?? 0);
    total += c;
  }
  return [hit, total];
}

/** The label of one sentence: ROUGE-1/2 precision, or recall, against the reference. */
function labelOf(
  tokens: readonly string[],
  ref1: Map<string, number>,
  ref2: Map<string, number>,
  refLength: number,
): number {
  const [h1, t1] = hits(tokens, ref1, 1);
  const [h2, t2] = hits(tokens, ref2, 2);
  if (values.label === 'recall') return (h1 + h2) / Math.max(1, 2 * refLength);
  if (values.label === 'f1') {
    const f = (h: number, t: number): number => (t + refLength === 0 ? 0 : (2 * h) / (t + refLength));
    return (f(h1, t1) + f(h2, t2)) / 2;
  }
  return (h1 / Math.max(1, t1) + h2 / Math.max(1, t2)) / 2;
}

function prepare(story: NeusStory): Prepared | null {
  const prepared = prepareStory(story);
  if (!prepared) return null;
  const { articles, inputs } = prepared;
  const usable = inputs.statements.filter((s) => !s.junk);
  if (usable.length === 0) return null;
  const candidates = summaryCandidates(buildTermIndex(usable), inputs.factGroups, articles, inputs);
  const raw = values.label === 'oracle' ? oracleLabels(prepared, candidates) : overlapLabels(story, candidates);
  // Selection ranks the sentences of one story, so a story's overall overlap with its reference is noise to the fit.
  const mean = raw.reduce((sum, v) => sum + v, 0) / raw.length;
  const labels = values.centered ? raw.map((v) => v - mean) : raw;
  return { story, articles, inputs, rows: candidates.map((c) => c.features), labels };
}

/** Per candidate: how much of it is in the reference (ROUGE-1/2 precision, recall or F1). */
function overlapLabels(story: NeusStory, candidates: readonly { text: string }[]): number[] {
  const reference = rougeTokens(story.reference_full);
  const ref1 = ngramCounts(reference, 1);
  const ref2 = ngramCounts(reference, 2);
  return candidates.map((c) => labelOf(rougeTokens(c.text), ref1, ref2, reference.length));
}

/**
 * Per candidate: 1 when the extractive oracle picks it after the summary's own headline (scripts/lib/oracle.ts), 0
 * otherwise. Unlike the overlap labels, these account for the word budget and for what the other picks already cover.
 */
function oracleLabels(prepared: PreparedStory, candidates: readonly { text: string }[]): number[] {
  const { story, articles, inputs } = prepared;
  const headline = writeSummary(inputs.statements, inputs.factGroups, articles, {
    words: WORDS,
    scorer: null,
  }).headline;
  const { picks } = greedyOracle(
    candidates.map((c) => c.text),
    story.reference_full,
    WORDS,
    headline ?? '',
  );
  const chosen = new Set(picks);
  return candidates.map((_c, k) => (chosen.has(k) ? 1 : 0));
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and symmetric positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      if (f !== 0) for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/** Ridge regression on standardized features. */
function fitLinear(rows: number[][], labels: number[], ridge: number): Omit<ScorerModel, 'stumps' | 'gain'> {
  const d = FEATURE_NAMES.length;
  const n = rows.length;
  const mean = Array.from({ length: d }, (_, k) => rows.reduce((s, r) => s + r[k]!, 0) / n);
  const scale = mean.map((m, k) => Math.sqrt(rows.reduce((s, r) => s + (r[k]! - m) ** 2, 0) / n) || 1);
  const bias = labels.reduce((s, y) => s + y, 0) / n;
  const xtx = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const xty = new Array<number>(d).fill(0);
  rows.forEach((r, i) => {
    const z = r.map((v, k) => (v - mean[k]!) / scale[k]!);
    for (let a = 0; a < d; a++) {
      xty[a]! += z[a]! * (labels[i]! - bias);
      for (let b = 0; b < d; b++) xtx[a]![b]! += z[a]! * z[b]!;
    }
  });
  for (let a = 0; a < d; a++) xtx[a]![a]! += ridge;
  return { features: [...FEATURE_NAMES], mean, scale, weights: solve(xtx, xty), bias };
}

/** The best stump on residuals: one feature, one threshold, the mean residual on each side. */
function bestStump(rows: number[][], residuals: number[], order: number[][]): Stump | null {
  const n = rows.length;
  const total = residuals.reduce((s, r) => s + r, 0);
  let best: { gain: number; stump: Stump } | null = null;
  order.forEach((sorted, feature) => {
    let leftSum = 0;
    for (let k = 0; k < n - 1; k++) {
      const i = sorted[k]!;
      leftSum += residuals[i]!;
      const here = rows[i]![feature]!;
      const next = rows[sorted[k + 1]!]![feature]!;
      if (here === next || k < 20 || n - k < 20) continue;
      const left = k + 1;
      const gain = (leftSum * leftSum) / left + ((total - leftSum) * (total - leftSum)) / (n - left);
      if (!best || gain > best.gain) {
        best = {
          gain,
          stump: { feature, threshold: (here + next) / 2, left: leftSum / left, right: (total - leftSum) / (n - left) },
        };
      }
    }
  });
  return (best as { gain: number; stump: Stump } | null)?.stump ?? null;
}

function fitStumps(
  rows: number[][],
  labels: number[],
  base: Omit<ScorerModel, 'stumps' | 'gain'>,
  rounds: number,
  shrink: number,
): Stump[] {
  const residuals = rows.map((r, i) => labels[i]! - scoreFeatures(r, { ...base, stumps: [], gain: 1 }));
  const order = FEATURE_NAMES.map((_n, f) => rows.map((_r, i) => i).sort((a, b) => rows[a]![f]! - rows[b]![f]!));
  const stumps: Stump[] = [];
  for (let round = 0; round < rounds; round++) {
    const s = bestStump(rows, residuals, order);
    if (!s) break;
    const stump = { ...s, left: s.left * shrink, right: s.right * shrink };
    stumps.push(stump);
    rows.forEach((r, i) => {
      residuals[i]! -= r[stump.feature]! <= stump.threshold ? stump.left : stump.right;
    });
  }
  return stumps;
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy || 1);
}

function summaryRouge(stories: Prepared[], scorer: ScorerModel | null): string {
  const [r1, r2, rl] = summaryTotals(stories, scorer);
  const f = (v: number): string => ((100 * v) / Math.max(1, stories.length)).toFixed(1);
  return `${f(r1)}/${f(r2)}/${f(rl)}`;
}

/** Mean of ROUGE-1, -2 and -L F1 over stories (the figure the gain is chosen by). */
function summaryScore(stories: Prepared[], scorer: ScorerModel | null): number {
  const [r1, r2, rl] = summaryTotals(stories, scorer);
  return (r1 + r2 + rl) / 3 / Math.max(1, stories.length);
}

function summaryTotals(stories: Prepared[], scorer: ScorerModel | null): [number, number, number] {
  let r1 = 0;
  let r2 = 0;
  let rl = 0;
  for (const p of stories) {
    const summary = writeSummary(p.inputs.statements, p.inputs.factGroups, p.articles, {
      words: WORDS,
      contested: p.inputs.contested,
      keepAttribution: p.inputs.keepAttribution,
      scorer,
    });
    const s = rouge(cutWords(summary.text, WORDS), p.story.reference_full);
    r1 += s.rouge1.f1;
    r2 += s.rouge2.f1;
    rl += s.rougeL.f1;
  }
  return [r1, r2, rl];
}

function writeModel(model: ScorerModel | null): void {
  if (!model) {
    writeFileSync(
      OUT,
      `// Written by scripts/train-summary-scorer.ts: the last fitted model did not beat the hand weights on the train\n` +
        `// holdout, so none is applied. Do not edit by hand.\n` +
        `import type { ScorerModel } from './summary-scorer.js';\n\n` +
        `/** The learned sentence scorer of the summary (null: hand weights only). */\n` +
        `export const SUMMARY_SCORER: ScorerModel | null = null;\n`,
    );
    return;
  }
  const round = (v: number): number => Number(v.toPrecision(6));
  const body = JSON.stringify(
    {
      ...model,
      mean: model.mean.map(round),
      scale: model.scale.map(round),
      weights: model.weights.map(round),
      bias: round(model.bias),
      gain: model.gain,
      stumps: model.stumps.map((s) => ({
        ...s,
        threshold: round(s.threshold),
        left: round(s.left),
        right: round(s.right),
      })),
    },
    null,
    2,
  );
  writeFileSync(
    OUT,
    `// Written by scripts/train-summary-scorer.ts (fitted on NeuS train, holdout excluded); do not edit by hand.\n` +
      `import type { ScorerModel } from './summary-scorer.js';\n\n` +
      `/** The learned sentence scorer of the summary. */\n` +
      `export const SUMMARY_SCORER: ScorerModel | null = ${body};\n`,
  );
}

const train = readNeus('train').slice(0, values.limit ? Number(values.limit) : undefined);
const fit: Prepared[] = [];
const held: Prepared[] = [];
train.forEach((story, k) => {
  const p = prepare(story);
  if (p) (isHoldout(k) ? held : fit).push(p);
});
const rows = fit.flatMap((p) => p.rows);
const labels = fit.flatMap((p) => p.labels);
const linear = fitLinear(rows, labels, Number(values.ridge));
const stumps = fitStumps(rows, labels, linear, Number(values.stumps), Number(values.shrink));
// The gain is chosen end to end on fitted stories (never the holdout): the summary ROUGE for each candidate gain.
const tuning = fit.slice(0, Number(values.tuning));
let gain = 1;
let bestTuned = -1;
for (const g of GAINS) {
  const score = summaryScore(tuning, { ...linear, stumps, gain: g });
  console.log(`gain ${g}: fitted-subset ROUGE mean ${(100 * score).toFixed(2)}`);
  if (score > bestTuned) {
    bestTuned = score;
    gain = g;
  }
}
const model: ScorerModel = { ...linear, stumps, gain };
const linearOnly: ScorerModel = { ...linear, stumps: [], gain };
const heldRows = held.flatMap((p) => p.rows);
const heldLabels = held.flatMap((p) => p.labels);
const r = (m: ScorerModel, xs: number[][], ys: number[]): string =>
  pearson(
    xs.map((x) => scoreFeatures(x, m)),
    ys,
  ).toFixed(3);
console.log(`stories: ${fit.length} fitted, ${held.length} held out; sentences: ${rows.length} / ${heldRows.length}`);
console.log('weights (standardized):');
FEATURE_NAMES.forEach((name, k) => console.log(`  ${name.padEnd(18)} ${linear.weights[k]!.toFixed(4)}`));
console.log(`stumps: ${model.stumps.length}`);
console.log(
  `sentence label correlation, linear: fit ${r(linearOnly, rows, labels)}, holdout ${r(linearOnly, heldRows, heldLabels)}`,
);
console.log(
  `sentence label correlation, + stumps: fit ${r(model, rows, labels)}, holdout ${r(model, heldRows, heldLabels)}`,
);
console.log(`fitted-subset ROUGE mean with hand weights ${(100 * summaryScore(tuning, null)).toFixed(2)}`);
console.log(`holdout summary ROUGE-1/2/L (cut at ${WORDS}): hand weights ${summaryRouge(held, null)}`);
console.log(`holdout summary ROUGE-1/2/L (cut at ${WORDS}): linear ${summaryRouge(held, linearOnly)}`);
console.log(`holdout summary ROUGE-1/2/L (cut at ${WORDS}): linear + stumps ${summaryRouge(held, model)}`);
// The model is kept only when it helps the summary on the holdout; otherwise the summary keeps its hand weights.
const helps = summaryScore(held, model) > summaryScore(held, null);
console.log(helps ? 'the model helps on the holdout: kept' : 'the model does not help on the holdout: not kept');
if (!values['dry-run']) {
  writeModel(helps ? model : null);
  console.log(`wrote ${OUT}`);
}
