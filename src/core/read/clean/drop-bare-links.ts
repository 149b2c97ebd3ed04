import { lineRule } from './rule.js';

/** Removes lines that are only a URL: a link with no text around it says nothing in a plain-text body. */
export const dropBareLinks = lineRule({
  name: 'drop-bare-links',
  reason: 'bare-link',
  detail: 'line is only a URL',
  test: (_text, f) => f.linkOnly,
});
