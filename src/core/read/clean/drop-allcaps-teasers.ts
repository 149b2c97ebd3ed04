import { contentStems } from '../../nlp/content-stems.js';
import { bodyStart } from './regions.js';
import { decide, undecided, type CleanContext, type LineRule } from './rule.js';

/** Fewest words of an all-caps teaser: shorter all-caps lines are section labels. */
const MIN_WORDS = 6;

/** Content stems a line shares with the next kept line: a section heading names what its section is about. */
function sharedWithNext(context: CleanContext, index: number, open: readonly number[]): number {
  const next = open[open.indexOf(index) + 1];
  if (next === undefined) return 0;
  const following = new Set(contentStems(context.lines[next]?.text ?? '', context.ctx));
  return new Set(
    contentStems((context.lines[index]?.text ?? '').toLowerCase(), context.ctx).filter((s) => following.has(s)),
  ).size;
}

/**
 * Removes all-caps headlines inside the body: outlets drop links to other stories as upper-case lines between
 * paragraphs. Short all-caps lines, finished sentences, table rows and headings that introduce the paragraph after them
 * (two or more shared content words) are left alone.
 */
export const dropAllCapsTeasers: LineRule = {
  name: 'drop-allcaps-teasers',
  apply(context) {
    const start = bodyStart(context);
    const open = undecided(context);
    return decide(
      this.name,
      open
        .filter((i) => {
          const f = context.features[i];
          const text = context.lines[i]?.text ?? '';
          if (i <= start || !f?.allCaps || f.words < MIN_WORDS || /[.]["”’')]*$/.test(text) || text.includes('|'))
            return false;
          return sharedWithNext(context, i, open) < 2;
        })
        .map((index) => ({
          index,
          reason: 'teaser-headline',
          detail: 'all-caps headline inside the body, unrelated to the next paragraph',
        })),
    );
  },
};
