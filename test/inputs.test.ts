import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/engine/inputs/decode-bytes.js';
import { sniffFormat } from '../src/engine/inputs/detect-format.js';
import { looksBinary } from '../src/engine/inputs/looks-binary.js';
import { readArticleObjects, readInputs } from '../src/engine/inputs/read-inputs.js';
import { readUploadedFile } from '../src/engine/inputs/read-named-bytes.js';
import { REPO_ROOT, describeShared, seedNames, seedPath } from './helpers/shared.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'inputs');
const fixture = (name: string): string => join(FIXTURES, name);
const read = (inputs: Parameters<typeof readInputs>[0], options: Parameters<typeof readInputs>[1] = {}) =>
  readInputs(inputs, { cwd: FIXTURES, ...options });

describe('reading files by extension', () => {
  it('reads a .txt file as text with the file name as id and the path as source', async () => {
    const result = await read(['plain.txt']);
    expect(result.failures).toEqual([]);
    expect(result.articles).toHaveLength(1);
    const [article] = result.articles;
    expect(article).toMatchObject({ id: 'plain', source: 'plain.txt', format: 'text', meta: {} });
    expect(article?.content).toBe(readFileSync(fixture('plain.txt'), 'utf8'));
  });

  it('reads .html and .md files in their formats', async () => {
    const result = await read(['article.html', 'article.md']);
    expect(result.articles.map((a) => [a.id, a.format])).toEqual([
      ['article', 'html'],
      ['article-2', 'markdown'],
    ]);
  });

  it('reads one JSON article object with its metadata and the file name as id', async () => {
    const result = await read(['story.json']);
    expect(result.failures).toEqual([]);
    expect(result.articles[0]).toMatchObject({
      id: 'story',
      source: 'story.json',
      format: 'text',
      meta: { title: 'Museum receives donated paintings', outlet: 'Example Gazette', publishedAt: '2024-03-05' },
    });
  });

  it('reads {articles: [...]}: a bad entry is one failure and the others go on', async () => {
    const result = await read(['list.json']);
    expect(result.articles.map((a) => [a.source, a.format])).toEqual([
      ['list.json#1', 'text'],
      ['list.json#3', 'html'],
    ]);
    expect(result.articles[0]?.id).toBe('first');
    expect(result.articles[1]?.id).toMatch(/^[0-9a-z]{6,12}$/);
    expect(result.articles[1]?.meta.outlet).toBe('Valley News');
    expect(result.failures).toEqual([
      { source: 'list.json#2', code: 'bad-article', message: expect.stringContaining('needs a "text" or an "html"') },
    ]);
  });

  it('reads JSON Lines: one article a line, a bad line is one failure naming its line', async () => {
    const result = await read(['lines.jsonl']);
    expect(result.articles.map((a) => a.source)).toEqual(['lines.jsonl#1', 'lines.jsonl#4']);
    expect(result.articles[1]).toMatchObject({ format: 'html', meta: { publishedAt: '2024-02-01' } });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ source: 'lines.jsonl#2', code: 'bad-json' });
    expect(result.failures[0]?.message).toMatch(/^lines\.jsonl#2: not valid JSON/);
  });

  it('gives content-hash ids that are stable across runs', async () => {
    const [a, b] = await Promise.all([read(['lines.jsonl']), read(['lines.jsonl'])]);
    expect(a.articles.map((x) => x.id)).toEqual(b.articles.map((x) => x.id));
    expect(new Set(a.articles.map((x) => x.id)).size).toBe(2);
  });
});

describe('bad inputs become failures naming the input and the reason', () => {
  const cases: [string, string, RegExp][] = [
    ['empty.txt', 'empty-input', /^empty\.txt: the input is empty$/],
    ['blank.txt', 'empty-input', /^blank\.txt: the input holds only white space$/],
    ['binary.txt', 'binary-input', /^binary\.txt: looks like a binary file \(contains NUL bytes\)/],
    ['notes.pdf', 'unsupported-format', /^notes\.pdf: unsupported file extension \.pdf \(supported: \.txt/],
    ['missing.txt', 'not-found', /^missing\.txt: no such file or folder$/],
    ['no/such/folder', 'not-found', /^no\/such\/folder: no such file or folder$/],
  ];
  it.each(cases)('%s fails with %s', async (name, code, message) => {
    const result = await read([name]);
    expect(result.articles).toEqual([]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ source: name, code });
    expect(result.failures[0]?.message).toMatch(message);
  });

  it('fails a file over the size limit without reading it, naming both sizes', async () => {
    const result = await read(['plain.txt'], { maxBytes: 100 });
    expect(result.failures[0]).toMatchObject({ source: 'plain.txt', code: 'too-large' });
    expect(result.failures[0]?.message).toBe('plain.txt: 285 bytes is over the size limit of 100 bytes');
  });

  it('keeps good inputs when others fail, in input order', async () => {
    const result = await read(['missing.txt', 'plain.txt', 'empty.txt', 'article.md']);
    expect(result.articles.map((a) => a.source)).toEqual(['plain.txt', 'article.md']);
    expect(result.failures.map((f) => f.source)).toEqual(['missing.txt', 'empty.txt']);
  });
});

