// The bound on nesting depth (cap-nesting.ts): the scanner and stack find the depths the parser builds, a page within
// the bound is never changed (every benchmark page), and any page, however malformed, parses to a tree within it with
// its text kept in order.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { moveContentIntoBody } from '../src/core/read/html/body-content.js';
import { capNesting, MAX_NESTING_DEPTH } from '../src/core/read/html/cap-nesting.js';
import { OpenElements, VOID_TAGS } from '../src/core/read/html/open-elements.js';
import { parsePage } from '../src/core/read/html/parse-page.js';
import { renderText } from '../src/core/read/html/render-text.js';
import { scanTags } from '../src/core/read/html/scan-tags.js';
import { hasExtractionPages, loadExtractionPages } from '../scripts/lib/extraction-pages.js';

/** The depth of the deepest element linkedom builds for `html` (`<html>` or the first element is level 1). */
function parsedDepth(html: string): number {
  const { document } = parseHTML(html);
  let max = 0;
  const stack: [Element, number][] = [];
  for (let el = document.firstElementChild; el; el = el.nextElementSibling) stack.push([el, 1]);
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    max = Math.max(max, depth);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return max;
}

/**
 * The depth of the deepest element the parser opens for `html`, by the model; with `voids`, also of elements without
 * content (`<br>`, `<img>`, the empty paragraph of a stray `</p>`), one level below their parent.
 */
function modelDepth(html: string, options: { voids: boolean } = { voids: true }): number {
  let max = 0;
  const stack = new OpenElements<null>();
  scanTags(html, {
    openName: (_, name) => {
      stack.open(name, null);
      max = Math.max(max, stack.depth + (options.voids && VOID_TAGS.has(name) ? 1 : 0));
    },
    openEnd: (_, selfClosing) => (selfClosing ? stack.selfClose() : stack.endOpen()),
    closeName: (_, name) => {
      // A stray `</br>` is a line break, a stray `</p>` an empty paragraph, one level below: both without content.
      if (options.voids && (name === 'br' || (name === 'p' && !stack.has('p')))) max = Math.max(max, stack.depth + 1);
      stack.close(name, null);
    },
    closeEnd: () => {},
  });
  return max;
}

/** Pieces of markup that exercise the parser's rules: implied closes, void and raw-text elements, foreign content. */
const PIECES = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<li>',
  '<ul>',
  '</ul>',
  '<td>',
  '<tr>',
  '<table>',
  '</table>',
  '<span class="a>b">',
  "<b title='x'>",
  '</b>',
  '<br>',
  '</br>',
  '<img src=x>',
  '<svg>',
  '</svg>',
  '<circle/>',
  '<div/>',
  '<math>',
  '<mi>',
  '<title>',
  '</title>',
  '<script>',
  '</script>',
  '<style>',
  '</style >',
  '<textarea>',
  '</textarea>',
  '<xmp>',
  '</xmp>',
  '<tmp>',
  '<!-- c -->',
  '<!-->',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<!doctype html>',
  '<?php x ?>',
  '</ div>',
  '</1>',
  '</>',
  '<',
  '>',
  '<select>',
  '<option>',
  '<input>',
  '<h1>',
  '<dd>',
  '<dt>',
  'text ',
  'more words ',
  '& ',
  '&amp; ',
];

/** Random markup made of those pieces. */
const markup = fc.array(fc.constantFrom(...PIECES), { maxLength: 100 }).map((parts) => parts.join(''));

