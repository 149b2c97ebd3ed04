import type { Citation, ReportArticle } from '../model.js';

/** The exact source text a citation points to (article body or embedded post), or null when it points nowhere. */
export function citedText(articles: readonly ReportArticle[], citation: Citation): string | null {
  const article = articles.find((a) => a.id === citation.articleId);
  if (!article) return null;
  const text = citation.embed === undefined ? article.text : article.embeds[citation.embed]?.text;
  if (text === undefined || citation.start < 0 || citation.end > text.length || citation.start > citation.end) {
    return null;
  }
  return text.slice(citation.start, citation.end);
}
