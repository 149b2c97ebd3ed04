import type { CitedTerm, Framing, Quote } from '../model.js';
import type { RunContext } from '../run-context.js';
import type { AnalyzedStory } from '../stage-types.js';
import { findCharged } from './charged-wording.js';
import { findDescriptors } from './descriptors.js';
import { distinctiveTerms } from './distinctive-terms.js';
import { keyEntities } from './key-entities.js';
import { pushTo } from './push-to.js';
import type { Statement } from './statements.js';

function chargedOf(
  articleId: string,
  text: string,
  statements: readonly Statement[],
): { terms: (CitedTerm & { score: number })[]; score: number } {
  const tokens = statements.flatMap((s) => s.tokens);
  const hits = findCharged(text, tokens, { ownVoiceOnly: true });
  const byTerm = new Map<string, CitedTerm & { score: number }>();
  for (const h of hits) {
    const entry = byTerm.get(h.term) ?? { term: h.term, score: h.score, citations: [] };
    entry.citations.push({ articleId, start: h.start, end: h.end });
    byTerm.set(h.term, entry);
  }
  const words = tokens.filter((t) => t.type === 'word').length;
  const rate = words === 0 ? 0 : (1000 * hits.length) / words;
  const mean = hits.length === 0 ? 0 : hits.reduce((sum, h) => sum + h.score, 0) / hits.length;
  return {
    terms: [...byTerm.values()].sort((a, b) => b.citations.length - a.citations.length || a.term.localeCompare(b.term)),
    score: Math.round((mean < 0 ? -rate : rate) * 10) / 10,
  };
}

function quotedOf(quotes: readonly Quote[]): Framing['quoted'] {
  const counts = new Map<string, { entityId: string | null; name: string; count: number }>();
  for (const q of quotes) {
    if (!q.speaker) continue;
    const key = q.speaker.entityId ?? q.speaker.name.toLowerCase();
    const entry = counts.get(key) ?? { entityId: q.speaker.entityId, name: q.speaker.name, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * How each outlet frames the story: descriptors of the key entities, charged wording in its own voice (per 1,000
 * words, signed by the mean valence), distinctive vocabulary against the other articles, and whom it quotes.
 */
export function findFraming(story: AnalyzedStory, statements: readonly Statement[], ctx: RunContext): Framing[] {
  const entities = keyEntities(story, ctx);
  const ids = story.articles.map((a) => a.id);
  const usable = statements.filter((s) => !s.junk);
  const distinctive = distinctiveTerms(usable, ids);
  // Junk (teasers of other stories, post signatures) is not the outlet's framing of this story.
  const byArticle = new Map<string, Statement[]>();
  for (const s of usable) pushTo(byArticle, s.articleId, s);
  const quotes = new Map<string, Quote[]>();
  for (const q of story.quotes) pushTo(quotes, q.articleId, q);
  return story.articles.map((article) => {
    const charged = chargedOf(article.id, article.text, byArticle.get(article.id) ?? []);
    return {
      articleId: article.id,
      descriptors: findDescriptors(article, entities),
      chargedTerms: charged.terms,
      chargedScore: charged.score,
      distinctiveTerms: distinctive.get(article.id) ?? [],
      quoted: quotedOf(quotes.get(article.id) ?? []),
    };
  });
}
