import type { Span } from '../../model.js';
import { firstStartingFrom } from '../../span-index.js';

/**
 * The spans of a text inside quotation marks, paired per paragraph (a quote left open at the end of a paragraph
 * stops there, as news style reopens it in the next one). Curly and straight double quotes are both read.
 */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && open >= 0) {
      spans.push({ start: open, end: i });
      open = -1;
    } else if (c === '“' || (c === '"' && open < 0)) open = i;
    else if ((c === '”' || c === '"') && open >= 0) {
      spans.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ start: open, end: text.length });
  return spans;
}

/**
 * True when the span lies inside one of the quoted spans (as `quotedSpans` gives them: in order, not overlapping, so
 * only the last one starting before the span can hold it).
 */
export function isQuoted(span: Span, quoted: readonly Span[]): boolean {
  const q = quoted[firstStartingFrom(quoted, span.start) - 1];
  return q !== undefined && span.start > q.start && span.end <= q.end;
}
