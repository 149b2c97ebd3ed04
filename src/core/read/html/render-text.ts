/**
 * Turns an article's DOM subtree into plain text: one paragraph per block element, paragraphs separated by a blank line,
 * inline whitespace collapsed (entities are already decoded by the parser). Figure captions are left out and reported.
 */
import type { Removal } from '../../model.js';
import { RENDER_BLOCK_TAGS } from './block-tags.js';
import { childElements, findByTag, findFirst, tagOf } from './find-elements.js';
import { isSocialEmbed } from './social-embeds.js';

/** Paragraphs of text and what was left out while rendering them. */
export interface RenderedText {
  paragraphs: string[];
  removed: Removal[];
}

/** Elements whose content is never article text. */
export const NON_TEXT_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'BUTTON',
  'IFRAME',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'MATH',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

/** Stands for a `<br>` in the paragraph buffer until the paragraph is flushed. */
const BR = '\u0001';
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Two or more `<br>` in a row (with white space around): a paragraph break. */
const PARAGRAPH_BREAK = new RegExp(`\\s*${BR}\\s*(?:${BR}\\s*)+`);

interface Walk {
  buffer: string[];
  paragraphs: string[];
  removed: Removal[];
}

/** Collapses inline whitespace; one `<br>` becomes a line break, two or more a paragraph break. */
function splitBuffer(raw: string): string[] {
  if (!raw.includes(BR)) {
    // Most blocks have no <br>: one paragraph, without splitting.
    const line = raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
    return line.length > 0 ? [line] : [];
  }
  return raw
    .replace(INVISIBLE, '')
    .split(PARAGRAPH_BREAK)
    .map((part) =>
      part
        .split(BR)
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line.length > 0)
        .join('\n'),
    )
    .filter((p) => p.length > 0);
}

function flush(w: Walk): void {
  if (w.buffer.length === 0) return;
  w.paragraphs.push(...splitBuffer(w.buffer.join('')));
  w.buffer = [];
}

/** Plain text of a subtree with whitespace collapsed (for removal records). */
export function inlineText(node: Node): string {
  return (node.textContent ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

function renderTable(table: Element, w: Walk): void {
  for (const row of findByTag(table, 'tr')) {
    flush(w);
    const cells = childElements(row)
      .filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
      .map((c) => inlineText(c))
      .filter((c) => c.length > 0);
    if (cells.length > 0) w.paragraphs.push(cells.join(' | '));
  }
}

function isRow(el: Element): boolean {
  return tagOf(el) === 'tr';
}

function renderPre(pre: Element, w: Walk): void {
  flush(w);
  const text = (pre.textContent ?? '').replace(INVISIBLE, '').replace(/^\n+|\s+$/g, '');
  if (text.trim()) w.paragraphs.push(text);
}

/** An embedded post as one paragraph: its lines (text, signature) joined by line breaks. */
function renderEmbed(quote: Element, w: Walk): void {
  flush(w);
  const inner: Walk = { buffer: [], paragraphs: [], removed: w.removed };
  for (let child = quote.firstChild; child; child = child.nextSibling) walk(child, inner);
  flush(inner);
  if (inner.paragraphs.length > 0) w.paragraphs.push(inner.paragraphs.join('\n'));
}

function walk(node: Node, w: Walk): void {
  if (node.nodeType === 3) {
    w.buffer.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (NON_TEXT_TAGS.has(tag)) return;
  if (tag === 'BR') return void w.buffer.push(BR);
  if (tag === 'FIGCAPTION') {
    const caption = inlineText(el);
    if (caption)
      w.removed.push({ text: caption, reason: 'photo-caption', rule: 'html-figcaption', detail: 'figcaption' });
    return flush(w);
  }
  if (tag === 'TABLE' && findFirst(el, isRow)) return renderTable(el, w);
  if (tag === 'PRE') return renderPre(el, w);
  if (isSocialEmbed(el)) return renderEmbed(el, w);
  const block = RENDER_BLOCK_TAGS.has(tag);
  if (block) flush(w);
  for (let child = el.firstChild; child; child = child.nextSibling) walk(child, w);
  if (block) flush(w);
}

/** Renders the text of an element as paragraphs. */
export function renderText(root: Node): RenderedText {
  const w: Walk = { buffer: [], paragraphs: [], removed: [] };
  walk(root, w);
  flush(w);
  return { paragraphs: w.paragraphs, removed: w.removed };
}
