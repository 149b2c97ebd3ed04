/**
 * Tells what a source is from its text, with the Content-Type as a hint only: servers label feeds `text/html` or
 * `application/octet-stream`, and a captive portal answers an HTML page under any label. XML is recognised by its root
 * element, JSON by its shape, and a text of web addresses by its lines.
 */
import type { SourceKind } from './types.js';

/** What a source is: one of the kinds Parallax reads, an HTML page, or unknown (null). */
export type DetectedKind = SourceKind | 'html' | null;

/** XML declaration, processing instructions, comments, white space and a DOCTYPE (with its internal subset). */
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i;
const ROOT = /^<([A-Za-z_][\w.:-]*)/;
/** How much of a source is looked at to find its root element. */
const SNIFF_CHARS = 64 * 1024;

const ROOTS: Readonly<Record<string, SourceKind | 'html'>> = {
  rss: 'rss',
  'rdf:rdf': 'rdf',
  rdf: 'rdf',
  feed: 'atom',
  opml: 'opml',
  urlset: 'sitemap',
  sitemapindex: 'sitemap-index',
  html: 'html',
};

/** The lower-cased name of the root element of an XML or HTML text, or null when none is found near its start. */
export function rootElement(text: string): string | null {
  const head = text.slice(0, SNIFF_CHARS);
  const rest = head.slice(PROLOG.exec(head)?.[0].length ?? 0);
  return ROOT.exec(rest)?.[1]?.toLowerCase() ?? null;
}

function isHtmlType(mediaType: string): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

function detectMarkup(text: string, mediaType: string): DetectedKind {
  if (/^\s*<!doctype\s+html\b/i.test(text)) return 'html';
  const root = rootElement(text);
  const kind = root === null ? undefined : (ROOTS[root] ?? ROOTS[root.replace(/^[\w.-]+:/, '')]);
  if (kind) return kind;
  // A fragment of a page (`<head>`, `<body>`, `<div>` as the first element) or a page labelled as one.
  if (isHtmlType(mediaType) || /<(?:head|body)\b/i.test(text.slice(0, SNIFF_CHARS))) return 'html';
  return null;
}

function detectJson(text: string, mediaType: string): DetectedKind {
  if (/^application\/(?:x-)?(?:ndjson|jsonl|jsonlines|json-seq)$/.test(mediaType)) return 'jsonl';
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const version = (value as { version?: unknown }).version;
    if (typeof version === 'string' && /jsonfeed\.org\/version\//i.test(version)) return 'json-feed';
    // One object on one line is a stream of one article; an object spread over lines is some other JSON document.
    return text.trim().includes('\n') ? null : 'jsonl';
  } catch {
    // Several JSON values, one a line, are a JSON Lines stream when the first line is one object.
    const first = text.trimStart().split('\n', 1)[0] ?? '';
    try {
      const value: unknown = JSON.parse(first);
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? 'jsonl' : null;
    } catch {
      return null;
    }
  }
}

/** True for a line that is an http(s) address (a URL list line). */
export function isUrlLine(line: string): boolean {
  return /^https?:\/\/\S+$/i.test(line.trim());
}

/** Detects the kind of a decoded source; `mediaType` is the Content-Type without parameters, lower case, or ''. */
export function detectKind(text: string, mediaType: string): DetectedKind {
  const start = text.trimStart();
  if (start.startsWith('<')) return detectMarkup(start, mediaType);
  if (start.startsWith('{') || start.startsWith('[')) return detectJson(start, mediaType);
  if (isHtmlType(mediaType)) return 'html';
  const lines = start.slice(0, SNIFF_CHARS).split(/\r?\n/, 50);
  return lines.some(isUrlLine) ? 'url-list' : null;
}
