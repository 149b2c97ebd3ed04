import { ok, type Result } from '../errors.js';
import type { Article, RawArticle } from '../model.js';
import { extractHtml } from './extract-html.js';

/** Options for reading one article. */
export interface ReadOptions {
  /** Other articles' texts of the same story, used to judge whether a line belongs to the story. */
  storyContext?: string[];
}

/** Reads one raw input into a cleaned, segmented Article. PLACEHOLDER: replaced by the text cleaning work. */
export function readArticle(raw: RawArticle, _options: ReadOptions = {}): Result<Article> {
  const text =
    raw.format === 'html' ? extractHtml(raw.content, raw.meta.url ? { url: raw.meta.url } : {}).text : raw.content;
  return ok({
    id: raw.id,
    source: raw.source,
    format: raw.format,
    original: raw.content,
    url: raw.meta.url ?? null,
    title: raw.meta.title ?? null,
    outlet: raw.meta.outlet ?? null,
    byline: raw.meta.byline ?? null,
    dateline: null,
    publishedAt: raw.meta.publishedAt
      ? { value: raw.meta.publishedAt, inferred: false, basis: 'input metadata' }
      : null,
    language: null,
    text,
    removed: [],
    embeds: [],
    paragraphs: [],
    sentences: [],
    diagnostics: raw.diagnostics ?? [],
  });
}
