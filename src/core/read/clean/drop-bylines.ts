import { bodyStart } from './regions.js';
import { decide, undecided, type CleanContext, type LineRule } from './rule.js';

/** One name token: a capitalized word (hyphens, apostrophes allowed) or an initial. */
const NAME = /^(?:\p{Lu}[\p{Ll}'’]+(?:[-'’]\p{Lu}?[\p{Ll}]+)*|\p{Lu}\.|\p{Lu}\p{Ll}?\.?)$/u;
/** Joiners in a list of names. */
const JOINER = /^(?:and|&)$/i;
/** Wire credit lines: "(Reporting by A; Editing by B)". */
const CREDIT_LINE =
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|contributing)\b[^.]{0,160}\bby\b[^.]*\)?\.?$/i;
/** How many leading lines may hold a bare byline. */
const BYLINE_WINDOW = 6;

/** Strips "By " and list punctuation; returns the name words, or null when the line is not only names. */
export function nameWords(text: string): string[] | null {
  const body = text
    .replace(/^by\s+/i, '')
    .replace(/[,|]/g, ' ')
    .trim();
  const words = body.split(/\s+/).filter((w) => w !== '');
  const names = words.filter((w) => !JOINER.test(w));
  if (names.length < 2 || names.length > 8 || !names.every((w) => NAME.test(w))) return null;
  return names;
}

/** A byline: a wire credit line, "By A B" anywhere near the top or bottom, or a bare two-to-four-word name before the body starts. */
function isByline(context: CleanContext, index: number, start: number): boolean {
  const text = context.lines[index]?.text ?? '';
  if (CREDIT_LINE.test(text) && (context.features[index]?.words ?? 99) <= 30) return true;
  const names = nameWords(text);
  if (!names) return false;
  const near = index < 10 || index >= context.lines.length - 3;
  if (/^by\s/i.test(text)) return near;
  return names.length <= 4 && (index < start || index < BYLINE_WINDOW) && !context.features[index]?.terminal;
}

/** Removes byline lines (and their repeats: scrapes often give the byline twice around the photo). */
export const dropBylines: LineRule = {
  name: 'drop-bylines',
  apply(context) {
    const start = bodyStart(context);
    const seen = new Set<string>();
    const items: { index: number; reason: 'byline'; detail: string }[] = [];
    for (const index of undecided(context)) {
      const text = context.lines[index]?.text ?? '';
      if (seen.has(text)) items.push({ index, reason: 'byline', detail: 'repeated byline' });
      else if (isByline(context, index, start)) {
        seen.add(text);
        items.push({ index, reason: 'byline', detail: 'name line near the top' });
      }
    }
    return decide(this.name, items);
  },
};
