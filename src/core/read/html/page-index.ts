/**
 * The elements of a page that HTML extraction reads besides Readability's article, found in one walk over the
 * document: on a large page every walk costs about as much as a small Readability step, and the metadata readers, the
 * social-embed unwrapper and the fallback body would otherwise walk it once each.
 */
import { nextInTree, tagOf } from './find-elements.js';

/** Elements of a freshly parsed page, each list in document order (as `querySelectorAll` would give it). */
export interface PageIndex {
  /** `script[type="application/ld+json"]`. */
  jsonLdScripts: Element[];
  /** `meta`. */
  metaTags: Element[];
  /** The first `title`. */
  title: Element | null;
  /** The first `link[rel=canonical]` (rel compared without case). */
  canonicalLink: Element | null;
  /** `blockquote` (social embeds are blockquotes). */
  blockquotes: Element[];
  /** The element the page marks as its article body: the first `[itemprop="articleBody"]`, else the first `article`. */
  markupBody: Element | null;
}

/**
 * Walks the document once and collects what `PageIndex` lists. Call it before anything changes the document. `source`
 * is the HTML it was parsed from, when known: attribute names cannot be escaped, so a source that never spells
 * "itemprop" has no element whose itemprop attribute needs reading.
 */
export function indexPage(document: Document, source?: string): PageIndex {
  const index: PageIndex = {
    jsonLdScripts: [],
    metaTags: [],
    title: null,
    canonicalLink: null,
    blockquotes: [],
    markupBody: null,
  };
  const found: Found = {
    itemprop: null,
    article: null,
    lookForItemprop: source === undefined || ITEMPROP.test(source),
  };
  visit(document, index, found);
  index.markupBody = found.itemprop ?? found.article;
  return index;
}

/** `script[type="application/ld+json"]` (the type compared without case, as in HTML). */
function isJsonLdScript(el: Element): boolean {
  return tagOf(el) === 'script' && el.getAttribute('type')?.toLowerCase() === 'application/ld+json';
}

/** `[itemprop="articleBody"], [itemprop="articlebody"]` (itemprop values are compared with case). */
function isArticleBodyProp(el: Element): boolean {
  const value = el.getAttribute('itemprop');
  return value === 'articleBody' || value === 'articlebody';
}

/** The first marked-up bodies met so far, and whether itemprop attributes can exist at all. */
interface Found {
  itemprop: Element | null;
  article: Element | null;
  lookForItemprop: boolean;
}

/** The attribute name in any case (the parser lower-cases attribute names). */
const ITEMPROP = /itemprop/i;

/** Goes through every element of the document once (a `<template>`'s content left out, as `querySelectorAll` does). */
function visit(document: Document, index: PageIndex, found: Found): void {
  for (let el = document.firstElementChild; el; el = nextInTree(el, document)) {
    indexElement(el, index, found);
    if (found.lookForItemprop && found.itemprop === null && isArticleBodyProp(el)) found.itemprop = el;
  }
}

/** Files one element under what it is: a meta tag, a JSON-LD script, the title, the canonical link, a quote, an article. */
function indexElement(el: Element, index: PageIndex, found: Found): void {
  const tag = tagOf(el);
  if (tag === 'meta') index.metaTags.push(el);
  else if (isJsonLdScript(el)) index.jsonLdScripts.push(el);
  else if (tag === 'title') index.title ??= el;
  else if (tag === 'link' && el.getAttribute('rel')?.toLowerCase() === 'canonical') index.canonicalLink ??= el;
  else if (tag === 'blockquote') index.blockquotes.push(el);
  else if (tag === 'article') found.article ??= el;
}
