import type { Article, Sentence, Span } from '../../model.js';

/** The article's sentences, as the reader segmented them (`articleFromText` segments the same way): one segmenter. */
export function articleSentences(article: Article): readonly Sentence[] {
  return article.sentences;
}

/** The index of the sentence that contains offset `at`, or -1. */
export function sentenceIndexAt(sentences: readonly Span[], at: number): number {
  return sentences.findIndex((s) => at >= s.start && at < s.end);
}
