import type { Diagnostic, Removal } from '../model.js';
import { collectMeta, type HtmlMeta } from './html/collect-meta.js';
import { dropJunkBlocks } from './html/drop-junk-blocks.js';
import {
  chooseBody,
  countWords,
  jsonLdCandidate,
  markupCandidate,
  markupCouldWin,
  markupTexts,
  SHORT_BODY_WORDS,
  type BodyCandidate,
} from './html/fallback-body.js';
import { indexPage } from './html/page-index.js';
import { parsePage } from './html/parse-page.js';
import { readJsonLd } from './html/read-json-ld.js';
import { readMetaTags } from './html/read-meta-tags.js';
import { renderText } from './html/render-text.js';
import { runReadability } from './html/run-readability.js';
import { pageSite } from './html/same-site.js';
import { unwrapSocialEmbeds } from './html/social-embeds.js';

/** What HTML extraction returns: the article body as plain text (paragraphs separated by blank lines). */
export interface HtmlExtraction {
  text: string;
  meta: HtmlMeta;
  removed: Removal[];
  diagnostics: Diagnostic[];
}

/**
 * Extracts the article body and metadata from an HTML page: metadata first (Readability rewrites the document),
 * then Readability's article element, cleaned of junk blocks and rendered as paragraphs. When that yields little, the
 * page's own articleBody (markup or JSON-LD) is used instead if it is clearly longer.
 */
export function extractHtml(html: string, options: { url?: string } = {}): HtmlExtraction {
  const document = parsePage(html);
  const page = indexPage(document, html);
  const jsonLd = readJsonLd(page.jsonLdScripts);
  const tags = readMetaTags(page.metaTags);
  const meta = collectMeta({
    document,
    titleElement: page.title,
    canonicalLink: page.canonicalLink,
    tags,
    jsonLd,
    url: options.url ?? null,
  });
  const context = { site: pageSite(meta.url), title: meta.title };
  // Readability rewrites the page: the fallback keeps what it needs to know of it first.
  const fallbackTexts = markupTexts(page.markupBody);
  unwrapSocialEmbeds(page.blockquotes);
  const article = runReadability(document);
  let body: BodyCandidate = { source: 'readability', paragraphs: [], removed: [] };
  if (article) {
    const junk = dropJunkBlocks(article.content, context);
    const rendered = renderText(article.content);
    body = { source: 'readability', paragraphs: rendered.paragraphs, removed: [...junk, ...rendered.removed] };
  }
  const diagnostics: Diagnostic[] = [];
  if (countWords(body.paragraphs, SHORT_BODY_WORDS) < SHORT_BODY_WORDS) {
    // The page is parsed again only when its marked-up body could be chosen.
    const markup = markupCouldWin(body, fallbackTexts) ? markupCandidate(html, context) : null;
    body = chooseBody(body, [markup, jsonLdCandidate(jsonLd?.articleBody ?? null)]);
    if (body.source !== 'readability') {
      diagnostics.push({
        level: 'info',
        code: 'html-body-fallback',
        message: `article body taken from the ${body.source}`,
      });
    }
  }
  if (body.paragraphs.length === 0) {
    diagnostics.push({ level: 'warning', code: 'html-no-body', message: 'no article body found in the HTML page' });
  }
  return { text: body.paragraphs.join('\n\n'), meta, removed: body.removed, diagnostics };
}
