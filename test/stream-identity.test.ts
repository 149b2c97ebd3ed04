import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../src/core/read/extract-html.js';
import { ArticleIdentityIndex, type IdentityInput } from '../src/core/stream/article-identity.js';
import { canonicalUrl, isTrackingParameter } from '../src/core/stream/canonical-url.js';
import { preferCanonical } from '../src/core/stream/prefer-canonical.js';
import { fingerprintText } from '../src/core/stream/text-fingerprint.js';
import { describeShared, SHARED_DIR } from './helpers/shared.js';

describe('canonicalUrl', () => {
  const same = (variants: string[]): void => {
    const keys = new Set(variants.map((v) => canonicalUrl(v)));
    expect([...keys], variants.join(' | ')).toHaveLength(1);
    expect([...keys][0]).not.toBeNull();
  };

  it('drops tracking parameters, fragments, default ports and credentials; sorts the other parameters', () => {
    same([
      'https://www.harbor-ledger.example/2024/03/05/ferry?b=2&a=1',
      'https://harbor-ledger.example/2024/03/05/ferry?a=1&b=2&utm_source=rss&utm_medium=feed#comments',
      'http://harbor-ledger.example:80/2024/03/05/ferry?fbclid=XYZ&a=1&b=2&gclid=1&mc_cid=2&mc_eid=3',
      'HTTPS://Harbor-Ledger.Example:443/2024/03/05/ferry/?a=1&b=2&_ga=1&igshid=4',
      'https://reader:secret@harbor-ledger.example/2024/03/05/ferry?a=1&b=2',
    ]);
    expect(canonicalUrl('https://harbor-ledger.example/ferry?utm_campaign=x')).toBe(
      'https://harbor-ledger.example/ferry',
    );
  });

  it('folds AMP variants: /amp/ paths, .amp.html, .amp, ?amp=1, outputType=amp, amp. hosts', () => {
    same([
      'https://news.example/politics/vote-delayed',
      'https://news.example/politics/vote-delayed/amp/',
      'https://news.example/amp/politics/vote-delayed',
      'https://amp.news.example/politics/vote-delayed',
      'https://news.example/politics/vote-delayed?amp=1',
      'https://news.example/politics/vote-delayed?amp',
      'https://news.example/politics/vote-delayed?outputType=amp',
      'https://news.example/politics/vote-delayed.amp',
    ]);
    same(['https://news.example/story-123.html', 'https://news.example/story-123.amp.html']);
  });

  it('folds mobile and www hosts, but never down to a bare public suffix', () => {
    same(['https://m.news.example.co.uk/a', 'https://mobile.news.example.co.uk/a', 'https://www.news.example.co.uk/a']);
    expect(canonicalUrl('https://m.co.uk/a')).toBe('https://m.co.uk/a');
  });

  it('keeps what distinguishes articles: other parameters, other paths, non-default ports (negative)', () => {
    const keys = [
      'https://news.example/story?id=1',
      'https://news.example/story?id=2',
      'https://news.example/story',
      'https://news.example/story-2',
      'https://news.example:8443/story',
      'https://other.example/story',
      'https://sports.news.example/story',
    ].map(canonicalUrl);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is null for what is not a web address', () => {
    for (const bad of ['not a url', 'javascript:alert(1)', 'ftp://files.example/a', 'mailto:desk@news.example', '']) {
      expect(canonicalUrl(bad), bad).toBeNull();
    }
  });

  it('knows tracking parameters by name and by family', () => {
    expect(['utm_content', 'UTM_SOURCE', 'fbclid', 'hsa_cam', 'mc_eid'].every(isTrackingParameter)).toBe(true);
    expect(['id', 'page', 'q', 'article'].some(isTrackingParameter)).toBe(false);
  });
});

