import type { RemovalReason } from '../../model.js';
import { decide, undecided, type LineRule } from './rule.js';

/** "Credit: X", "Photo: X", "(Photo by X)", "Image source: X" anywhere in a short line. */
const CREDIT =
  /(?:\b(?:photo ?credit|credit|photo(?:graph)?|image(?: source)?|picture|illustration)s?\s*(?::|by\b)\s*\S|\((?:photo|image) by [^)]+\))/i;

/**
 * Removes photo credits and their captions. A caption is the line right before a credit line when the credit line
 * repeats it (scrapes often give the caption, then caption + credit glued together).
 */
export const dropPhotoCredits: LineRule = {
  name: 'drop-photo-credits',
  apply(context) {
    const items: { index: number; reason: RemovalReason; detail: string }[] = [];
    const open = new Set(undecided(context));
    for (const index of open) {
      const text = context.lines[index]?.text ?? '';
      if ((context.features[index]?.words ?? 99) > 40 || !CREDIT.test(text)) continue;
      items.push({ index, reason: 'photo-credit', detail: 'photo credit line' });
      const previous = context.lines[index - 1]?.text;
      if (previous && open.has(index - 1) && text.startsWith(previous) && previous.length < text.length)
        items.push({ index: index - 1, reason: 'photo-caption', detail: 'caption repeated by the credit line' });
    }
    return decide(this.name, items);
  },
};
