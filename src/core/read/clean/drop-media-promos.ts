import { decide, undecided, type LineRule } from './rule.js';

/** A promo ends with (or starts with) an upper-case media call: "... today. LISTEN", "WATCH: ...". */
const MEDIA = '(?:LISTEN|WATCH|PODCAST|VIDEO|PHOTOS|GALLERY|LIVE|LIVE UPDATES)';
const TRAILING = new RegExp(`(?:^|[.!?:|–—-]\\s*|\\s)${MEDIA}[.!]?$`);
const LEADING = new RegExp(`^${MEDIA}\\s*[:|]`);

/** Removes audio/video promos: short lines that end or start with an upper-case media call. */
export const dropMediaPromos: LineRule = {
  name: 'drop-media-promos',
  apply(context) {
    return decide(
      this.name,
      undecided(context)
        .filter((i) => {
          const text = context.lines[i]?.text ?? '';
          const f = context.features[i];
          return f !== undefined && f.words <= 30 && !f.allCaps && (TRAILING.test(text) || LEADING.test(text));
        })
        .map((index) => ({ index, reason: 'promo', detail: 'audio/video promo' })),
    );
  },
};
