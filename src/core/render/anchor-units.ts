import type { Citation, ReportArticle, Span } from '../model.js';

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

/** The index of the unit holding the citation's start (the last unit starting before it), or null. */
export function unitIndexOf(units: readonly Span[], citation: Citation): number | null {
  let found: number | null = null;
  units.forEach((u, i) => {
    if (u.start <= citation.start && citation.start < Math.max(u.end, u.start + 1)) found ??= i;
  });
  return found;
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
