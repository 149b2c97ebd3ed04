/**
 * A second source for the body when Readability returns little or nothing: the article text that the page states
 * in its markup (`itemprop="articleBody"`) or in its JSON-LD `articleBody`. The longest of them wins, and only when it is
 * clearly longer than what Readability found, so that a short real article is never replaced by a teaser.
 */
import type { Removal } from '../../model.js';
import { countMatches, LETTER_RUNS } from '../count-letters.js';
import { dropJunkBlocks, type JunkContext } from './drop-junk-blocks.js';
import { indexPage } from './page-index.js';
import { parsePage } from './parse-page.js';
import { renderText } from './render-text.js';

/** Readability output with fewer words than this is checked against the other sources. */
export const SHORT_BODY_WORDS = 150;
/** Another source must have this many times the words to replace Readability's output. */
const MIN_GAIN = 1.5;

/** A body candidate: its paragraphs and what was removed on the way. */
export interface BodyCandidate {
  source: string;
  paragraphs: string[];
  removed: Removal[];
}

/** Counts letter words, the unit of the length comparisons; with a `limit`, only up to it (see `countMatches`). */
export function countWords(paragraphs: readonly string[], limit = Infinity): number {
  let n = 0;
  for (const p of paragraphs) {
    if (n >= limit) break;
    n += countMatches(p, LETTER_RUNS, limit - n);
  }
  return n;
}

/** The JSON-LD `articleBody` as paragraphs (it is plain text, sometimes with HTML markup inside). */
export function jsonLdCandidate(articleBody: string | null): BodyCandidate | null {
  if (!articleBody || !articleBody.trim()) return null;
  if (/<\/?(p|div|br|span|a)\b/i.test(articleBody)) {
    return { source: 'json-ld articleBody', ...renderText(parsePage(articleBody).body) };
  }
  const paragraphs = articleBody
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return { source: 'json-ld articleBody', paragraphs, removed: [] };
}

/**
 * The texts of the page's marked-up article body (see `PageIndex.markupBody`) as parsed, taken before Readability
 * rewrites the page; null when the page marks none. They bound what `markupCandidate` can yield (see
 * `markupCouldWin`), so that the page is parsed a second time only when that candidate could be chosen.
 */
export function markupTexts(markupBody: Element | null): string[] | null {
  if (!markupBody) return null;
  const texts: string[] = [];
  collectTexts(markupBody, texts);
  return texts;
}

function collectTexts(node: Node, out: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 || child.nodeType === 4) out.push(child.nodeValue ?? '');
    else if (child.nodeType === 1) collectTexts(child, out);
  }
}

/**
 * False when the markup candidate cannot replace `primary` in `chooseBody`. Its paragraphs are made of pieces of the
 * element's text nodes (junk removal and rendering only drop text, and join pieces with non-letters), so it has at most
 * as many words as the text nodes have letter runs in all.
 */
export function markupCouldWin(primary: BodyCandidate, texts: readonly string[] | null): boolean {
  if (texts === null) return false;
  const floor = Math.max(1, countWords(primary.paragraphs)) * MIN_GAIN;
  let bound = 0;
  for (const t of texts) {
    bound += countMatches(t, LETTER_RUNS);
    if (bound >= floor) return true;
  }
  return false;
}

/** The element the page marks as its article body, cleaned like Readability's output. */
export function markupCandidate(html: string, context: JunkContext): BodyCandidate | null {
  const el = indexPage(parsePage(html), html).markupBody;
  if (!el) return null;
  const removed = dropJunkBlocks(el, context);
  const rendered = renderText(el);
  return {
    source: el.tagName === 'ARTICLE' ? 'article element' : 'itemprop articleBody',
    paragraphs: rendered.paragraphs,
    removed: [...removed, ...rendered.removed],
  };
}

/** The candidate to use: `primary` unless another is at least MIN_GAIN times longer. */
export function chooseBody(primary: BodyCandidate, others: readonly (BodyCandidate | null)[]): BodyCandidate {
  let best = primary;
  let bestWords = countWords(primary.paragraphs);
  const floor = Math.max(1, bestWords) * MIN_GAIN;
  for (const c of others) {
    if (!c) continue;
    const words = countWords(c.paragraphs);
    if (words >= floor && words > bestWords) [best, bestWords] = [c, words];
  }
  return best;
}
