import { buildVocabulary, topicOverlap, type TopicVocabulary } from '../topic-overlap.js';
import { undecided, type CleanContext } from './rule.js';

/** Minimum words of a paragraph that marks the body as still running (see `tailStart`). */
const SUBSTANTIAL_WORDS = 20;

/** Index of the first undecided line that reads as prose: where the article body starts. */
export function bodyStart(context: CleanContext): number {
  return undecided(context).find((i) => context.features[i]?.prose) ?? context.lines.length;
}

/** The story vocabulary: the article's own substantial prose lines plus the other articles' texts. */
export function storyVocabulary(context: CleanContext): TopicVocabulary {
  const own = undecided(context)
    .filter((i) => context.features[i]?.prose && (context.features[i]?.words ?? 0) >= SUBSTANTIAL_WORDS)
    .map((i) => context.lines[i]?.text ?? '');
  return buildVocabulary(own, context.storyTerms, context.ctx);
}

/**
 * Index just after the last substantial, on-topic prose paragraph: what follows is the page's tail (footers, teaser
 * lists, comment prompts), where short lines are judged more strictly than inside the body.
 */
export function tailStart(context: CleanContext, vocabulary: TopicVocabulary): number {
  const open = undecided(context);
  for (let k = open.length - 1; k >= 0; k--) {
    const i = open[k]!;
    const f = context.features[i];
    const line = context.lines[i];
    if (!f || !line || !f.prose || f.words < SUBSTANTIAL_WORDS) continue;
    if (topicOverlap(line.text, vocabulary, { ctx: context.ctx, lineIsInVocabulary: true }) >= 0.3) return i + 1;
  }
  return context.lines.length;
}
