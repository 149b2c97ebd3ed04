import { articleFromObject } from './article-object.js';
import { emptyResult, failureResult, type InputResult } from './result.js';

/** How JSON content is named and limited. */
export interface JsonContext {
  source: string;
  /** The id of the article when the content is one article object (the file's name). */
  fileId?: string;
  maxBytes: number;
}

/**
 * Reads a JSON document: one article object, `{articles: [...]}`, or a bare array of article objects.
 * Entries of a list are named `source#1`, `source#2`...; a bad entry is one failure and the others go on.
 */
export function readJsonArticles(content: string, context: JsonContext): InputResult {
  const { source } = context;
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    return failureResult(source, 'bad-json', `${source}: not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(value) ? value : articleList(value);
  if (list === null) {
    const single = articleFromObject(value, { source, maxBytes: context.maxBytes, ...idOf(context) });
    return single.ok
      ? { ...emptyResult(), articles: [single.value] }
      : { ...emptyResult(), failures: [single.failure] };
  }
  if (list.length === 0) return failureResult(source, 'empty-input', `${source}: the list of articles is empty`);
  const result = emptyResult();
  list.forEach((entry, i) => {
    const read = articleFromObject(entry, { source: `${source}#${i + 1}`, maxBytes: context.maxBytes });
    if (read.ok) result.articles.push(read.value);
    else result.failures.push(read.failure);
  });
  return result;
}

/** The `articles` array of `{articles: [...]}`, or null when the value is not such a wrapper. */
function articleList(value: unknown): unknown[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const articles = (value as { articles?: unknown }).articles;
  return Array.isArray(articles) ? articles : null;
}

function idOf(context: JsonContext): { fallbackId?: string } {
  return context.fileId === undefined ? {} : { fallbackId: context.fileId };
}
