import type { Span } from '../model.js';

/** Paragraph spans of a cleaned text whose paragraphs are separated by blank lines. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]+)*/g;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const trimmedStart = start + (m[0].length - m[0].trimStart().length);
    const end = start + m[0].trimEnd().length;
    if (end > trimmedStart) spans.push({ start: trimmedStart, end });
  }
  return spans;
}
