/** Checks shared by the targets that read articles: clear failures and notes, and cleaned texts with sound offsets. */
import type { Article, Span } from '../../../src/core/model.js';
import { readArticles } from '../../../src/core/pipeline.js';
import type { InputResult } from '../../../src/engine/inputs/index.js';
import { checkMessages, firstProblem, OK, problem, type Verdict } from '../verdict.js';

/** Cleans what an input path read (the core read phase) and checks every message and every article. */
export function readAndCheck(result: InputResult): Verdict {
  const read = readArticles(result.articles);
  return firstProblem(
    checkMessages(result.failures),
    checkMessages(result.notes),
    checkMessages(read.failures),
    ...read.articles.map(checkArticle),
  );
}

/** An article's paragraphs and sentences must lie inside its text, in order. */
export function checkArticle(article: Article): Verdict {
  const bad = (spans: readonly Span[]) =>
    spans.find(
      (s, i) =>
        !(s.start >= 0 && s.start <= s.end && s.end <= article.text.length && s.start >= (spans[i - 1]?.start ?? 0)),
    );
  for (const [name, spans] of [
    ['paragraph', article.paragraphs],
    ['sentence', article.sentences],
  ] as const) {
    const span = bad(spans);
    if (span)
      return problem(
        'invalid-output',
        `${article.source}: ${name} ${span.start}-${span.end} outside the text (${article.text.length})`,
      );
  }
  return OK;
}
