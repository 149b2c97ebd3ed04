import type { Diagnostic, Removal } from '../model.js';

/** Metadata found in an HTML page (meta tags, Open Graph, JSON-LD, URL). */
export interface HtmlMeta {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  /** ISO date or date-time with the place it was found. */
  publishedAt: { value: string; basis: string } | null;
  language: string | null;
  url: string | null;
}

/** What HTML extraction returns: the article body as plain text (paragraphs separated by blank lines). */
export interface HtmlExtraction {
  text: string;
  meta: HtmlMeta;
  removed: Removal[];
  diagnostics: Diagnostic[];
}

/** Extracts the article body and metadata from an HTML page. PLACEHOLDER: replaced by the HTML extraction work. */
export function extractHtml(html: string, options: { url?: string } = {}): HtmlExtraction {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|h\d|li)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '');
  return {
    text,
    meta: { title: null, byline: null, outlet: null, publishedAt: null, language: null, url: options.url ?? null },
    removed: [],
    diagnostics: [],
  };
}
