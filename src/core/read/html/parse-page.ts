/** Parses an HTML string with linkedom into a document that always has `<html>`, `<head>` and `<body>`. */
import { parseHTML } from 'linkedom';
import { moveContentIntoBody } from './body-content.js';
import { capNesting } from './cap-nesting.js';
import { callMarkupLibrary } from './markup-library-error.js';

/*
 * The fragment's document-level tags are found by hand rather than with one regular expression such as
 * `/<head\b[^>]*>([\s\S]*?)<\/head\s*>/`: tried at every `<head` of a text with no `>` or `</head>` after it, such a
 * pattern scans to the end each time, which takes time in the square of the text's length. Each search below goes
 * through the text once.
 */

/** Where a tag starts: `<head`, and the document-level tags a fragment may carry without an `<html>` root. */
const HEAD_START = /<head\b/gi;
const HEAD_END = /<\/head\s*>/gi;
const DOCUMENT_TAG_START = /<!doctype|<\/?(?:html|head|body)\b/gi;

/** The first `<head ...>...</head>` section: its start and end, and where its content starts and ends; null if none. */
function findHead(html: string): { start: number; end: number; content: string } | null {
  HEAD_START.lastIndex = 0;
  const open = HEAD_START.exec(html);
  if (!open) return null;
  const gt = html.indexOf('>', open.index + open[0].length);
  if (gt < 0) return null;
  HEAD_END.lastIndex = gt + 1;
  // No closing tag after the first opening tag means none after any later one either.
  const close = HEAD_END.exec(html);
  if (!close) return null;
  return { start: open.index, end: close.index + close[0].length, content: html.slice(gt + 1, close.index) };
}

/** The text without its doctype, `<html>`, `<head>` and `<body>` tags (each up to the first `>` after it). */
function dropDocumentTags(html: string): string {
  const parts: string[] = [];
  let done = 0;
  DOCUMENT_TAG_START.lastIndex = 0;
  for (let m = DOCUMENT_TAG_START.exec(html); m; m = DOCUMENT_TAG_START.exec(html)) {
    const gt = html.indexOf('>', m.index + m[0].length);
    // With no `>` left, no later tag can end either.
    if (gt < 0) break;
    parts.push(html.slice(done, m.index));
    done = gt + 1;
    DOCUMENT_TAG_START.lastIndex = done;
  }
  parts.push(html.slice(done));
  return parts.join('');
}

/**
 * Parses a page. linkedom does not build a document around a fragment: the first element becomes the root, and asking
 * for `document.body` then inserts an empty head and body inside that element, so the text is never in the body. A
 * fragment (no `<html>` root: a bare `<p>...</p>`, a `<body>` without `<html>`, empty input) is therefore rebuilt as a
 * whole document, with any `<head>` section it has kept as the head. Nesting is bounded first (`cap-nesting.ts`), and
 * content outside the body is moved into it (`body-content.ts`). What the parser throws is an InputFailureError (see markup-library-error.ts).
 */
export function parsePage(html: string): Document {
  const document = parse(html);
  // Only the root is checked: reading `body` or `head` of a fragment would modify it.
  if (document.documentElement?.localName === 'html') return withContentInBody(document);
  const head = findHead(html);
  const rest = head ? html.slice(0, head.start) + html.slice(head.end) : html;
  const body = dropDocumentTags(rest);
  return withContentInBody(
    parse(`<!doctype html><html><head>${head?.content ?? ''}</head><body>${body}</body></html>`),
  );
}

function parse(html: string): Document {
  // Our own step stays outside the library's guard: a bug in it is ours, not the page's.
  const capped = capNesting(html);
  return callMarkupLibrary('linkedom', () => parseHTML(capped).document);
}

function withContentInBody(document: Document): Document {
  moveContentIntoBody(document);
  return document;
}
