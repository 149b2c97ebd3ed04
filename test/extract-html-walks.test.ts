// The selector-free element walks, the one-walk page index and the fallback's word bound give exactly what the
// selector queries and the second parse they replace give, on the real benchmark pages.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { countWords, markupCandidate, markupCouldWin, markupTexts } from '../src/core/read/html/fallback-body.js';
import { findAll, findFirst, tagOf } from '../src/core/read/html/find-elements.js';
import { indexPage } from '../src/core/read/html/page-index.js';
import { parsePage } from '../src/core/read/html/parse-page.js';
import { hasExtractionPages, loadExtractionPages } from '../scripts/lib/extraction-pages.js';
import { describeWith } from './helpers/shared.js';

/** Selectors the extraction used to ask linkedom, with the tests that replace them. */
const QUERIES: [string, (el: Element) => boolean][] = [
  ['p', (el) => tagOf(el) === 'p'],
  ['a', (el) => tagOf(el) === 'a'],
  ['time', (el) => tagOf(el) === 'time'],
  ['tr', (el) => tagOf(el) === 'tr'],
  ['[class], [id]', (el) => el.hasAttribute('class') || el.hasAttribute('id')],
];

/** A few pages are enough to cover many page templates; all 88 would make the test slow. */
const PAGE_SAMPLE = 12;

describe('find-elements on a small page', () => {
  const document = parsePage(
    '<html><head><title>T</title></head><body><div id="a"><p>One</p><template><p>hidden</p></template>' +
      '<section><P class="x">Two</P></section></div></body></html>',
  );

  it('finds descendants in document order and skips template content, as querySelectorAll does', () => {
    const found = findAll(document, (el) => tagOf(el) === 'p');
    expect(found.map((el) => el.textContent)).toEqual(['One', 'Two']);
    expect(found).toEqual([...document.querySelectorAll('p')]);
    expect(findFirst(document, (el) => tagOf(el) === 'section')).toBe(document.querySelector('section'));
  });

  it('walks a page nested thousands of levels deep without exhausting the call stack', () => {
    // Parsed without the reader's nesting bound (parsePage caps it), to walk the deep tree itself.
    const deep = parseHTML(`<html><body>${'<div>'.repeat(20000)}<p>Deep</p></body></html>`).document;
    expect(findAll(deep, (el) => tagOf(el) === 'div')).toHaveLength(20000);
    expect(findFirst(deep, (el) => tagOf(el) === 'p')?.textContent).toBe('Deep');
    expect(indexPage(deep).blockquotes).toEqual([]);
  });

  it('finds nothing when no element passes (negative)', () => {
    expect(findAll(document, (el) => tagOf(el) === 'article')).toEqual([]);
    expect(findFirst(document, (el) => tagOf(el) === 'article')).toBeNull();
  });

  it('has no markup body and no fallback texts when the page marks none (negative)', () => {
    const index = indexPage(document);
    expect(index.markupBody).toBeNull();
    expect(markupTexts(index.markupBody)).toBeNull();
    expect(markupCouldWin({ source: 'readability', paragraphs: [], removed: [] }, null)).toBe(false);
  });
});

describeWith(hasExtractionPages(), 'the extraction pages (eval/extraction)')(
  'find-elements and page index on the benchmark pages',
  () => {
    const pages = hasExtractionPages() ? loadExtractionPages().slice(0, PAGE_SAMPLE) : [];

    it('walks find what querySelectorAll finds, from the document and from inner elements', () => {
      for (const page of pages) {
        const document = parsePage(page.html);
        const roots = [document, ...[...document.querySelectorAll('div, ul, table')].filter((_, i) => i % 11 === 0)];
        for (const root of roots)
          for (const [selector, test] of QUERIES) {
            expect(findAll(root, test)).toEqual([...root.querySelectorAll(selector)]);
            expect(findFirst(root, test)).toBe(root.querySelector(selector));
          }
      }
    });

    it('indexes the elements the metadata readers and the fallback used to query', () => {
      for (const page of pages) {
        const document = parsePage(page.html);
        const index = indexPage(document);
        expect(index.jsonLdScripts).toEqual([...document.querySelectorAll('script[type="application/ld+json"]')]);
        expect(index.metaTags).toEqual([...document.querySelectorAll('meta')]);
        expect(index.blockquotes).toEqual([...document.querySelectorAll('blockquote')]);
        expect(index.title).toBe(document.querySelector('title'));
        const markup =
          document.querySelector('[itemprop="articleBody"], [itemprop="articlebody"]') ??
          document.querySelector('article');
        expect(index.markupBody).toBe(markup);
      }
    });

    it('bounds the words of the markup candidate by the letter runs of its text nodes', () => {
      let checked = 0;
      for (const page of pages) {
        const texts = markupTexts(indexPage(parsePage(page.html)).markupBody);
        const candidate = markupCandidate(page.html, { site: null, title: null });
        expect(texts === null).toBe(candidate === null);
        if (!texts || !candidate) continue;
        const words = countWords(candidate.paragraphs);
        if (words === 0) continue;
        checked++;
        // A primary body with a third of the words (floor = 1.5 x) must leave the candidate in the running.
        const primary = { source: 'readability', paragraphs: ['w '.repeat(Math.floor(words / 1.5))], removed: [] };
        expect(markupCouldWin(primary, texts)).toBe(true);
      }
      expect(checked).toBeGreaterThan(0);
    });
  },
);
