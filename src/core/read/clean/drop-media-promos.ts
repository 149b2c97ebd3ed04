import { lineRule } from './rule.js';

/** A promo ends with (or starts with) an upper-case media call: "... today. LISTEN", "WATCH: ...". */
const MEDIA = '(?:LISTEN|WATCH|PODCAST|VIDEO|PHOTOS|GALLERY|LIVE|LIVE UPDATES)';
const TRAILING = new RegExp(`(?:^|[.!?:|–—-]\\s*|\\s)${MEDIA}[.!]?$`);
const LEADING = new RegExp(`^${MEDIA}\\s*[:|]`);

/** Removes audio/video promos: short lines that end or start with an upper-case media call. */
export const dropMediaPromos = lineRule({
  name: 'drop-media-promos',
  reason: 'promo',
  detail: 'audio/video promo',
  test: (text, f) => f.words <= 30 && !f.allCaps && (TRAILING.test(text) || LEADING.test(text)),
});
