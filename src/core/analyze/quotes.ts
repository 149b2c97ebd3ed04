import type { Article, Entity, Quote } from '../model.js';
import { findArticleQuotes } from './quotes/find-article-quotes.js';
import { findEmbedQuotes } from './quotes/find-embed-quotes.js';

/**
 * Finds direct, partial and indirect quotes with their speakers, article by article: quotations (including
 * multi-paragraph ones), reported speech around cue verbs and "according to", and the text of embedded posts.
 * Speakers are resolved to entities; carried speakers ("she added", a quote that goes on) are marked inferred.
 */
export function findQuotes(articles: readonly Article[], entities: readonly Entity[]): Quote[] {
  const quotes: Quote[] = [];
  for (const article of articles) {
    const found = [...findArticleQuotes(article, entities), ...findEmbedQuotes(article, entities)];
    found.forEach((q, i) => quotes.push({ id: `${article.id}:q${i + 1}`, ...q }));
  }
  return quotes;
}
