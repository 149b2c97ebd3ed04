import type { Article } from './model.js';

/**
 * Builds an Article from text that needs no cleaning (evaluation corpora, hand-made test cases): the text is the
 * cleaned text, nothing was removed, and the fields not given are empty. Sentences and paragraphs are left empty
 * unless given; the analyze stages then segment the text themselves.
 */
export function articleFromText(id: string, text: string, fields: Partial<Omit<Article, 'id' | 'text'>> = {}): Article {
  return {
    id,
    source: id,
    format: 'text',
    original: text,
    url: null,
    title: null,
    outlet: null,
    byline: null,
    dateline: null,
    publishedAt: null,
    language: 'en',
    removed: [],
    embeds: [],
    paragraphs: [],
    sentences: [],
    diagnostics: [],
    provenance: {},
    ...fields,
    text,
  };
}
