/** Parses an HTML string with linkedom into a document that always has `<html>`, `<head>` and `<body>`. */
import { parseHTML } from 'linkedom';
import { capNesting } from './cap-nesting.js';

/** The `<head>` section of a page, with its content. */
const HEAD = /<head\b[^>]*>([\s\S]*?)<\/head\s*>/i;
/** Document-level tags that a fragment may carry without an `<html>` root. */
const DOCUMENT_TAGS = /<!doctype[^>]*>|<\/?(?:html|head|body)\b[^>]*>/gi;

/**
 * Parses a page. linkedom does not build a document around a fragment: the first element becomes the root, and asking
 * for `document.body` then inserts an empty head and body inside that element, so the text is never in the body. A
 * fragment (no `<html>` root: a bare `<p>...</p>`, a `<body>` without `<html>`, empty input) is therefore rebuilt as a
 * whole document, with any `<head>` section it has kept as the head. Nesting is bounded first (`cap-nesting.ts`).
 */
export function parsePage(html: string): Document {
  const { document } = parseHTML(capNesting(html));
  // Only the root is checked: reading `body` or `head` of a fragment would modify it.
  if (document.documentElement?.localName === 'html') return document;
  const head = HEAD.exec(html)?.[1] ?? '';
  const body = html.replace(HEAD, '').replace(DOCUMENT_TAGS, '');
  return parseHTML(capNesting(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`)).document;
}
