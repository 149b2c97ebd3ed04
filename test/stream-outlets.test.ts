import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageSplit, indexRatings } from '../src/core/stream/coverage-split.js';
import {
  knownOutletName,
  outletOfUrl,
  readableNameOfDomain,
  siteHostOfUrl,
} from '../src/core/read/metadata/outlets.js';
import { outletFromUrl } from '../src/core/read/metadata/find-outlet.js';
import { dateFromUrl } from '../src/core/read/metadata/find-published-date.js';
import { extractHtml } from '../src/core/read/extract-html.js';
import { canonicalUrl } from '../src/core/stream/canonical-url.js';
import { parseLean, parseRatingsCsv, parseRatingsJson, type OutletRating } from '../src/core/stream/ratings.js';
import { readCsv } from '../src/core/stream/read-csv.js';
import { loadRatingsFile } from '../src/engine/feeds/load-ratings.js';
import { describeShared, SHARED_DIR } from './helpers/shared.js';

describe('outlet registry', () => {
  it('names common outlets from any of their hosts', () => {
    expect(outletOfUrl('https://www.nytimes.com/2021/05/01/us/politics/x.html')).toEqual({
      name: 'The New York Times',
      domain: 'nytimes.com',
      known: true,
    });
    expect(outletOfUrl('https://edition.cnn.com/2021/x')?.name).toBe('CNN');
    expect(outletOfUrl('https://amp.usatoday.com/story/x')?.name).toBe('USA Today');
    expect(outletOfUrl('https://www.bbc.co.uk/news/world-1')?.name).toBe('BBC News');
    expect(knownOutletName('www.reuters.com')).toBe('Reuters');
  });

  it('prefers a listed news host to its shared domain', () => {
    expect(outletOfUrl('https://abcnews.go.com/Politics/x')?.name).toBe('ABC News');
    expect(outletOfUrl('https://news.yahoo.com/x')?.name).toBe('Yahoo News');
    expect(outletOfUrl('https://asia.nikkei.com/x')?.name).toBe('Nikkei Asia');
    expect(outletOfUrl('https://www.nikkei.com/x')?.name).toBe('Nikkei');
  });

  it('makes a readable name for an unlisted site, and none for addresses without one', () => {
    expect(outletOfUrl('https://www.harbor-ledger.co.uk/a')).toEqual({
      name: 'Harbor Ledger',
      domain: 'harbor-ledger.co.uk',
      known: false,
    });
    expect(readableNameOfDomain('valley-gazette.com')).toBe('Valley Gazette');
    expect(outletOfUrl('http://127.0.0.1:8080/feed')).toBeNull();
    expect(outletOfUrl('not a url')).toBeNull();
  });
});