describe('the scanner and stack model', () => {
  it('find the depth that linkedom builds, on any markup', () => {
    fc.assert(
      fc.property(markup, (html) => {
        // Closed, so that no tag is cut off by the end (the parser opens those, linkedom builds nothing).
        const doc = `${html}"'> end`;
        expect(modelDepth(doc)).toBe(parsedDepth(doc));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });
});

describe('capNesting', () => {
  it('leaves a page within the bound unchanged', () => {
    const page = `<html><body>${'<div>'.repeat(50)}<p>Text</p>${'</div>'.repeat(50)}</body></html>`;
    expect(capNesting(page)).toBe(page);
    fc.assert(
      fc.property(markup, (html) => {
        const doc = `${html}"'> end`;
        if (modelDepth(doc, { voids: false }) <= 8) expect(capNesting(doc, 8)).toBe(doc);
      }),
      { numRuns: 2000, seed: 14 },
    );
  });

  it('bounds the depth of any markup, however malformed (line breaks and images one level below)', () => {
    const deep = fc
      .tuple(fc.integer({ min: 1, max: 40 }), markup, markup)
      .map(([n, a, b]) => `${a}${'<div><span>'.repeat(n)}${b}`);
    fc.assert(
      fc.property(deep, (html) => {
        const capped = capNesting(html, 6);
        expect(modelDepth(capped, { voids: false })).toBeLessThanOrEqual(6);
        expect(parsedDepth(capped)).toBeLessThanOrEqual(7);
      }),
      { numRuns: 5000, seed: 15 },
    );
  });

  it('keeps the text of deep elements in order, with paragraph breaks for blocks', () => {
    const html = `<html><body>${'<div>'.repeat(5000)}<p>First paragraph.</p><p>Second <b>bold</b> one.</p>${'</div>'.repeat(5000)}<p>After.</p></body></html>`;
    const capped = capNesting(html);
    expect(parsedDepth(capped)).toBeLessThanOrEqual(MAX_NESTING_DEPTH + 1);
    const body = parsePage(html).body;
    expect(renderText(body).paragraphs).toEqual(['First paragraph.', 'Second bold one.', 'After.']);
  });

  it('leaves out the content of scripts, styles and raw-text elements beyond the bound', () => {
    const inner = '<script>var leak = "<div>script</div>";</script><style>.x{}</style><xmp><p>raw</p></xmp>';
    const html = `<html><body>${'<div>'.repeat(300)}${inner}<p>Kept text.</p>${'</div>'.repeat(300)}</body></html>`;
    const text = parsePage(html).body.textContent ?? '';
    expect(text).toContain('Kept text.');
    expect(text).not.toMatch(/leak|\.x|raw/);
  });

  it('bounds unclosed tags and closing tags that match nothing', () => {
    for (const html of ['<div>'.repeat(20000), '<div></b>'.repeat(20000), '<li><ul>'.repeat(20000)]) {
      expect(parsedDepth(capNesting(`<html><body>${html}<p>End.</p></body></html>`))).toBeLessThanOrEqual(
        MAX_NESTING_DEPTH + 1,
      );
    }
  });
});

describe.skipIf(!hasExtractionPages())('capNesting on the extraction benchmark pages', () => {
  it('changes none of them', () => {
    for (const page of loadExtractionPages()) expect(capNesting(page.html) === page.html, page.id).toBe(true);
  });
});

describe('parsePage on fragments', () => {
  /** The fragment rebuilt with the regular expressions the page reader used before (quadratic on some texts). */
  function rebuiltBefore(html: string): string {
    const head = /<head\b[^>]*>([\s\S]*?)<\/head\s*>/i;
    const body = html.replace(head, '').replace(/<!doctype[^>]*>|<\/?(?:html|head|body)\b[^>]*>/gi, '');
    return `<!doctype html><html><head>${head.exec(html)?.[1] ?? ''}</head><body>${body}</body></html>`;
  }

  it('rebuilds a fragment as a document as the regular expressions did (content then moved into the body)', () => {
    const fragment = fc
      .array(
        fc.constantFrom(
          '<head>',
          '<head x>',
          '</head>',
          '</HEAD >',
          '<!doctype html>',
          '<!DOCTYPE',
          '<body>',
          '</body>',
          '<p>',
          'text ',
          '>',
          '<headline>',
          '<title>T</title>',
        ),
        { maxLength: 30 },
      )
      .map((parts) => `<p>${parts.join('')}`);
    fc.assert(
      fc.property(fragment, (html) => {
        const { document } = parseHTML(capNesting(rebuiltBefore(html)));
        moveContentIntoBody(document);
        expect(parsePage(html).toString()).toBe(document.toString());
      }),
      { numRuns: 2000, seed: 16 },
    );
  });
});
