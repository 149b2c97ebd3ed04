import { decide, undecided, type LineRule } from './rule.js';

/** Reasons that mark the page header (what sits between a standfirst and the body). */
const HEADER_REASONS = new Set(['byline', 'photo-caption', 'photo-credit', 'timestamp']);

/**
 * Recognises the standfirst: the line right after the title when it is unfinished (no terminal punctuation) or when
 * header furniture (byline, photo, stamp) follows it, which a body paragraph never has after it.
 */
export const detectSubtitle: LineRule = {
  name: 'detect-subtitle',
  apply(context) {
    const title = [...context.decisions].find(([, d]) => d.reason === 'title')?.[0];
    if (title === undefined) return new Map();
    const index = undecided(context).find((i) => i > title);
    const f = index === undefined ? undefined : context.features[index];
    if (index === undefined || !f || index !== title + 1 || f.words < 5 || f.words > 60) return new Map();
    const next = context.decisions.get(index + 1);
    const furnitureFollows = next !== undefined && HEADER_REASONS.has(next.reason);
    if (f.terminal && !furnitureFollows) return new Map();
    return decide(this.name, [
      {
        index,
        reason: 'subtitle',
        detail: furnitureFollows ? 'line after the title, before the byline/photo' : 'unfinished line after the title',
      },
    ]);
  },
};
