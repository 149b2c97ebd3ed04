import { bodyStart } from './regions.js';
import { decide, undecided, type LineRule } from './rule.js';

/** Most short lines a page header holds between the title block and the body. */
const MAX_HEADER_LINES = 3;

/**
 * Removes the short lines left between the title block and the first prose paragraph: on scraped pages these are the
 * lead photo's caption and similar furniture. Verb-less lines are called captions; unfinished ones with a verb 'other'.
 */
export const dropHeaderCaptions: LineRule = {
  name: 'drop-header-captions',
  apply(context) {
    const start = bodyStart(context);
    const titled = [...context.decisions.values()].some((d) => d.reason === 'title' || d.reason === 'byline');
    if (!titled) return new Map();
    // A finished sentence with a verb is a short first paragraph, never furniture: it stays.
    const lines = undecided(context).filter((i) => {
      const f = context.features[i];
      return i < start && f !== undefined && f.words < 30 && !(f.terminal && f.hasVerb);
    });
    // A lead photo has a caption and a credit or two; a longer run of short lines is content (a list, an intro).
    if (lines.length > MAX_HEADER_LINES) return new Map();
    return decide(
      this.name,
      lines.map((index) =>
        context.features[index]?.hasVerb
          ? { index, reason: 'other' as const, detail: 'unfinished short line between the header and the body' }
          : { index, reason: 'photo-caption' as const, detail: 'verb-less line between the header and the body' },
      ),
    );
  },
};
