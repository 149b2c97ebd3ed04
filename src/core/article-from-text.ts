import type { Article } from './model.js';
import { paragraphSpans } from './read/paragraphs.js';
import { segmentSentences } from './read/sentences.js';

/**
 * Builds an Article from text that needs no cleaning (evaluation corpora, hand-made test cases): the text is the
 * cleaned text, nothing was removed, and the fields not given are empty. Sentences, unless given, are the reader's
 * (`segmentSentences` within the given paragraphs, else within the text's blank-line paragraphs), so that every stage
 * reads one segmentation; paragraphs are left as given.
 */
export function articleFromText(id: string, text: string, fields: Partial<Omit<Article, 'id' | 'text'>> = {}): Article {
  const paragraphs = fields.paragraphs && fields.paragraphs.length > 0 ? fields.paragraphs : paragraphSpans(text);
  const sentences = fields.sentences ?? segmentSentences(text, paragraphs);
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
    diagnostics: [],
    provenance: {},
    ...fields,
    sentences,
    text,
  };
}
