/**
 * The entities a story is about, for a list of stories: those named by the most of its articles (then the most
 * often), read from the story's report. Only stated mentions count; a mention resolved from "the president" does not
 * make an article name someone.
 */
import type { Entity, EntityType } from '../model.js';

/** An entity that leads a story, with the number of the story's articles naming it. */
export interface StoryLeadEntity {
  name: string;
  type: EntityType;
  articles: number;
}

/** The `limit` entities named by the most articles (ties: more mentions, then the name), at least `minArticles` each. */
export function leadEntities(
  entities: readonly Entity[] | undefined,
  options: { limit?: number; minArticles?: number } = {},
): StoryLeadEntity[] {
  const ranked = (entities ?? []).map((e) => {
    const stated = e.mentions.filter((m) => !m.inferred);
    return {
      name: e.name,
      type: e.type,
      articles: new Set(stated.map((m) => m.articleId)).size,
      mentions: stated.length,
    };
  });
  return ranked
    .filter((e) => e.articles >= (options.minArticles ?? 1))
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, options.limit ?? 5)
    .map(({ name, type, articles }) => ({ name, type, articles }));
}
