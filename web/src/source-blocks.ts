/**
 * A cleaned text cut into blocks small enough to render on demand: its paragraphs, with any paragraph longer than
 * `maxChars` cut at sentence ends (or, for a sentence longer than that, at a space). A 5 MB article is then rendered
 * a few blocks at a time around what the reader looks at, and finding the block of a citation is a binary search.
 * Pure: no DOM.
 */
import type { Span } from '../../src/core/model.js';

/** One block: a range of the text and whether it starts a paragraph (else it continues the one before). */
export interface Block extends Span {
  first: boolean;
}

/** Default largest block, in characters. */
export const MAX_BLOCK_CHARS = 4000;

/** Paragraph spans found from blank lines, for texts that come without them. */
export function deriveParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const gap = /\n[^\S\n]*\n\s*/g;
  let start = 0;
  for (const match of text.matchAll(gap)) {
    if (match.index > start) spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** Clips spans to `[0, max)`, drops empty ones, sorts them and removes overlaps, so broken input cannot duplicate text. */
export function usableSpans(spans: readonly Span[], max: number): Span[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(max, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let pos = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, pos);
    if (s.end > start) out.push({ start, end: s.end });
    pos = Math.max(pos, s.end);
  }
  return out;
}

/** The index of the first span that ends after `pos`, in sorted non-overlapping spans (binary search). */
export function firstEndingAfter(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A cut at or before `limit` (and after `from`): the last space in the final stretch, never inside a surrogate pair. */
function cutAt(text: string, from: number, limit: number): number {
  const space = text.lastIndexOf(' ', limit);
  let cut = space > from + (limit - from) / 2 ? space + 1 : limit;
  const code = text.charCodeAt(cut);
  if (code >= 0xdc00 && code <= 0xdfff && cut - 1 > from) cut -= 1;
  return cut;
}

/** Cuts one paragraph into blocks of at most `max` characters, at sentence ends where it can. */
function splitParagraph(text: string, p: Span, sentences: readonly Span[], max: number): Block[] {
  if (p.end - p.start <= max) return [{ start: p.start, end: p.end, first: true }];
  const blocks: Block[] = [];
  let start = p.start;
  let i = firstEndingAfter(sentences, start);
  while (p.end - start > max) {
    const limit = start + max;
    // The last sentence end inside the limit.
    let cut = -1;
    while (i < sentences.length && sentences[i]!.end <= limit) {
      if (sentences[i]!.end > start) cut = sentences[i]!.end;
      i++;
    }
    if (cut <= start) cut = cutAt(text, start, limit);
    blocks.push({ start, end: cut, first: blocks.length === 0 });
    start = cut;
  }
  blocks.push({ start, end: p.end, first: blocks.length === 0 });
  return blocks;
}

/** The blocks of a text, in order; the text between them (paragraph breaks) belongs to no block. */
export function buildBlocks(
  text: string,
  paragraphs: readonly Span[],
  sentences: readonly Span[],
  maxChars = MAX_BLOCK_CHARS,
): Block[] {
  const given = usableSpans(paragraphs, text.length);
  const spans = given.length > 0 ? given : deriveParagraphs(text);
  return spans.flatMap((p) => splitParagraph(text, p, sentences, maxChars));
}

/** The block that holds `pos`, or the next one when `pos` falls between blocks (clamped to the last block). */
export function blockAt(blocks: readonly Block[], pos: number): number {
  return Math.min(firstEndingAfter(blocks, pos), Math.max(0, blocks.length - 1));
}

/** A window of blocks `[from, to)` around `[start, end)` holding about `context` characters each side. */
export function windowAround(blocks: readonly Block[], range: Span, context: number): { from: number; to: number } {
  if (blocks.length === 0) return { from: 0, to: 0 };
  let from = blockAt(blocks, range.start);
  let to = blockAt(blocks, Math.max(range.start, range.end - 1)) + 1;
  while (from > 0 && range.start - blocks[from - 1]!.start <= context) from--;
  while (to < blocks.length && blocks[to]!.end - range.end <= context) to++;
  return { from, to };
}