describe('reading a ratings table', () => {
  it('reads CSV with quoted fields, any column order, and numeric or worded leans', () => {
    const csv = [
      'Lean,Outlet,Domain,Rater,Date',
      'Lean Left,"Harbor Ledger, Evening Edition",harbor-ledger.example,Media Panel,2024-01-15',
      '-2,,https://www.valley-gazette.example/news,Media Panel,2024-01',
      'center,"The ""Quoted"" Courier",,Media Panel,2024',
    ].join('\r\n');
    const { ratings, problems } = parseRatingsCsv(csv);
    expect(problems).toEqual([]);
    expect(ratings).toEqual([
      {
        outlet: 'Harbor Ledger, Evening Edition',
        domain: 'harbor-ledger.example',
        lean: 'lean-left',
        rater: 'Media Panel',
        date: '2024-01-15',
      },
      { outlet: null, domain: 'valley-gazette.example', lean: 'left', rater: 'Media Panel', date: '2024-01' },
      { outlet: 'The "Quoted" Courier', domain: null, lean: 'center', rater: 'Media Panel', date: '2024' },
    ]);
  });

  it('names each bad row by its line and keeps the good ones', () => {
    const csv = [
      'outlet,domain,lean,rater,date',
      'Good Paper,,right,Panel,2024-02-01',
      ',,left,Panel,2024-02-01',
      'Paper B,,far out,Panel,2024-02-01',
      'Paper C,,left,,2024-02-01',
      'Paper D,,left,Panel,',
      'Paper E,,left,Panel,01/02/2024',
      'Paper F,not a domain,left,Panel,2024-02-01',
      '"Paper G,,left,Panel,2024-02-01',
    ].join('\n');
    const { ratings, problems } = parseRatingsCsv(csv);
    expect(ratings.map((r) => r.outlet)).toEqual(['Good Paper']);
    expect(problems.map((p) => p.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(problems.map((p) => p.message)).toEqual([
      'needs an "outlet" or a "domain"',
      'lean "far out" is not on the scale (left, lean-left, center, lean-right, right, or -2..2)',
      'needs the rater\'s name ("rater")',
      'needs the date of the rating ("date", YYYY-MM-DD)',
      'date "01/02/2024" is not YYYY, YYYY-MM or YYYY-MM-DD',
      '"not a domain" is not a domain (e.g. example.com)',
      'a quoted field starts here and is never closed',
    ]);
  });

  it('refuses a table without the needed columns, naming them', () => {
    expect(parseRatingsCsv('name,score\nA,1').problems).toEqual([
      { row: 1, message: 'the header must name the columns outlet and/or domain, lean, rater, date' },
    ]);
    expect(parseRatingsCsv('').problems).toEqual([{ row: null, message: 'the file is empty' }]);
  });

  it('reads JSON (an array or {ratings: [...]}), with numeric leans and per-item problems', () => {
    const json = JSON.stringify({
      ratings: [
        { domain: 'lakeside-courier.example', lean: 1, rater: 'Panel', date: '2023-11-30' },
        { outlet: 'X', lean: 'left', rater: 7, date: '2023-11-30' },
        'not an object',
      ],
    });
    const { ratings, problems } = parseRatingsJson(json);
    expect(ratings).toEqual([
      { outlet: null, domain: 'lakeside-courier.example', lean: 'lean-right', rater: 'Panel', date: '2023-11-30' },
    ]);
    expect(problems).toEqual([
      { row: 1, message: '"rater" must be text' },
      { row: 2, message: 'expected an object {outlet?, domain?, lean, rater, date}' },
    ]);
    expect(parseRatingsJson('{oops').problems[0]?.message).toMatch(/^not valid JSON/);
    expect(parseRatingsJson('{"x": 1}').problems[0]?.message).toMatch(/expected an array/);
  });

  it('knows the scale by its words and numbers only', () => {
    expect(['left', 'Lean-Left', 'lean_right', 'centre', '+2', '0', '-1'].map(parseLean)).toEqual([
      'left',
      'lean-left',
      'lean-right',
      'center',
      'right',
      'center',
      'lean-left',
    ]);
    expect(['3', '-3', 'far left', 'moderate', ''].map(parseLean)).toEqual([null, null, null, null, null]);
  });

  it('splits CSV records with line breaks inside quotes, keeping the line each starts on', () => {
    expect(readCsv('a,b\n"x\ny",z\n\nlast,1').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', 'z'] },
      { line: 5, fields: ['last', '1'] },
    ]);
    expect(readCsv('a;b\n1;2').records[1]?.fields).toEqual(['1', '2']);
  });
});

describe('loading a ratings file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ratings-'));

  it('loads CSV and JSON by extension or content, and names the file in problems', async () => {
    const csv = join(dir, 'ratings.csv');
    writeFileSync(csv, 'outlet,lean,rater,date\nHarbor Ledger,left,Panel,2024-01-01\nBad,,Panel,2024\n');
    const loaded = await loadRatingsFile(csv);
    expect(loaded.ratings).toHaveLength(1);
    expect(loaded.problems).toEqual([{ file: csv, row: 3, message: 'needs a "lean"' }]);
    const json = join(dir, 'ratings.txt');
    writeFileSync(json, '[{"outlet":"Valley Gazette","lean":"right","rater":"Panel","date":"2024-01-01"}]');
    expect((await loadRatingsFile(json)).ratings[0]?.lean).toBe('right');
  });

  it('reports a missing, empty or oversized file as one problem, without throwing', async () => {
    const missing = await loadRatingsFile(join(dir, 'nope.csv'));
    expect(missing.ratings).toEqual([]);
    expect(missing.problems[0]?.message).toMatch(/cannot be read/);
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'x'.repeat(2048));
    expect((await loadRatingsFile(big, { maxBytes: 1024 })).problems[0]?.message).toMatch(/over the size limit/);
  });
});

const RATINGS: OutletRating[] = [
  { outlet: 'Harbor Ledger', domain: 'harbor-ledger.example', lean: 'left', rater: 'Panel', date: '2024-01-01' },
  { outlet: 'Valley Gazette', domain: null, lean: 'lean-left', rater: 'Panel', date: '2024-01-01' },
  { outlet: null, domain: 'northwind-post.example', lean: 'right', rater: 'Panel', date: '2024-01-01' },
  { outlet: 'Lakeside Courier', domain: null, lean: 'center', rater: 'Panel', date: '2024-01-01' },
  // A newer rating of the same outlet wins.
  { outlet: 'Lakeside Courier', domain: null, lean: 'lean-right', rater: 'Panel', date: '2024-06-01' },
];

