import type { Article, Entity, Quote } from '../model.js';
import { createRunContext, type RunContext } from '../run-context.js';
import { findArticleQuotes } from './quotes/find-article-quotes.js';
import { ARTICLE_FINDERS } from './quotes/quote-rules.js';

/**
 * Finds direct, partial and indirect quotes with their speakers, article by article: quotations (including
 * multi-paragraph ones), reported speech around cue verbs and "according to", and the text of embedded posts.
 * Speakers are resolved to entities; carried speakers ("she added", a quote that goes on) are marked inferred.
 * The finders and refiners are listed, in order, in `quotes/quote-rules.ts`; each quote's provenance names its rule.
 */
export function findQuotes(
  articles: readonly Article[],
  entities: readonly Entity[],
  ctx: RunContext = createRunContext(),
): Quote[] {
  const quotes: Quote[] = [];
  for (const article of articles) {
    const found = [
      ...findArticleQuotes(article, entities, ctx),
      ...ARTICLE_FINDERS.flatMap((finder) => finder.find(article, entities, ctx)),
    ];
    found.forEach((q, i) => quotes.push({ id: `${article.id}:q${i + 1}`, ...q }));
  }
  return quotes;
}
