/**
 * Where a date with day, month and year all certain can be: every chrono pattern that states them holds a month name,
 * or digits joined by a date separator, or a four-digit year followed by a number; and chrono also marks as certain the
 * day of "now" and of "the end of the month" (taken from the reference), which `statedFullDates` keeps.
 */
const FULL_DATE_CUE = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d[-/.]\d|\d{4}\s\d|now|month/gi;

/** Characters of context kept on each side of a cue: far more than a date expression and what chrono looks at around it. */
const MARGIN = 100;

/** True for a whitespace character. */
function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/**
 * The stretches of a text that can hold a fully stated date: each cue with `MARGIN` characters around it, widened to
 * whole words plus one more word on each side, and merged when they touch or only whitespace lies between them. Parsing
 * only these stretches finds the same full dates as parsing the whole text (checked on the NeuS, PolNeAR and AllSides
 * texts), at a fraction of the cost.
 */
export function fullDateWindows(text: string): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  for (const m of text.matchAll(FULL_DATE_CUE)) {
    let start = Math.max(0, m.index - MARGIN);
    let end = Math.min(text.length, m.index + m[0].length + MARGIN);
    // Out to a word boundary, then over the whitespace and the word beyond it.
    while (start > 0 && !isSpace(text[start - 1])) start--;
    while (start > 0 && isSpace(text[start - 1])) start--;
    while (start > 0 && !isSpace(text[start - 1])) start--;
    while (end < text.length && !isSpace(text[end])) end++;
    while (end < text.length && isSpace(text[end])) end++;
    while (end < text.length && !isSpace(text[end])) end++;
    const last = windows.at(-1);
    if (last && text.slice(last.end, start).trim() === '') last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}
