import type { Span } from '../../model.js';

const MAX_LABEL_WORDS = 5;
const MIN_CLAIM_WORDS = 3;
const MAX_PARAGRAPH_WORDS = 40;

/** A headline that attributes its claim with a label: the label (the source) and the claim. */
export interface HeadlineClaim {
  label: Span;
  content: Span;
}

/** Word count of a stretch of text. */
function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /\w/.test(w)).length;
}

/**
 * 'Graham: Trump's Rhetoric Destroying GOP's Chance', 'Poll: Sanders Leads': a short paragraph of its own, one to
 * five capitalized words before a colon, then the claim. The claim is the content, the label its source. Null for
 * other segments (a colon after a clause introduces a quotation and is handled with it).
 */
export function headlineClaim(text: string, segment: Span): HeadlineClaim | null {
  if (!standsAlone(text, segment)) return null;
  const body = text.slice(segment.start, segment.end);
  const colon = body.indexOf(':');
  if (colon <= 0 || !isLabel(body.slice(0, colon))) return null;
  const claim = body.slice(colon + 1);
  // 'Trey Gowdy: "..."' introduces a quotation, which is found as a direct quote.
  if (/^\s*["“‘']/.test(claim)) return null;
  const words = wordCount(claim);
  if (words < MIN_CLAIM_WORDS || wordCount(body) > MAX_PARAGRAPH_WORDS) return null;
  let start = segment.start + colon + 1;
  let end = segment.end;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s.]/.test(text[end - 1]!)) end--;
  const label = body.slice(0, colon);
  return { label: { start: segment.start, end: segment.start + label.trimEnd().length }, content: { start, end } };
}

/** True when a segment is a paragraph of its own: it opens the text or a line, and a line break or the end follows. */
function standsAlone(text: string, segment: Span): boolean {
  const opens = segment.start === 0 || /\n\s*$/.test(text.slice(Math.max(0, segment.start - 3), segment.start));
  return opens && /^\s*(\n|$)/.test(text.slice(segment.end, segment.end + 2));
}

/** True for a headline label: capitalized, at most five words, no sentence punctuation, not a clock time ("3:05"). */
function isLabel(label: string): boolean {
  if (!/^[A-Z]/.test(label) || /[.!?"“”,;]/.test(label) || wordCount(label) > MAX_LABEL_WORDS) return false;
  return !/\d$/.test(label);
}
