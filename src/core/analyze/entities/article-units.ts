import type { Article, Span } from '../../model.js';

/** Sentence and paragraph spans of an article, taken from the reader when it filled them, else derived here. */
export interface ArticleUnits {
  sentences: Span[];
  paragraphs: Span[];
}

/** Paragraphs as non-empty lines: scraped text often separates paragraphs by a single line break. */
function lineParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim().length > 0) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** Sentences cut at paragraph (line) breaks too: wink sometimes runs a sentence across a line break. */
function splitAtLines(sentences: readonly Span[], text: string): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    // Line breaks are looked for inside the sentence only: a text on one line is not searched to its end per sentence.
    const body = text.slice(s.start, s.end);
    let start = 0;
    for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
      if (body.slice(start, i).trim()) out.push({ start: s.start + start, end: s.start + i });
      start = i + 1;
    }
    if (body.slice(start).trim()) out.push({ start: s.start + start, end: s.end });
  }
  return out;
}

/** The article's sentences (split at line breaks) and paragraphs (line paragraphs when the reader gave none). */
export function articleUnits(article: Article): ArticleUnits {
  const paragraphs = article.paragraphs.length > 0 ? article.paragraphs : lineParagraphs(article.text);
  return { sentences: splitAtLines(article.sentences, article.text), paragraphs };
}
