import type { Article, Entity } from '../../model.js';
import { nameKey } from '../entities/name-key.js';
import { quoteProvenance, type DraftQuote } from './quote-pass.js';

/** The entity whose name or alias is the embed's author name, if exactly one. */
function authorEntity(author: string | null, entities: readonly Entity[]): Entity | null {
  if (!author) return null;
  const key = nameKey(author);
  const hits = entities.filter((e) => nameKey(e.name) === key || e.aliases.some((a) => nameKey(a) === key));
  return hits.length === 1 ? hits[0]! : null;
}

/** Finder `quotes/embed-post`: the text of each embedded post as a direct quote of its author (offsets into the embed's text). */
export function findEmbedQuotes(article: Article, entities: readonly Entity[]): DraftQuote[] {
  const out: DraftQuote[] = [];
  article.embeds.forEach((embed, index) => {
    const start = embed.text.length - embed.text.trimStart().length;
    const end = embed.text.trimEnd().length;
    if (end <= start) return;
    const name = embed.author ?? embed.handle;
    const entity = authorEntity(embed.author, entities);
    out.push({
      articleId: article.id,
      start,
      end,
      text: embed.text.slice(start, end),
      kind: 'direct',
      cue: 'posted',
      speaker: name
        ? { entityId: entity?.id ?? null, name: entity?.name ?? name, mention: null, inferred: false }
        : null,
      ...(name ? {} : { speakerSearch: { start: 0, end: embed.text.length, reason: 'post-without-author' as const } }),
      embed: index,
      provenance: quoteProvenance('quotes/embed-post'),
    });
  });
  return out;
}
