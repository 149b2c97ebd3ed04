import { articleFromObject } from './article-object.js';
import { emptyResult, failureResult, type InputResult } from './result.js';

/**
 * Reads JSON Lines: one article object a line, named `source#<line number>`. Blank lines are skipped; a bad line is
 * one failure and the other lines go on.
 */
export function readJsonLinesArticles(content: string, context: { source: string; maxBytes: number }): InputResult {
  const result = emptyResult();
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const source = `${context.source}#${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      result.failures.push({
        source,
        code: 'bad-json',
        message: `${source}: not valid JSON (${(error as Error).message})`,
      });
      return;
    }
    const read = articleFromObject(value, { source, maxBytes: context.maxBytes });
    if (read.ok) result.articles.push(read.value);
    else result.failures.push(read.failure);
  });
  if (result.articles.length === 0 && result.failures.length === 0) {
    return failureResult(context.source, 'empty-input', `${context.source}: no article lines`);
  }
  return result;
}
