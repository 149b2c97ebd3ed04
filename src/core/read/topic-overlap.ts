import { contentStems } from '../nlp/content-stems.js';
import type { StoryTerms } from './story-context.js';
import type { RunContext } from '../run-context.js';

/** The vocabulary of a story: stem counts of the article's own body, plus the other articles' (counted once per story). */
export interface TopicVocabulary {
  /** How often a stem occurs in the article's own prose and in the other articles. */
  count(stem: string): number;
}

/** Builds a vocabulary from the article's own texts (its prose lines) and the story's prepared terms. */
export function buildVocabulary(texts: readonly string[], story: StoryTerms, ctx: RunContext): TopicVocabulary {
  const own = new Map<string, number>();
  for (const t of texts) for (const s of contentStems(t, ctx)) own.set(s, (own.get(s) ?? 0) + 1);
  return { count: (stem) => (own.get(stem) ?? 0) + story.count(stem) };
}

/**
 * The share of a line's content stems that the story uses elsewhere (0..1). The line's own stems are subtracted when
 * the line is itself part of the vocabulary, so a line never supports itself. Lines without content words score 1.
 */
export function topicOverlap(
  text: string,
  vocabulary: TopicVocabulary,
  options: { ctx: RunContext; lineIsInVocabulary?: boolean },
): number {
  const stems = contentStems(text, options.ctx);
  if (stems.length === 0) return 1;
  const own = new Map<string, number>();
  if (options.lineIsInVocabulary) for (const s of stems) own.set(s, (own.get(s) ?? 0) + 1);
  let shared = 0;
  for (const s of stems) if (vocabulary.count(s) - (own.get(s) ?? 0) > 0) shared++;
  return shared / stems.length;
}
