import { articleFromText } from '../../src/core/article-from-text.js';
import type { Article } from '../../src/core/model.js';
import type { AnalyzedStory } from '../../src/core/stage-types.js';

/** A hand-built cleaned article (sentences left to the compose fallback segmentation). */
export function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return articleFromText(id, text, { source: `${id}.txt`, ...extra });
}

/** A story of hand-built articles with no analyze-phase annotations. */
export function story(articles: Article[]): AnalyzedStory {
  return { articles, referenceDate: null, entities: [], quotes: [], numbers: [], dates: [], timeline: [] };
}
