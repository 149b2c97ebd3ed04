import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputFormat, RawArticle } from '../src/core/model.js';
import { readArticle } from '../src/core/read/read-article.js';
import { stripMarkdown } from '../src/core/read/strip-markdown.js';
import { findPublishedDate } from '../src/core/read/metadata/find-published-date.js';
import { REPO_ROOT } from './helpers/shared.js';

const PARAGRAPHS = [
  'Officials in the capital said on Tuesday that talks on the water agreement would resume next week after a pause.',
  'The minister told reporters that both delegations had agreed on a schedule for the remaining water talks.',
  'Negotiators from the two countries are expected to meet in Geneva, according to a statement from the ministry.',
];

function raw(content: string, format: InputFormat = 'text', meta: RawArticle['meta'] = {}): RawArticle {
  return { id: 'x', source: `input.${format}`, format, content, meta };
}

describe('markdown input', () => {
  const md = [
    '# Water talks to *resume* next week',
    '',
    `${PARAGRAPHS[0]!.replace('the water agreement', '[the water agreement](https://example.com/a)')}`,
    '',
    '![A delegation arrives](https://example.com/photo.jpg)',
    '',
    `> ${PARAGRAPHS[1]!.replace('both delegations', '**both delegations**')}`,
    '',
    '---',
    '',
    `- ${PARAGRAPHS[2]}`,
  ].join('\n');

  it('strips markup: heading to title, links to text, emphasis, images removed with a reason', () => {
    const r = readArticle(raw(md, 'markdown'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.value;
    expect(a.title).toBe('Water talks to resume next week');
    expect(a.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(a.removed.map((x) => x.reason)).toEqual(['markup', 'markup', 'title']);
    expect(a.removed[0]?.detail).toContain('image');
    expect(a.sentences).toHaveLength(3);
  });

  it('keeps code-free text unchanged and reports code blocks as removed', () => {
    const out = stripMarkdown('Plain line with snake_case_name and 2*3*4.\n\n```\nconst x = 1;\n```');
    expect(out.text.split('\n')[0]).toBe('Plain line with snake_case_name and 2*3*4.');
    expect(out.removed).toEqual([
      { text: 'const x = 1;', reason: 'markup', rule: 'markdown-code-block', detail: 'code block' },
    ]);
  });
});

describe('html input', () => {
  const page = `<!doctype html><html lang="en"><head><title>Water talks to resume</title>
    <meta property="og:title" content="Water talks to resume next week">
    <meta property="article:published_time" content="2022-03-03T10:00:00Z">
    </head><body><article><h1>Water talks to resume next week</h1>
    ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
    <p>Subscribe now for full access</p></article></body></html>`;

  it('extracts the body, cleans it like text and takes HTML metadata', () => {
    const r = readArticle(raw(page, 'html', { url: 'https://news.example.com/2022/03/02/water-talks' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.value;
    expect(a.title).toBe('Water talks to resume next week');
    expect(a.publishedAt).toMatchObject({ value: expect.stringMatching(/^2022-03-03/), inferred: false });
    for (const p of PARAGRAPHS) expect(a.text).toContain(p);
    expect(a.text).not.toContain('Subscribe');
  });

  it("lets the caller's metadata win over the page's", () => {
    const r = readArticle(raw(page, 'html', { title: 'Caller title', publishedAt: '2022-03-04' }));
    expect(r.ok && r.value.title).toBe('Caller title');
    expect(r.ok && r.value.publishedAt).toEqual({ value: '2022-03-04', inferred: false, basis: 'input metadata' });
  });

  it('fails on a page with no article', () => {
    const r = readArticle(
      raw('<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>', 'html'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.code).toBe('no-article-found');
    expect(r.failure.message).toContain('input.html');
  });
});

describe('failures as data', () => {
  it.each([
    ['', 'empty-input'],
    ['   \n\n\t  \n', 'empty-input'],
    ['\u0000\u0001\u0002PK\u0003\u0004\u0000\u0000binary\u0000\u0007\u0008', 'binary-input'],
    ['#### $$$ 1234 5678 ---- ==== 99 %%% &&& 42 **** 7 ////', 'not-prose'],
    ['home news sport weather', 'no-article-found'],
    ['Subscribe now for full access', 'no-article-found'],
  ])('rejects %j with %s', (content, code) => {
    const r = readArticle(raw(content));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.code).toBe(code);
    expect(r.failure.source).toBe('input.text');
    expect(r.failure.message).toMatch(/^input\.text: /);
  });

  it('reads HTML nested far too deeply for the parsers, its deep levels flattened (see cap-nesting)', () => {
    const prose = 'The senators said on Monday that the talks would go on for several more days. '.repeat(20);
    const deep = `${'<div>'.repeat(20000)}<p>The vote is set for Friday, aides said.</p>`;
    const r = readArticle(raw(`<html><body><article><p>${prose}</p>${deep}</article></body></html>`, 'html'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.text).toContain('The senators said on Monday');
    expect(r.value.text).toContain('The vote is set for Friday, aides said.');
  });

  it('accepts a single short finished sentence', () => {
    expect(readArticle(raw('The minister resigned on Monday.')).ok).toBe(true);
  });

  it('reads a date from the URL path as inferred and a stamp line as stated', () => {
    const body = PARAGRAPHS.join('\n\n');
    const a = readArticle(raw(body, 'text', { url: 'https://example.com/world/2021/05/17/talks' }));
    expect(a.ok && a.value.publishedAt).toEqual({ value: '2021-05-17', inferred: true, basis: 'url path' });
    const b = readArticle(raw(`Published May 18, 2021\n\n${body}`));
    expect(b.ok && b.value.publishedAt).toMatchObject({ value: '2021-05-18', inferred: false });
    expect(b.ok && b.value.outlet).toBeNull();
  });
});

describe('html fragments (no <html> or <body>)', () => {
  const fragment = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

  it.each([
    ['bare paragraphs', fragment],
    ['paragraphs in a <div>', `<div>${fragment}</div>`],
    ['a <body> without <html>', `<body>${fragment}</body>`],
    ['a <head> and <body> without <html>', `<head><title>Water talks</title></head><body>${fragment}</body>`],
  ])('reads %s like the same text in a whole page', (_label, html) => {
    const r = readArticle(raw(html, 'html'));
    const whole = readArticle(raw(`<!doctype html><html><head></head><body>${fragment}</body></html>`, 'html'));
    expect(r.ok).toBe(true);
    expect(whole.ok).toBe(true);
    if (!r.ok || !whole.ok) return;
    expect(r.value.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(r.value.text).toBe(whole.value.text);
  });

  it('keeps the title of a fragment with a <head>', () => {
    const r = readArticle(raw(`<head><title>Water talks</title></head><body>${fragment}</body>`, 'html'));
    expect(r.ok && r.value.title).toBe('Water talks');
  });

  it('still fails on a fragment of navigation links or with too few words', () => {
    for (const html of ['<nav><a href="/">Home</a> <a href="/news">News</a></nav>', '<p>Talks resume.</p>']) {
      const r = readArticle(raw(html, 'html'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.failure.code).toBe('no-article-found');
    }
  });
});

describe('publication date of an html page', () => {
  const page = (name: string): string => readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'html', name), 'utf8');

  it('marks a date whose only basis is the URL path as inferred', () => {
    const r = readArticle(raw(page('dated-by-url-only.html'), 'html'));
    expect(r.ok && r.value.publishedAt).toEqual({ value: '2022-09-14', inferred: true, basis: 'url path' });
    // The caller's URL gives the same evidence, and still no stated date.
    const given = readArticle(
      raw(page('dated-by-url-only.html'), 'html', { url: 'https://harbourpost.example/2022/09/15/ferry' }),
    );
    expect(given.ok && given.value.publishedAt).toEqual({ value: '2022-09-15', inferred: true, basis: 'url path' });
  });

  it('states a meta-tag date as not inferred, ahead of the URL path', () => {
    const r = readArticle(raw(page('dated-by-meta.html'), 'html'));
    expect(r.ok && r.value.publishedAt).toMatchObject({
      value: expect.stringMatching(/^2022-09-13/),
      inferred: false,
      basis: 'meta article:published_time',
    });
  });

  it('states a JSON-LD date as not inferred, ahead of the URL path', () => {
    const r = readArticle(raw(page('dated-by-json-ld.html'), 'html'));
    expect(r.ok && r.value.publishedAt).toMatchObject({
      value: expect.stringMatching(/^2022-09-12/),
      inferred: false,
      basis: 'json-ld datePublished',
    });
  });

  it('has no date when the page states none and its URL has no dated path', () => {
    const html = page('dated-by-url-only.html').replace(/\/2022\/09\/14\//, '/');
    const r = readArticle(raw(html, 'html'));
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.publishedAt).toBeNull();
  });

  it('prefers a stated stamp line over a date the page only infers from its URL', () => {
    const html = { value: '2021-05-17', basis: 'url path', inferred: true };
    expect(findPublishedDate({ html, stampLines: ['Published May 18, 2021'] })).toMatchObject({
      value: '2021-05-18',
      inferred: false,
    });
    expect(findPublishedDate({ html, stampLines: [] })).toEqual({ ...html, inferred: true });
    expect(findPublishedDate({ html: { ...html, inferred: false, basis: 'meta date' } })).toMatchObject({
      inferred: false,
    });
  });
});