describe('the page rel=canonical', () => {
  const page = (canonical: string): string =>
    `<html><head><title>Ferry</title><link rel="Canonical" href="${canonical}"></head>` +
    '<body><article><p>The ferry to Gull Island ran again on Tuesday, two days after the storm.</p></article></body></html>';

  it('is read into the HTML metadata, resolved against the page address', () => {
    const x = extractHtml(page('/2024/03/05/ferry'), { url: 'https://m.harbor-ledger.example/amp/ferry?x=1' });
    expect(x.meta.canonicalUrl).toBe('https://m.harbor-ledger.example/2024/03/05/ferry');
    expect(x.meta.basis?.canonicalUrl).toBe('link canonical');
    // The fetched address stays the page's URL: which one names the article is the stream's decision.
    expect(x.meta.url).toBe('https://m.harbor-ledger.example/amp/ferry?x=1');
  });

  it('falls back to og:url, and is null when the page names neither', () => {
    const og =
      '<html><head><meta property="og:url" content="https://harbor-ledger.example/ferry"></head><body></body></html>';
    expect(extractHtml(og).meta.canonicalUrl).toBe('https://harbor-ledger.example/ferry');
    expect(extractHtml('<html><head></head><body><p>Text.</p></body></html>').meta.canonicalUrl).toBeNull();
  });

  it('is preferred when it is on the same site', () => {
    expect(
      preferCanonical('https://amp.harbor-ledger.example/x/amp', 'https://www.harbor-ledger.example/2024/ferry'),
    ).toEqual({
      key: 'https://harbor-ledger.example/2024/ferry',
      url: 'https://www.harbor-ledger.example/2024/ferry',
      basis: 'rel-canonical',
    });
    expect(preferCanonical('https://harbor-ledger.example/a?id=7', '/a?id=7&utm_source=x')?.basis).toBe(
      'rel-canonical',
    );
  });

  it('is ignored when it names another site, the front page, or nothing usable (negative)', () => {
    const page = 'https://harbor-ledger.example/2024/ferry';
    for (const canonical of ['https://wire.example/original', '/', 'javascript:void(0)', '', null]) {
      expect(preferCanonical(page, canonical), String(canonical)).toMatchObject({ basis: 'page-url', url: page });
    }
    expect(preferCanonical('not a url', '/x')).toBeNull();
  });
});

const STORY =
  'The ferry to Gull Island ran again on Tuesday, two days after a storm closed the pier and stranded about forty ' +
  'visitors on the island. Harbor master Tomas Reyes said divers had checked the pilings overnight and found no ' +
  'damage that would keep the boats tied up. The ferry company said it would add two extra crossings on Wednesday ' +
  'for residents who missed appointments on the mainland. The town council will meet on Friday to discuss repairs ' +
  'to the breakwater, which lost several large stones in the storm.';

const OTHER =
  'The valley orchards lost part of their blossom to a late frost on Monday night, growers said. Several farms lit ' +
  'small fires between the rows and ran wind machines until dawn to keep the air moving. The agricultural office ' +
  'said it was too early to say how much of the harvest was lost, but cherries were the most exposed. A grower ' +
  'near the river said the damage looked patchy, worse in the low fields than on the slopes above the road.';

const input = (id: string, text: string, extra: Partial<IdentityInput> = {}): IdentityInput => ({
  id,
  urlKey: `https://${id}.example/story`,
  text,
  publishedAt: null,
  outlet: id,
  ...extra,
});