describe('article objects', () => {
  it('validates fields and names each object input#n', () => {
    const result = readArticleObjects([
      { text: 'A short text about a council meeting on Monday.', title: 'Council', url: 'https://example.org/a' },
      { text: 'x', html: '<p>x</p>' },
      { text: 42 },
      { text: 'Body.', publishedAt: 'last Tuesday' },
      'not an object',
      { html: '<p>Body</p>', id: 'given', extra: true },
    ]);
    expect(result.articles.map((a) => [a.source, a.id])).toEqual([
      ['input#1', expect.stringMatching(/^[0-9a-z]+$/)],
      ['input#6', 'given'],
    ]);
    expect(result.articles[1]?.diagnostics?.[0]).toMatchObject({
      code: 'unknown-fields',
      message: 'ignored unknown fields: extra',
    });
    expect(result.failures.map((f) => f.message)).toEqual([
      'input#2: give "text" or "html", not both',
      'input#3: the field "text" (a number) must be a string or null',
      'input#4: "publishedAt" is not an ISO 8601 date: "last Tuesday"',
      'input#5: expected an article object {text|html, title?, url?, ...}',
    ]);
  });

  it('makes repeated ids unique (-2, -3) without changing the first', () => {
    const result = readArticleObjects([
      { id: 'same', text: 'One.' },
      { id: 'same', text: 'Two.' },
      { id: 'same', text: 'Three.' },
    ]);
    expect(result.articles.map((a) => a.id)).toEqual(['same', 'same-2', 'same-3']);
  });

  it('reads objects mixed with paths in readInputs', async () => {
    const result = await read([{ text: 'An object article with a sentence.' }, 'plain.txt']);
    expect(result.articles.map((a) => a.source)).toEqual(['input#1', 'plain.txt']);
  });
});

describe('folders', () => {
  it('reads every supported file recursively in sorted order, notes skipped files, ignores hidden ones', async () => {
    const result = await read(['folder']);
    expect(result.failures).toEqual([]);
    expect(result.articles.map((a) => [a.id, a.source, a.format])).toEqual([
      ['a-first', join('folder', 'a-first.txt'), 'text'],
      ['b-second', join('folder', 'b-second.html'), 'html'],
      ['c-third', join('folder', 'sub', 'c-third.md'), 'markdown'],
    ]);
    expect(result.notes).toEqual([
      {
        source: join('folder', 'readme.rtf'),
        code: 'skipped-unsupported',
        message: expect.stringContaining('skipped'),
      },
    ]);
  });

  it('fails a folder without supported files, still noting what it skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-inputs-'));
    writeFileSync(join(dir, 'photo.jpg'), 'not an article');
    const result = await readInputs([dir]);
    expect(result.articles).toEqual([]);
    expect(result.failures).toEqual([
      { source: dir, code: 'empty-folder', message: `${dir}: the folder holds no supported files` },
    ]);
    expect(result.notes.map((n) => n.source)).toEqual([join(dir, 'photo.jpg')]);
  });

  it('reports progress once per file after expanding folders', async () => {
    const events: string[] = [];
    await read(['folder', 'plain.txt'], { onInput: (e) => events.push(`${e.done}/${e.total}`) });
    expect(events).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });
});

