import type { RawArticle } from '../../core/model.js';

/**
 * Makes article ids unique in input order: the first keeps its id, later ones get `-2`, `-3`... (two folders may both
 * hold `report.txt`; two entries may have the same content). Returns new objects only where an id changes.
 */
export function assignUniqueIds(articles: readonly RawArticle[]): RawArticle[] {
  const taken = new Set<string>();
  return articles.map((article) => {
    let id = article.id;
    for (let n = 2; taken.has(id); n++) id = `${article.id}-${n}`;
    taken.add(id);
    return id === article.id ? article : { ...article, id };
  });
}
