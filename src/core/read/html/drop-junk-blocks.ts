/**
 * Removes non-article blocks from Readability's article element: widgets named by their tag or class (share bars,
 * newsletter boxes, captions, bylines, ad slots), page headers, timestamp lines, and runs of link-only teaser blocks
 * with their label ("You may also like..."). Works on the extraction's own parsed document and returns what it removed.
 */
import type { Removal } from '../../model.js';
import { BLOCK_TAGS } from './block-tags.js';
import { childElements, findAll, findByTag } from './find-elements.js';
import { junkByName, junkByTag, junkInlineByName, mediaByName, type JunkVerdict } from './junk-rules.js';
import { junkByText } from './junk-text-rules.js';
import { inlineText, renderText } from './render-text.js';
import { isSameSite } from './same-site.js';
import { isSocialEmbed } from './social-embeds.js';
import { collapsedLength } from '../white-space.js';

/** A widget holding more than this share of the article's text is taken to be a misnamed wrapper and kept. */
const MAX_WIDGET_SHARE = 0.25;
/** A header with a paragraph this long carries a standfirst or body text and is kept. */
const HEADER_PROSE_CHARS = 160;
/** Link-only blocks longer than this are probably prose that happens to be linked. */
const TEASER_MAX_CHARS = 200;
/** An image container holding more text than this holds prose too and is kept. */
const MEDIA_MAX_CHARS = 400;

/** The length of an element's text with white space collapsed and trimmed. */
function textLength(el: Element): number {
  return collapsedLength(el.textContent ?? '');
}

function hasBlockChild(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    if (BLOCK_TAGS.has(child.tagName.toUpperCase())) return true;
  return false;
}

/** A page or article header: title, kicker, byline and date, but no prose paragraph. */
function junkHeader(el: Element): JunkVerdict | null {
  if (el.tagName.toUpperCase() !== 'HEADER') return null;
  for (const p of findByTag(el, 'p')) if (textLength(p) >= HEADER_PROSE_CHARS) return null;
  return { reason: 'byline', rule: 'html-header-without-prose', detail: '<header> without prose' };
}

/** A leaf block made mostly of a `<time>` element ("Updated Nov 19, 6:55 AM"). */
function junkTimeLine(el: Element, length: number): JunkVerdict | null {
  if (length > 120) return null;
  const times = findByTag(el, 'time');
  if (times.length === 0) return null;
  let timeChars = 0;
  for (const t of times) timeChars += textLength(t);
  return timeChars >= length * 0.5 ? { reason: 'timestamp', rule: 'html-time-line', detail: '<time> line' } : null;
}

/**
 * A short leaf block whose text is all inside links into the page's own site: a teaser headline or a navigation item.
 * Links out (cited sources, shop links) and blocks that spell out a URL are left to the text.
 */
function isTeaser(el: Element, text: string, site: string | null): boolean {
  if (text.length === 0 || text.length > TEASER_MAX_CHARS || /^(https?:\/\/|www\.)\S+$/i.test(text)) return false;
  let linked = 0;
  for (const a of findByTag(el, 'a')) {
    if (!isSameSite(a.getAttribute('href') ?? '', site)) return false;
    linked += textLength(a);
  }
  // A short lead-in label ("Related:", "SEE MORE:") does not count against the link share.
  const label = /^[^.!?:]{1,30}:\s*/.exec(text)?.[0].length ?? 0;
  return linked > 0 && linked >= (text.length - label) * 0.9;
}

/** A list whose every item links into the site and whose text is mostly link text: a list of other stories. */
function junkLinkList(el: Element, pass: Pass): JunkVerdict | null {
  const tag = el.tagName.toUpperCase();
  if (tag !== 'UL' && tag !== 'OL') return null;
  const items = childElements(el).filter((c) => c.tagName.toUpperCase() === 'LI');
  if (items.length < 2) return null;
  let linked = 0;
  for (const item of items) {
    const links = findByTag(item, 'a');
    if (links.length === 0 || !links.every((a) => isSameSite(a.getAttribute('href') ?? '', pass.site))) return null;
    for (const a of links) linked += textLength(a);
  }
  return linked >= textLength(el) * 0.5
    ? { reason: 'related-content', rule: 'html-site-link-list', detail: 'list of links into the site' }
    : null;
}

/** Normalised text for comparing a heading with the page title. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The page title repeated as a heading in the body. */
function junkTitle(el: Element, text: string, title: string | null): JunkVerdict | null {
  if (!title || !/^H[1-3]$/.test(el.tagName.toUpperCase())) return null;
  return comparable(text) === comparable(title)
    ? { reason: 'title', rule: 'html-repeated-title', detail: 'heading repeats the title' }
    : null;
}

