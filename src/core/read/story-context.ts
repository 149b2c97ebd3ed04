import { contentStems } from '../nlp/content-stems.js';
import { createRunContext, type RunContext } from '../run-context.js';

/**
 * The other articles of a story, prepared once per story: their texts and the counts of their content stems. Every
 * article of a story judges its lines against the same texts, so counting them once per story (instead of once per
 * article and rule) keeps reading a story linear in its size.
 */
export interface StoryContext {
  readonly texts: readonly string[];
  /** Content-stem counts over all `texts`. */
  readonly counts: ReadonlyMap<string, number>;
}

/** How often a content stem occurs in the story's other articles (what a line's words are checked against). */
export interface StoryTerms {
  count(stem: string): number;
}

/** Terms of an empty story: nothing is shared. */
export const NO_STORY_TERMS: StoryTerms = { count: () => 0 };

/**
 * Counts the content stems of the story's texts (call once per story, then pass to every article's reading). They are
 * counted when first asked for: an article that is the whole story (every text a copy of its own) never asks, and a
 * story of one large input is not read twice.
 */
export function prepareStoryContext(texts: readonly string[], ctx: RunContext = createRunContext()): StoryContext {
  let counts: Map<string, number> | undefined;
  return {
    texts: [...texts],
    get counts(): ReadonlyMap<string, number> {
      if (!counts) {
        counts = new Map<string, number>();
        for (const t of texts) for (const s of contentStems(t, ctx)) counts.set(s, (counts.get(s) ?? 0) + 1);
      }
      return counts;
    },
  };
}

/**
 * The story's terms as seen by one article: every copy of the article's own input is left out of the counts, so
 * that an article never finds support for its lines in itself.
 */
export function termsWithout(
  story: StoryContext,
  ownContent: string,
  ctx: RunContext = createRunContext(),
): StoryTerms {
  const copies = story.texts.filter((t) => t === ownContent).length;
  if (copies === story.texts.length) return NO_STORY_TERMS;
  if (copies === 0) return { count: (stem) => story.counts.get(stem) ?? 0 };
  const own = new Map<string, number>();
  for (const s of contentStems(ownContent, ctx)) own.set(s, (own.get(s) ?? 0) + copies);
  return { count: (stem) => (story.counts.get(stem) ?? 0) - (own.get(stem) ?? 0) };
}