describe('encodings', () => {
  it('decodes windows-1252 and records how', async () => {
    const result = await read(['legacy-1252.txt']);
    const [article] = result.articles;
    expect(article?.content).toContain('René Dupré');
    expect(article?.content).toContain('300 €');
    expect(article?.content).toContain('“too strict”');
    expect(article?.diagnostics).toEqual([
      { level: 'info', code: 'not-utf8', message: 'decoded as windows-1252 (not UTF-8; encoding detected)' },
    ]);
  });

  it('decodes KOI8-R and Shift_JIS', async () => {
    const result = await read(['legacy-koi8r.txt', 'legacy-shift-jis.txt']);
    expect(result.failures).toEqual([]);
    expect(result.articles[0]?.content).toContain('Городской совет');
    expect(result.articles[0]?.diagnostics?.[0]?.message).toMatch(/^decoded as koi8-r/);
    expect(result.articles[1]?.content).toContain('市議会');
    expect(result.articles[1]?.diagnostics?.[0]?.message).toMatch(/^decoded as shift_jis/);
  });

  it('decodes UTF-16 with a byte-order mark (which holds NUL bytes) instead of calling it binary', async () => {
    const result = await read(['utf16-bom.txt']);
    expect(result.failures).toEqual([]);
    expect(result.articles[0]?.content.startsWith('Café owners')).toBe(true);
    expect(result.articles[0]?.diagnostics?.[0]?.message).toBe('decoded as UTF-16LE (byte-order mark)');
  });

  it('reads valid UTF-8 (with or without BOM) with no diagnostic', () => {
    const withBom = decodeBytes('x', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zoë said “no”.')]));
    expect(withBom).toEqual({ ok: true, value: { text: 'Zoë said “no”.', diagnostics: [] } });
  });

  it('honours a declared charset and an HTML meta charset', () => {
    const bytes = iconv.encode('Ærø, señor', 'iso-8859-15');
    const declared = decodeBytes('u', bytes, { declaredCharset: 'ISO-8859-15' });
    expect(declared.ok && declared.value.text).toBe('Ærø, señor');
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-7"></head><p>'),
      iconv.encode('Αθήνα', 'iso-8859-7'),
    ]);
    const meta = decodeBytes('p.html', html, { html: true });
    expect(meta.ok && meta.value.text).toContain('Αθήνα');
    expect(meta.ok && meta.value.diagnostics[0]?.message).toBe('decoded as iso-8859-7 (declared by <meta charset>)');
  });

  it('calls many control characters binary but keeps tabs, form feeds and ISO-2022 escapes', () => {
    expect(looksBinary(Buffer.from('a\tb\r\nc\fd\x1b$B'))).toBeNull();
    expect(looksBinary(Buffer.from('text\x01\x02\x03\x04 more text'))).toMatch(/control characters/);
  });

  it('reads uploaded files by name and bytes (no path involved)', () => {
    const ok = readUploadedFile('upload.md', Buffer.from('# Title\n\nBody text.'), { maxBytes: 1000 });
    expect(ok.articles[0]).toMatchObject({ id: 'upload', source: 'upload.md', format: 'markdown' });
    const bad = readUploadedFile('evil.exe', Buffer.from('MZ'), { maxBytes: 1000 });
    expect(bad.failures[0]?.code).toBe('unsupported-format');
  });
});

describe('standard input', () => {
  it('reads "-" from the given stream and sniffs HTML vs text', async () => {
    const html = await read(['-'], { stdin: Readable.from([Buffer.from('<!doctype html><p>Hello</p>')]) });
    expect(html.articles[0]).toMatchObject({ source: 'stdin', format: 'html' });
    const text = await read(['-'], { stdin: Readable.from([Buffer.from('Just words about a <b> tag.')]) });
    expect(text.articles[0]).toMatchObject({ source: 'stdin', format: 'text' });
  });

  it('stops reading standard input at the size limit, and refuses a second "-"', async () => {
    const big = await read(['-'], {
      stdin: Readable.from([Buffer.alloc(600, 97), Buffer.alloc(600, 97)]),
      maxBytes: 1000,
    });
    expect(big.failures[0]).toMatchObject({ source: 'stdin', code: 'too-large' });
    const twice = await read(['-', '-'], { stdin: Readable.from([Buffer.from('Some text.')]) });
    expect(twice.articles).toHaveLength(1);
    expect(twice.failures[0]).toMatchObject({ code: 'duplicate-input' });
  });

  it('sniffs plain prose with angle brackets as text', () => {
    expect(sniffFormat('Profits rose 5% (<10% expected) this year.')).toBe('text');
    expect(sniffFormat('  <html><body><p>x</p></body></html>')).toBe('html');
  });
});

describeShared('seed articles', () => {
  it('reads every seed as UTF-8 text with its file name as id', async () => {
    const result = await readInputs(seedNames().map(seedPath));
    expect(result.failures).toEqual([]);
    expect(result.articles.map((a) => a.id)).toEqual(seedNames().map((n) => n.replace(/\.txt$/, '')));
    expect(result.articles.every((a) => a.format === 'text' && !a.diagnostics)).toBe(true);
  });
});
