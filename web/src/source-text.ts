/**
 * Renders a cleaned text losslessly, block by block, as paragraphs of sentence spans: every character of a rendered
 * block (and of the paragraph break before it) lands in exactly one text node, in order, so a highlighted range reads
 * back exactly as the cited slice. Blocks can be rendered alone, which is what lets a long article show only the part
 * on screen.
 */
import type { Span } from '../../src/core/model.js';
import { h } from './dom.js';
import { buildBlocks, firstEndingAfter, usableSpans, type Block } from './source-blocks.js';

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

/** A text prepared for rendering by blocks. */
export interface SourceDoc {
  text: string;
  blocks: Block[];
  sentences: Span[];
  idPrefix: string;
}

/** Cuts a text into blocks (once per text; rendering then costs only the blocks shown). */
export function prepareSource(options: Omit<SourceTextOptions, 'highlight'>): SourceDoc {
  const sentences = usableSpans(options.sentences ?? [], options.text.length);
  return {
    text: options.text,
    sentences,
    blocks: buildBlocks(options.text, options.paragraphs ?? [], sentences),
    idPrefix: options.idPrefix,
  };
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

/** The paragraph element of one block, with its sentences as spans. */
function blockParagraph(doc: SourceDoc, block: Block, highlight: Span | null): HTMLElement {
  const { text, sentences, idPrefix } = doc;
  const el = h('p', { class: block.first ? undefined : 'continued' });
  let pos = block.start;
  for (let i = firstEndingAfter(sentences, block.start); i < sentences.length; i++) {
    const s = sentences[i]!;
    if (s.start >= block.end) break;
    const start = Math.max(s.start, pos);
    const end = Math.min(s.end, block.end);
    if (end <= start) continue;
    if (start > pos) appendPieces(el, text, pos, start, highlight);
    // A sentence cut by a paragraph break or a block edge keeps its id on its first piece only.
    const span = h('span', {
      class: 'sentence',
      id: start === s.start ? `${idPrefix}-s${i}` : undefined,
      'data-start': start,
      'data-end': end,
    });
    appendPieces(span, text, start, end, highlight);
    el.append(span);
    pos = end;
  }
  if (pos < block.end) appendPieces(el, text, pos, block.end, highlight);
  return el;
}

/** Block `index` with the text between it and the block before (a paragraph break), as one element. */
export function renderBlock(doc: SourceDoc, index: number, highlight: Span | null): HTMLElement {
  const block = doc.blocks[index]!;
  const unit = h('div', { class: 'block', 'data-block': index });
  const gapStart = index === 0 ? 0 : doc.blocks[index - 1]!.end;
  if (block.start > gapStart) appendPieces(unit, doc.text, gapStart, block.start, highlight);
  unit.append(blockParagraph(doc, block, highlight));
  return unit;
}

/** The text after the last block (trailing space), or null when there is none. */
export function renderTail(doc: SourceDoc, highlight: Span | null): HTMLElement | null {
  const last = doc.blocks.at(-1)?.end ?? 0;
  if (last >= doc.text.length) return null;
  const tail = h('div', { class: 'block block-tail' });
  appendPieces(tail, doc.text, last, doc.text.length, highlight);
  return tail;
}

/** Renders a whole (short) text as `<div class="source-text">`: an embedded post, or a test of the renderer. */
export function renderSourceText(options: SourceTextOptions): HTMLElement {
  const doc = prepareSource(options);
  const highlight = options.highlight ?? null;
  return h(
    'div',
    { class: 'source-text' },
    doc.blocks.map((_, i) => renderBlock(doc, i, highlight)),
    renderTail(doc, highlight),
  );
}
