/**
 * A report without its article texts, for a page that shows the analysis first and an article's text only when it
 * is opened: a 4.9 MB article makes a 27 MB report, a quarter of which is the text and its layout (paragraph and
 * sentence spans), which a reader sees only by opening the article. Every offset still points into the cleaned text,
 * which is served on its own with its layout. Pure: no I/O.
 */
import type { Removal, Report, ReportArticle, Sentence, Span } from './model.js';

/** What a light report leaves out of one article: its cleaned text, its layout and what cleaning removed. */
export interface ArticleText {
  text: string;
  /** Paragraph spans of `text` (absent when the report has none). */
  paragraphs?: Span[];
  sentences: Sentence[];
  removed: Removal[];
}

/** An article of a light report: everything but its text (`ArticleText`), with the sizes of what was left out. */
export type LightArticle = Omit<ReportArticle, 'text' | 'removed' | 'paragraphs' | 'sentences'> & {
  /** Length of the cleaned text in UTF-16 code units (the unit of every offset). */
  textLength: number;
  /** Words of the cleaned text (runs of non-space characters). */
  wordCount: number;
  sentenceCount: number;
  /** How many pieces cleaning removed. */
  removedCount: number;
  /** The first line of the cleaned text (at most 200 characters): what names an article without headline or outlet. */
  firstLine: string;
};

/** A report whose articles are light. */
export type LightReport = Omit<Report, 'articles'> & { articles: LightArticle[] };

/** Words in a text (runs of characters other than white space), counted without building an array of them. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Splits an article into its light part and its text. */
export function splitArticle(article: ReportArticle): { light: LightArticle; text: ArticleText } {
  // `original` is not part of a report article, but a report from elsewhere may carry it: never pass it on.
  const {
    text,
    removed,
    paragraphs,
    sentences,
    original: _original,
    ...rest
  } = article as ReportArticle & {
    original?: unknown;
  };
  return {
    light: {
      ...rest,
      textLength: text.length,
      wordCount: countWords(text),
      sentenceCount: sentences.length,
      removedCount: removed.length,
      firstLine: firstLineOf(text),
    },
    text: { text, ...(paragraphs ? { paragraphs } : {}), sentences, removed },
  };
}

/** The first non-blank line of a text, at most 200 characters, found without splitting the whole text. */
function firstLineOf(text: string): string {
  const start = text.search(/\S/);
  if (start === -1) return '';
  const end = text.indexOf('\n', start);
  return text
    .slice(start, end === -1 ? undefined : end)
    .trim()
    .slice(0, 200);
}

/** The report without its article texts. */
export function lightReport(report: Report): LightReport {
  return { ...report, articles: report.articles.map((a) => splitArticle(a).light) };
}