describe('one article per real article', () => {
  it('recognises a known address, and says whether its text changed', () => {
    const index = new ArticleIdentityIndex();
    expect(index.add(input('a', STORY))).toEqual({ kind: 'new' });
    expect(index.add(input('a-again', STORY, { urlKey: 'https://a.example/story' }))).toEqual({
      kind: 'same-url',
      of: 'a',
      changed: false,
    });
    const edited = STORY.replace('forty', 'fifty');
    expect(index.add(input('a-edit', edited, { urlKey: 'https://a.example/story' }))).toEqual({
      kind: 'same-url',
      of: 'a',
      changed: true,
    });
  });

  it('drops the same text under another address as an exact duplicate (white space does not matter)', () => {
    const index = new ArticleIdentityIndex();
    index.add(input('a', STORY));
    expect(index.add(input('b', `  ${STORY.replace(/ /g, '\n ')}  `))).toEqual({ kind: 'exact-duplicate', of: 'a' });
  });

  it('links wire copy across outlets to the earliest published copy, whatever the arrival order', () => {
    const index = new ArticleIdentityIndex();
    index.add(
      input('courier', `${STORY} Local readers can find the timetable online.`, {
        publishedAt: '2024-03-05T12:00:00Z',
      }),
    );
    const trimmed = STORY.split('. ').slice(0, 4).join('. ') + '.';
    const wire = index.add(input('wire', trimmed, { publishedAt: '2024-03-05T09:00:00Z' }));
    expect(wire).toMatchObject({ kind: 'wire-copy', of: 'courier', original: 'wire', sameOutlet: false });
    const third = index.add(input('gazette', `Updated: ${STORY}`, { publishedAt: '2024-03-05T15:00:00Z' }));
    expect(third).toMatchObject({ kind: 'wire-copy', original: 'wire' });
    expect(index.originalOf('courier')).toBe('wire');
  });

  it('keeps different stories apart, and never matches empty or stub texts (negative)', () => {
    const index = new ArticleIdentityIndex();
    index.add(input('a', STORY));
    expect(index.add(input('b', OTHER))).toEqual({ kind: 'new' });
    expect(index.add(input('c', ''))).toEqual({ kind: 'new' });
    expect(index.add(input('d', ''))).toEqual({ kind: 'new' });
    expect(index.add(input('e', 'Subscribe to read.'))).toEqual({ kind: 'new' });
    expect(index.add(input('f', 'Subscribe to read.'))).toEqual({ kind: 'new' });
    expect(index.size).toBe(6);
  });

  it('samples the same word runs from a text wherever it appears', () => {
    const alone = fingerprintText(STORY);
    const inside = fingerprintText(`Some other opening words here. ${STORY} And a closing line.`);
    expect(alone.sample.length).toBeGreaterThan(5);
    expect(alone.sample.every((h) => inside.sample.includes(h))).toBe(true);
    expect(fingerprintText(STORY).contentHash).toBe(fingerprintText(`${STORY}\n`).contentHash);
  });
});

interface LabelledArticle {
  id: string;
  event_id: string;
  title: string;
  text: string;
  outlet: string | null;
  url?: string;
  date?: string;
}

function readStream(name: string): LabelledArticle[] {
  return readFileSync(join(SHARED_DIR, 'eval', 'clustering', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledArticle);
}

describeShared('wire copy on real data (NeuS and AllSides labels)', () => {
  it('links only copies of one text: each link joins one event, or the same headline filed under two', () => {
    const articles = readStream('neus-events-train-val.jsonl');
    const byId = new Map(articles.map((a) => [a.id, a]));
    const index = new ArticleIdentityIndex();
    let links = 0;
    for (const a of articles) {
      const verdict = index.add({ id: a.id, urlKey: null, text: a.text, publishedAt: null, outlet: a.outlet });
      if (verdict.kind !== 'wire-copy' && verdict.kind !== 'exact-duplicate') continue;
      links++;
      const other = byId.get(verdict.of)!;
      expect(other.event_id === a.event_id || other.title === a.title, `${a.id} -> ${other.id}`).toBe(true);
    }
    // Three short leads per event, from three outlets: copies are rare, but they exist.
    expect(links).toBeGreaterThanOrEqual(20);
    expect(links).toBeLessThan(60);
  });

  it('finds no copies among the dated AllSides stream, where every article is a different outlet’s own', () => {
    const index = new ArticleIdentityIndex();
    const kinds = readStream('allsides-stream-2021-apr-jul.jsonl').map(
      (a) =>
        index.add({
          id: a.id,
          urlKey: a.url ? canonicalUrl(a.url) : null,
          text: a.text,
          publishedAt: a.date ?? null,
          outlet: a.outlet,
        }).kind,
    );
    expect(kinds.filter((k) => k !== 'new')).toEqual([]);
  });
});
