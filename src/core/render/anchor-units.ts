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

/** Whether units are in text order with no offset held by two of them (the reader's always are). */
export function unitsInOrder(units: readonly Span[]): boolean {
  return units.every((u, i) => i === 0 || reach(units[i - 1]!) <= u.start);
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
 * The index of the first unit holding the citation's start, or null. Units in order (`ordered`, from `unitsInOrder`)
 * are searched by bisection (a report cites nearly every sentence, and a scan per citation made rendering a long
 * article take minutes).
 */
export function unitIndexOf(units: readonly Span[], citation: Citation, ordered = unitsInOrder(units)): number | null {
  if (ordered) {
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

/** An article's anchor units, with whether they are in order found once. */
interface ArticleAnchors {
  index: number;
  units: readonly Span[];
  ordered: boolean;
}

/**
 * The anchors citations link to in one rendering of a report. It lives as long as that rendering (render is not a
 * run stage, so no run context): each article's units and their order are found once, not once per citation.
 */
export class CitationAnchors {
  private readonly byId = new Map<string, ArticleAnchors>();

  constructor(private readonly articles: readonly ReportArticle[]) {}

  /** The anchor id of a citation: its sentence (or unit), its embedded post, or the article when nothing holds it. */
  anchorOf(citation: Citation): string | null {
    const found = this.anchorsOf(citation.articleId);
    if (!found) return null;
    const base = articleAnchor(found.index);
    if (citation.embed !== undefined) return `${base}-e${citation.embed + 1}`;
    const unit = unitIndexOf(found.units, citation, found.ordered);
    return unit === null ? base : `${base}-s${unit + 1}`;
  }

  private anchorsOf(articleId: string): ArticleAnchors | null {
    const known = this.byId.get(articleId);
    if (known) return known;
    const index = this.articles.findIndex((a) => a.id === articleId);
    const article = this.articles[index];
    if (!article) return null;
    const units = anchorUnits(article);
    const found = { index, units, ordered: unitsInOrder(units) };
    this.byId.set(articleId, found);
    return found;
  }
}
