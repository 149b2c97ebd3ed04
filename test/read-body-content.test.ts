// Pages whose content the tags put outside <body> (an unclosed head, text after </body> or </html>, a frameset) are
// read as browsers read them: the content is moved into the body before Readability runs, which used to throw on them
// or lose their text.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../src/core/read/html/parse-page.js';
import { readArticle } from '../src/core/read/read-article.js';

const PARAGRAPHS = [
  'The ferry to Marlow Island resumed on Sunday after storms kept it in port for three days, the operator said.',
  'Captain Ines Walde told reporters that about 1,200 passengers had waited on the mainland for the crossing.',
  'The harbour master said the next storm was expected on Thursday and that sailings could stop again then.',
];
const BODY = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

const PAGES: Record<string, string> = {
  'a head never closed': `<html><head><title>Ferry back</title><meta name="author" content="A. Reporter">${BODY}`,
  'content inside the head': `<html><head><title>Ferry back</title>${BODY}</head><body></body></html>`,
  'content after </body>': `<html><head><title>Ferry back</title></head><body></body>${BODY}</html>`,
  'content after </html>': `<html><head><title>Ferry back</title></head><body></body></html>${BODY}`,
  'a frameset beside the body': `<html><head><title>Ferry back</title></head><frameset>${BODY}</frameset></html>`,
  'a fragment with a head that holds the text': `<head><title>Ferry back</title>${BODY}</head>`,
};

describe('content outside the body', () => {
  for (const [shape, html] of Object.entries(PAGES)) {
    it(`is read from ${shape}`, () => {
      const read = readArticle({ id: 'a', source: 'page.html', format: 'html', content: html, meta: {} });
      expect(read.ok, JSON.stringify(read)).toBe(true);
      if (!read.ok) return;
      for (const p of PARAGRAPHS) expect(read.value.text).toContain(p);
    });
  }

  it('is moved into the body in document order, head elements kept in the head', () => {
    const html = `<html><head><title>T</title><meta name="a" content="b"><p>one</p><meta name="c" content="d"></head><p>two</p><body><p>three</p></body><p>four</p></html><p>five</p>`;
    const document = parsePage(html);
    expect(document.head.querySelector('title')?.textContent).toBe('T');
    expect(document.head.querySelectorAll('p')).toHaveLength(0);
    expect([...document.body.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
    ]);
    expect(document.querySelectorAll('meta')).toHaveLength(2);
  });

  it('leaves a well-formed page as it is', () => {
    const html = `<!doctype html><html><head><title>T</title>\n</head>\n<body>${BODY}</body>\n</html>\n`;
    expect(parsePage(html).toString()).toBe(parseHTML(html).document.toString());
  });
});
