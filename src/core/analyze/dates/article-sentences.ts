import type { Span } from '../../model.js';

/** The index of the sentence that contains offset `at`, or -1. */
export function sentenceIndexAt(sentences: readonly Span[], at: number): number {
  return sentences.findIndex((s) => at >= s.start && at < s.end);
}
