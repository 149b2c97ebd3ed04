// The NeuS train split is cut once into a fitting part and a holdout part, the same way for the scorer's training
// script and for `npm run eval:summary -- --split train --holdout`, so that holdout figures are never fitted on.

/** True for the train stories kept out of fitting (every fifth story, by line order). */
export function isHoldout(lineIndex: number): boolean {
  return lineIndex % 5 === 0;
}
