import type { RemovalReason } from '../../model.js';
import { topicOverlap } from '../topic-overlap.js';
import { storyVocabulary, tailStart } from './regions.js';
import { decide, undecided, type CleanContext, type LineRule } from './rule.js';

/** Overlap with the story under which a short tail line counts as unrelated. */
const OFF_TOPIC = 0.34;
/** Overlap above which a sentence-case, unfinished tail line is kept (a closing heading of the story itself). */
const ON_TOPIC_HEADING = 0.6;
/** Longest line treated as a caption or teaser. */
const SHORT = 30;

type Item = { index: number; reason: RemovalReason; detail: string };

/** Page junk that opens a tail block (what a teaser list follows). */
const STRONG_JUNK = new Set(['subscription-prompt', 'navigation', 'read-more-link', 'related-content', 'promo']);
/** Interview turns ("Q: ...", "A: ...") are content even when short. */
const DIALOGUE = /^(?:Q|A)\s*[:.]\s/;

/**
 * Teaser headlines of the tail: after page junk, any unfinished short line that is not clearly about the story;
 * without junk before it, only a Title Case or all-caps line that shares little with the story.
 */
function isTeaser(context: CleanContext, index: number, afterJunk: boolean, overlap: number): boolean {
  const f = context.features[index];
  if (!f?.headlineForm || DIALOGUE.test(context.lines[index]?.text ?? '')) return false;
  if (afterJunk) return f.titleCase || f.allCaps || overlap < ON_TOPIC_HEADING;
  return (f.titleCase || f.allCaps) && overlap < OFF_TOPIC;
}

/**
 * Removes the page's tail: after the last substantial on-topic paragraph, headline-form lines are teasers of other
 * stories, the short line right before a teaser is its photo caption, and short lines after tail junk that share
 * little vocabulary with the story are off-topic. Other short lines (a closing quote, a last short paragraph) stay.
 */
export const dropTrailingTeasers: LineRule = {
  name: 'drop-trailing-teasers',
  apply(context) {
    const vocabulary = storyVocabulary(context);
    const start = tailStart(context, vocabulary);
    const open = undecided(context).filter((i) => i >= start);
    const overlap = (i: number): number => topicOverlap(context.lines[i]?.text ?? '', vocabulary, { ctx: context.ctx });
    const firstJunk = [...context.decisions]
      .filter(([i, d]) => i >= start && STRONG_JUNK.has(d.reason))
      .map(([i]) => i)
      .sort((a, b) => a - b)[0];
    const afterJunk = (i: number): boolean => firstJunk !== undefined && i > firstJunk;
    const teasers = new Set(open.filter((i) => isTeaser(context, i, afterJunk(i), overlap(i))));
    const items: Item[] = [];
    for (const index of open) {
      const f = context.features[index];
      const share = Math.round(overlap(index) * 100);
      if (teasers.has(index))
        items.push({
          index,
          reason: 'teaser-headline',
          detail: `headline form after the article's last paragraph (${share}% shared words)`,
        });
      else if (!f || f.words > SHORT || DIALOGUE.test(context.lines[index]?.text ?? '')) continue;
      // A prose line before a teaser is a caption only inside page junk; verb-less lines are captions anywhere here.
      else if (teasers.has(index + 1) && (afterJunk(index) || !f.hasVerb))
        items.push({ index, reason: 'photo-caption', detail: 'short line right before a teaser headline' });
      else if (afterJunk(index) && overlap(index) < OFF_TOPIC)
        items.push({ index, reason: 'off-topic', detail: `shares ${share}% of its words with the story` });
    }
    return decide(this.name, items);
  },
};
