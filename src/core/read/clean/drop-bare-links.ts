import { decide, undecided, type LineRule } from './rule.js';

/** Removes lines that are only a URL: a link with no text around it says nothing in a plain-text body. */
export const dropBareLinks: LineRule = {
  name: 'drop-bare-links',
  apply(context) {
    return decide(
      this.name,
      undecided(context)
        .filter((i) => context.features[i]?.linkOnly)
        .map((index) => ({ index, reason: 'bare-link', detail: 'line is only a URL' })),
    );
  },
};