/** Cuts hidden markup and captions out of a paragraph (tooltips, screen-reader text, credit spans). */
function dropInlineJunk(leaf: Element, pass: Pass): void {
  for (const el of findAll(leaf, hasName)) {
    if (!leaf.contains(el)) continue; // inside an element removed just before
    const verdict = junkInlineByName(el);
    if (verdict) remove(el, verdict, pass);
  }
}

/** Elements with a class or id attribute (`[class], [id]`). */
function hasName(el: Element): boolean {
  return el.hasAttribute('class') || el.hasAttribute('id');
}

/** A short label that introduces a list ("You may also like...", "RELATED:", "DON'T MISS"). */
function isLabel(text: string): boolean {
  const words = text.split(/\s+/).length;
  if (words > 6) return false;
  return /[:.…]$/.test(text) || (text === text.toUpperCase() && /\p{Lu}/u.test(text));
}

interface Pass {
  site: string | null;
  title: string | null;
  removed: Removal[];
  total: number;
  leaves: Element[];
}

/** The text of a removed element; blocks inside keep their breaks, so that a removed list reads as its items. */
function removedText(el: Element): string {
  if (!hasBlockChild(el)) return inlineText(el);
  const rendered = renderText(el);
  return [...rendered.paragraphs, ...rendered.removed.map((r) => r.text)].join('\n');
}

function remove(el: Element, verdict: JunkVerdict, pass: Pass): void {
  const text = removedText(el);
  if (text) pass.removed.push({ text, reason: verdict.reason, rule: verdict.rule, detail: verdict.detail });
  el.remove();
}

/** Why a container is a widget, guarded so that a misnamed wrapper of the article text is kept. */
function widgetVerdict(el: Element, pass: Pass): JunkVerdict | null {
  const verdict = junkByTag(el) ?? junkHeader(el) ?? junkByName(el) ?? junkLinkList(el, pass);
  if (verdict) return textLength(el) <= Math.max(200, pass.total * MAX_WIDGET_SHARE) ? verdict : null;
  const media = mediaByName(el);
  return media && textLength(el) <= Math.min(MEDIA_MAX_CHARS, pass.total * MAX_WIDGET_SHARE) ? media : null;
}

/** Removes named widgets and headers top-down, collecting the leaf blocks that remain. */
function dropWidgets(el: Element, pass: Pass): void {
  for (const child of childElements(el)) {
    if (isSocialEmbed(child)) continue;
    const verdict = widgetVerdict(child, pass);
    if (verdict) {
      remove(child, verdict, pass);
      continue;
    }
    if (BLOCK_TAGS.has(child.tagName.toUpperCase()) && !hasBlockChild(child)) pass.leaves.push(child);
    else dropWidgets(child, pass);
  }
}

/** Removes timestamp lines and link-only teaser blocks, with a label just before a run of teasers. */
function dropLeafJunk(pass: Pass): void {
  let previous: { el: Element; text: string } | null = null;
  for (const leaf of pass.leaves) {
    dropInlineJunk(leaf, pass);
    const text = inlineText(leaf);
    const verdict = junkTimeLine(leaf, text.length) ?? junkTitle(leaf, text, pass.title) ?? junkByText(text);
    if (verdict) {
      remove(leaf, verdict, pass);
      continue;
    }
    if (isTeaser(leaf, text, pass.site)) {
      if (previous && isLabel(previous.text))
        remove(previous.el, { reason: 'related-content', rule: 'html-teaser-label', detail: 'label of links' }, pass);
      remove(leaf, { reason: 'related-content', rule: 'html-teaser-link', detail: 'link-only block' }, pass);
      previous = null;
      continue;
    }
    previous = text ? { el: leaf, text } : previous;
  }
}

/** What the junk pass knows about the page. */
export interface JunkContext {
  /** The page's site (see same-site.ts), to tell teaser links from cited sources. */
  site: string | null;
  /** The page title, to drop the title repeated as a heading. */
  title: string | null;
}

/** Removes junk blocks from `root` (in place) and returns them as removals. */
export function dropJunkBlocks(root: Element, context: JunkContext): Removal[] {
  const pass: Pass = { ...context, removed: [], total: textLength(root), leaves: [] };
  dropWidgets(root, pass);
  dropLeafJunk(pass);
  return pass.removed;
}
