import { decide, undecided, type LineRule } from './rule.js';

/** Link calls that send the reader elsewhere. */
const READ_MORE =
  /^(?:[^a-z]*\b)?(?:click here|read more|continue reading|read the full|keep reading|more from|full story|read the rest|also read|read also|related:|see also)\b/i;

/** Removes "CLICK HERE TO READ MORE FROM ..." and similar link calls (short lines that start with such a call). */
export const dropReadMoreLinks: LineRule = {
  name: 'drop-read-more-links',
  apply(context) {
    return decide(
      this.name,
      undecided(context)
        .filter((i) => {
          const text = context.lines[i]?.text ?? '';
          return (context.features[i]?.words ?? 99) <= 20 && READ_MORE.test(text);
        })
        .map((index) => ({ index, reason: 'read-more-link', detail: 'link call to read elsewhere' })),
    );
  },
};
