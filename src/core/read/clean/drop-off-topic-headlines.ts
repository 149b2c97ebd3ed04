import { topicOverlap } from '../topic-overlap.js';
import { bodyStart, storyVocabulary } from './regions.js';
import { decide, undecided, type CleanContext, type LineRule } from './rule.js';

/** Overlap with the story below which a headline-form line inside the body is a link to another story. */
const OFF_TOPIC = 0.25;

/** True when the nearest kept lines on both sides are prose paragraphs: the line was dropped between paragraphs. */
export function betweenParagraphs(context: CleanContext, index: number, open: readonly number[]): boolean {
  const k = open.indexOf(index);
  const before = open[k - 1];
  const after = open[k + 1];
  return (
    before !== undefined && after !== undefined && !!context.features[before]?.prose && !!context.features[after]?.prose
  );
}

/**
 * Removes headline-form lines between body paragraphs that share almost no vocabulary with the story (the article's
 * own prose and the other articles): links to unrelated stories. On-topic subheadings, and runs of short lines (lists,
 * tables), stay.
 */
export const dropOffTopicHeadlines: LineRule = {
  name: 'drop-off-topic-headlines',
  apply(context) {
    const vocabulary = storyVocabulary(context);
    const start = bodyStart(context);
    const open = undecided(context);
    return decide(
      this.name,
      open
        .filter((i) => i > start && context.features[i]?.headlineForm && betweenParagraphs(context, i, open))
        .map((index) => ({
          index,
          overlap: topicOverlap(context.lines[index]?.text ?? '', vocabulary, { ctx: context.ctx }),
        }))
        .filter((c) => c.overlap < OFF_TOPIC)
        .map(({ index, overlap }) => ({
          index,
          reason: 'teaser-headline' as const,
          detail: `headline unrelated to the story (${Math.round(overlap * 100)}% shared words)`,
        })),
    );
  },
};
