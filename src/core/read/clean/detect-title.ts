import { decide, undecided, type CleanContext, type LineRule } from './rule.js';

/** How many leading lines may hold the title (junk such as a section label can come first). */
const TITLE_WINDOW = 3;

/** Lower-cased letters and digits only: compares a title line with a known title regardless of punctuation. */
export function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A headline: short, unfinished (no terminal period), not a fragment that continues onto the next line. */
function isHeadline(context: CleanContext, index: number): boolean {
  const line = context.lines[index];
  const f = context.features[index];
  if (!line || !f || line.text.length > 200) return false;
  if (!/^[\p{Lu}\p{N}"“‘'(]/u.test(line.text)) return false;
  if (index + 1 >= context.lines.length) return false;
  const question = /\?["”’']?$/.test(line.text) && f.titleCase && f.words <= 20;
  return (f.headlineForm && f.words >= 4) || question;
}

/**
 * Recognises the title line: the caller's known title when a leading line repeats it, else (with no known title) the
 * first remaining line when it has the form of a headline. A finished sentence is never taken as a title.
 */
export const detectTitle: LineRule = {
  name: 'detect-title',
  apply(context) {
    const candidates = undecided(context).filter((i) => i < TITLE_WINDOW);
    const known = context.knownTitle ? titleKey(context.knownTitle) : null;
    // A text that is nothing but its title keeps it: the line is then the whole article, not a header.
    const repeated = known
      ? candidates.find((i) => i + 1 < context.lines.length && titleKey(context.lines[i]?.text ?? '') === known)
      : undefined;
    if (repeated !== undefined)
      return decide(this.name, [{ index: repeated, reason: 'title', detail: 'repeats the known title' }]);
    // With a known title, a different headline-form first line is a kicker or subheading: it stays.
    const first = candidates[0];
    if (known || first === undefined || !isHeadline(context, first)) return new Map();
    return decide(this.name, [{ index: first, reason: 'title', detail: 'first line has headline form' }]);
  },
};
