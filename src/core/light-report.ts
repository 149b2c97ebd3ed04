/**
 * A report without its article texts, for a page that shows the analysis first and an article's text only when it
 * is opened: a 4.9 MB article makes a 28 MB report, most of which a reader never looks at. Every offset still points
 * into the cleaned text, which is served on its own. Pure: no I/O.
 */
import type { Removal, Report, ReportArticle } from './model.js';

/** An article of a light report: everything but its text and what cleaning removed, with their sizes. */
export type LightArticle = Omit<ReportArticle, 'text' | 'removed'> & {
  /** Length of the cleaned text in UTF-16 code units (the unit of every offset). */
  textLength: number;
  /** Words of the cleaned text (runs of non-space characters). */
  wordCount: number;
  /** How many pieces cleaning removed. */
  removedCount: number;
};

/** A report whose articles are light. */
export type LightReport = Omit<Report, 'articles'> & { articles: LightArticle[] };

/** What a light report leaves out of one article: its cleaned text and what cleaning removed. */
export interface ArticleText {
  text: string;
  removed: Removal[];
}

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

/** One article without its text. */
export function lightArticle(article: ReportArticle): LightArticle {
  // `original` is not part of a report article, but a report from elsewhere may carry it: never pass it on.
  const { text, removed, original: _original, ...rest } = article as ReportArticle & { original?: unknown };
  return { ...rest, textLength: text.length, wordCount: countWords(text), removedCount: removed.length };
}

/** The report without its article texts. */
export function lightReport(report: Report): LightReport {
  return { ...report, articles: report.articles.map(lightArticle) };
}
