import { FEATURE_NAMES } from './summary-features.js';

/** One regression stump: adds `left` when the feature is at most `threshold`, `right` otherwise. */
export interface Stump {
  feature: number;
  threshold: number;
  left: number;
  right: number;
}

/**
 * A learned sentence scorer: a linear model over standardized features plus boosted stumps fitted on its residuals
 * (fitted by scripts/train-summary-scorer.ts on NeuS train; the score estimates how much of a sentence is in the
 * reference summary).
 */
export interface ScorerModel {
  /** Feature names, in the order the weights expect (must equal FEATURE_NAMES). */
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  stumps: readonly Stump[];
  /** Factor on the score, to put it on the scale of the selection's redundancy and crowding penalties. */
  gain: number;
}

/** The score of one feature row under a model. */
export function scoreFeatures(row: readonly number[], model: ScorerModel): number {
  let score = model.bias;
  model.weights.forEach((w, k) => {
    score += (w * ((row[k] ?? 0) - (model.mean[k] ?? 0))) / (model.scale[k] || 1);
  });
  for (const s of model.stumps) score += (row[s.feature] ?? 0) <= s.threshold ? s.left : s.right;
  return model.gain * score;
}

/** True when a model was fitted on the current feature list (a stale model must not be applied). */
export function modelMatchesFeatures(model: ScorerModel): boolean {
  return model.features.length === FEATURE_NAMES.length && model.features.every((f, k) => f === FEATURE_NAMES[k]);
}
