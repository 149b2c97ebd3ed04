import { findEntities } from '../../src/core/analyze/entities.js';
import { findQuotes } from '../../src/core/analyze/quotes.js';
import type { Entity, Quote } from '../../src/core/model.js';
import { readArticles } from '../../src/core/pipeline.js';

/** Reads one raw text as an article and finds its entities and quotes. */
export function analyzeQuotes(content: string): { entities: Entity[]; quotes: Quote[] } {
  const { articles } = readArticles([{ id: 't', source: 't', format: 'text', content, meta: {} }]);
  const entities = findEntities(articles);
  return { entities, quotes: findQuotes(articles, entities) };
}

/** The quote whose text starts with `start`. */
export function findQuote(quotes: readonly Quote[], start: string): Quote | undefined {
  return quotes.find((q) => q.text.startsWith(start));
}

/** The name of a quote's speaker entity, else its speaker name. */
export function speakerName(s: { entities: Entity[] }, q: Quote | undefined): string | undefined {
  const id = q?.speaker?.entityId;
  return s.entities.find((e) => e.id === id)?.name ?? q?.speaker?.name;
}
