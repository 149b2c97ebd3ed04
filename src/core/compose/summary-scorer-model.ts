// Written by scripts/train-summary-scorer.ts: the last fitted model did not beat the hand weights on the train
// holdout, so none is applied. Do not edit by hand.
import type { ScorerModel } from './summary-scorer.js';

/** The learned sentence scorer of the summary (null: hand weights only). */
export const SUMMARY_SCORER: ScorerModel | null = null;