describe('coverage split by lean', () => {
  it('counts each outlet once, by domain (any of its hosts) or by name, and lists the unrated', () => {
    const split = coverageSplit(
      [
        { url: 'https://www.harbor-ledger.example/a' },
        { url: 'https://m.harbor-ledger.example/b', outlet: 'Harbor Ledger' },
        { outlet: 'the valley gazette' },
        { url: 'https://news.northwind-post.example/c' },
        { outlet: 'Lakeside Courier' },
        { outlet: 'Pinecrest Times' },
        { outlet: 'Pinecrest Times' },
      ],
      RATINGS,
    );
    expect(split.byLean).toEqual({
      left: ['Harbor Ledger'],
      'lean-left': ['Valley Gazette'],
      center: [],
      'lean-right': ['Lakeside Courier'],
      right: ['northwind-post.example'],
    });
    expect(split.unrated).toEqual(['Pinecrest Times']);
    expect(split.rated).toBe(4);
    expect(split.oneSided).toBeNull();
  });

  it('flags a story covered from one side only', () => {
    const index = indexRatings(RATINGS);
    const left = coverageSplit([{ outlet: 'Harbor Ledger' }, { outlet: 'Valley Gazette' }], index);
    expect(left.oneSided).toBe('left');
    const right = coverageSplit([{ url: 'https://northwind-post.example/x' }, { outlet: 'Lakeside Courier' }], index);
    expect(right.oneSided).toBe('right');
  });

  it('does not flag too little rated coverage, or coverage with the centre or both sides (negative)', () => {
    const index = indexRatings(RATINGS);
    expect(coverageSplit([{ outlet: 'Harbor Ledger' }, { outlet: 'Nobody' }], index).oneSided).toBeNull();
    const withCenter = [{ outlet: 'Harbor Ledger' }, { outlet: 'Valley Gazette' }, { outlet: 'Centrist Daily' }];
    const centre = indexRatings([
      ...RATINGS,
      { outlet: 'Centrist Daily', domain: null, lean: 'center', rater: 'Panel', date: '2024-01-01' },
    ]);
    expect(coverageSplit(withCenter, centre).oneSided).toBeNull();
    expect(coverageSplit([{ outlet: 'Harbor Ledger' }, { outlet: 'Lakeside Courier' }], index).oneSided).toBeNull();
    expect(coverageSplit([], index)).toMatchObject({ rated: 0, oneSided: null, unrated: [] });
  });
});

describeShared('coverage split on the AllSides stream labels', () => {
  interface Row {
    event_id: string;
    side: 'left' | 'center' | 'right';
    outlet: string;
    url: string;
  }
  const rows = readFileSync(join(SHARED_DIR, 'eval', 'clustering', 'allsides-stream-2021-apr-jul.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
  // Ratings by outlet name, as a user would write them from AllSides' labels (three points of the five-point scale).
  const ratings = indexRatings(
    [...new Map(rows.map((r) => [r.outlet, r.side])).entries()].map(([outlet, side]) => ({
      outlet,
      domain: null,
      lean: side,
      rater: 'AllSides labels in the eval data',
      date: '2021-07-31',
    })),
  );
  const events = new Map<string, Row[]>();
  for (const r of rows) events.set(r.event_id, [...(events.get(r.event_id) ?? []), r]);

  it('rates every outlet of the stream, flags stories whose outlets all lean one way, never those with both', () => {
    let flagged = 0;
    for (const members of events.values()) {
      const split = coverageSplit(members, ratings);
      expect(split.unrated).toEqual([]);
      const sides = new Set(members.map((m) => m.side));
      const distinct = new Set(members.map((m) => m.outlet)).size;
      if (sides.has('left') && sides.has('right')) expect(split.oneSided).toBeNull();
      if (distinct >= 2 && sides.size === 1 && !sides.has('center')) expect(split.oneSided).toBe([...sides][0]);
      if (split.oneSided) flagged++;
    }
    // AllSides pages pair outlets of different leans: one-sided stories are the exception.
    expect(flagged).toBeLessThan(events.size / 10);
  });
});

describe('one reading of a URL for the reader, the HTML page and the stream', () => {
  const variants = [
    'https://m.example-news.com/2021/05/17/story',
    'https://www.example-news.com/2021/05/17/story',
    'https://amp.m.example-news.com/2021/05/17/story',
  ];

  it('folds www., m. and amp. the same way everywhere (site host, outlet name, canonical key, page outlet)', () => {
    for (const url of variants) {
      expect(siteHostOfUrl(url), url).toBe('example-news.com');
      expect(outletFromUrl(url), url).toBe('Example News');
      expect(canonicalUrl(url), url).toBe('https://example-news.com/2021/05/17/story');
      expect(extractHtml('<html><body><p>Text.</p></body></html>', { url }).meta.outlet, url).toBe('example-news.com');
    }
    // Never below the site's registrable domain.
    expect(siteHostOfUrl('https://m.co.uk/x')).toBe('m.co.uk');
    expect(siteHostOfUrl('ftp://example-news.com/x')).toBeNull();
    expect(knownOutletName('m.nytimes.com')).toBe('The New York Times');
  });

  it('reads a date from the URL path only', () => {
    expect(dateFromUrl(variants[0]!)).toBe('2021-05-17');
    expect(dateFromUrl('https://example-news.com/story?from=/2021/05/17/')).toBeNull();
    expect(dateFromUrl('https://example-news.com/2021/13/17/story')).toBeNull();
    expect(dateFromUrl('not a url /2021/05/17/')).toBeNull();
  });
});
