import type { Citation, ReportArticle, Span } from '../model.js';
import { firstIndexWhere } from '../span-index.js';

/**
 * The spans of an article that citations link to: its sentences, else its paragraphs, else paragraphs found by
 * blank lines (reports from early stages may have no segmentation).
 */
export function anchorUnits(article: ReportArticle): Span[] {
  if (article.sentences.length > 0) return article.sentences;
  if (article.paragraphs && article.paragraphs.length > 0) return article.paragraphs;
  const units: Span[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = re.exec(article.text); m; m = re.exec(article.text))
    units.push({ start: m.index, end: m.index + m[0].length });
  return units;
}

/**
 * Whether each list of units is in text order with no offset held by two of them (the reader's always are), checked
 * once per list.
 */
const ordered = new WeakMap<readonly Span[], boolean>();

function inOrder(units: readonly Span[]): boolean {
  let known = ordered.get(units);
  if (known === undefined) {
    known = units.every((u, i) => i === 0 || reach(units[i - 1]!) <= u.start);
    ordered.set(units, known);
  }
  return known;
}

/** Where the offsets a unit holds end (an empty unit holds its start). */
function reach(u: Span): number {
  return Math.max(u.end, u.start + 1);
}

/** True when the unit holds the offset. */
function holds(u: Span, at: number): boolean {
  return u.start <= at && at < reach(u);
}

/**
 * The index of the first unit holding the citation's start, or null. Units in order are searched by bisection (a
 * report cites nearly every sentence, and a scan per citation made rendering a long article take minutes).
 */
export function unitIndexOf(units: readonly Span[], citation: Citation): number | null {
  if (inOrder(units)) {
    // Units in order do not overlap: only the last one starting at or before the offset can hold it.
    const i = firstIndexWhere(units.length, (k) => units[k]!.start > citation.start) - 1;
    return i >= 0 && holds(units[i]!, citation.start) ? i : null;
  }
  const i = units.findIndex((u) => holds(u, citation.start));
  return i < 0 ? null : i;
}

/** The anchor id of an article's section in the HTML report (by position, so any id is safe). */
export function articleAnchor(index: number): string {
  return `a${index + 1}`;
}

/** The anchor id of a citation: its sentence (or unit), its embedded post, or the article when nothing holds it. */
export function citationAnchor(articles: readonly ReportArticle[], citation: Citation): string | null {
  const index = articles.findIndex((a) => a.id === citation.articleId);
  const article = articles[index];
  if (!article) return null;
  if (citation.embed !== undefined) return `${articleAnchor(index)}-e${citation.embed + 1}`;
  const unit = unitIndexOf(anchorUnits(article), citation);
  return unit === null ? articleAnchor(index) : `${articleAnchor(index)}-s${unit + 1}`;
}
