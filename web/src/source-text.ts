/**
 * Renders a cleaned text losslessly as paragraphs of sentence spans: every character of the text lands in exactly
 * one text node, in order, so a highlighted range reads back exactly as the cited slice.
 */
import type { Span } from '../../src/core/model.js';
import { h } from './dom.js';

/** What to render and how to name its sentence elements. */
export interface SourceTextOptions {
  text: string;
  /** Paragraph spans; derived from blank lines when empty. */
  paragraphs?: readonly Span[] | undefined;
  sentences?: readonly Span[] | undefined;
  /** Prefix of sentence element ids (`<prefix>-s<index>`); must be a safe id (not derived from raw data). */
  idPrefix: string;
  highlight?: Span | null;
}

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

/** Clips spans to `[0, max)`, drops empty ones and sorts them, so broken input cannot duplicate text. */
function usableSpans(spans: readonly Span[], max: number): Span[] {
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

/** Appends `text[a, b)` to `parent`, wrapping the part inside the highlight in `<mark class="cited">`. */
function appendPieces(parent: Element, text: string, a: number, b: number, highlight: Span | null): void {
  if (!highlight || highlight.end <= a || highlight.start >= b) {
    parent.append(text.slice(a, b));
    return;
  }
  const hs = Math.max(a, highlight.start);
  const he = Math.min(b, highlight.end);
  if (hs > a) parent.append(text.slice(a, hs));
  parent.append(h('mark', { class: 'cited', tabindex: -1 }, text.slice(hs, he)));
  if (b > he) parent.append(text.slice(he, b));
}

/** A sentence with its index in the whole text (its id). */
interface IndexedSentence {
  span: Span;
  index: number;
}

function renderParagraph(
  options: SourceTextOptions,
  p: Span,
  sentences: readonly IndexedSentence[],
  named: Set<number>,
): HTMLElement {
  const { text, idPrefix } = options;
  const highlight = options.highlight ?? null;
  const el = h('p', {});
  let pos = p.start;
  for (const { span: s, index } of sentences) {
    const start = Math.max(s.start, p.start, pos);
    const end = Math.min(s.end, p.end);
    if (end <= start) continue;
    if (start > pos) appendPieces(el, text, pos, start, highlight);
    // A sentence cut by a paragraph break keeps its id on the first piece only.
    const first = !named.has(index);
    named.add(index);
    const span = h('span', {
      class: 'sentence',
      id: first ? `${idPrefix}-s${index}` : undefined,
      'data-start': start,
      'data-end': end,
    });
    appendPieces(span, text, start, end, highlight);
    el.append(span);
    pos = end;
  }
  if (pos < p.end) appendPieces(el, text, pos, p.end, highlight);
  return el;
}

/** Renders a cleaned text as `<div class="source-text">` with paragraphs and sentence spans. */
export function renderSourceText(options: SourceTextOptions): HTMLElement {
  const { text } = options;
  const highlight = options.highlight ?? null;
  const given = usableSpans(options.paragraphs ?? [], text.length);
  const paragraphs = given.length > 0 ? given : deriveParagraphs(text);
  const sentences = usableSpans(options.sentences ?? [], text.length).map((span, index) => ({ span, index }));
  const container = h('div', { class: 'source-text' });
  const named = new Set<number>();
  let pos = 0;
  for (const p of paragraphs) {
    if (p.start > pos) appendPieces(container, text, pos, p.start, highlight);
    const inside = sentences.filter(({ span: s }) => s.start < p.end && s.end > p.start);
    container.append(renderParagraph(options, p, inside, named));
    pos = p.end;
  }
  if (pos < text.length) appendPieces(container, text, pos, text.length, highlight);
  return container;
}
