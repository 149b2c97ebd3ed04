import type { Article, Sentence, Span } from '../../model.js';
import { analyzeText } from '../../nlp/wink.js';
import type { RunContext } from '../../run-context.js';

/** The article's sentences; wink's own boundaries when the reader gave none (so the analyze stages never see zero). */
export function articleSentences(article: Article, ctx: RunContext): Sentence[] {
  if (article.sentences.length > 0) return article.sentences;
  return analyzeText(article.text, ctx).sentences.map((s) => ({
    start: s.start,
    end: s.end,
    provenance: { stage: 'dates', rule: 'wink-fallback' },
  }));
}

/** The index of the sentence that contains offset `at`, or -1. */
export function sentenceIndexAt(sentences: readonly Span[], at: number): number {
  return sentences.findIndex((s) => at >= s.start && at < s.end);
}
