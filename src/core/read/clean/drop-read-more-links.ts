import { lineRule } from './rule.js';

/** Link calls that send the reader elsewhere. */
const READ_MORE =
  /^(?:[^a-z]*\b)?(?:click here|read more|continue reading|read the full|keep reading|more from|full story|read the rest|also read|read also|related:|see also)\b/i;

/** Removes "CLICK HERE TO READ MORE FROM ..." and similar link calls (short lines that start with such a call). */
export const dropReadMoreLinks = lineRule({
  name: 'drop-read-more-links',
  reason: 'read-more-link',
  detail: 'link call to read elsewhere',
  test: (text, f) => f.words <= 20 && READ_MORE.test(text),
});
