// Figures for feeds in: parseSource throughput on generated fictional feeds of each kind (CPU ms per entry, MB/s),
// and the cost per article of the identity index (canonical URL + exact and wire-copy checks) as it grows, on the
// NeuS article stream resampled to 1k, 10k and 100k articles: the cost per article must stay flat.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArticleIdentityIndex } from '../../src/core/stream/article-identity.js';
import { canonicalUrl } from '../../src/core/stream/canonical-url.js';
import { parseSource } from '../../src/engine/feeds/parse-source.js';
import { cpuTime, median } from '../lib/cpu-time.js';

const SHARED = process.env.PARALLAX_SHARED ?? resolve(import.meta.dirname, '..', '..', '..', 'shared');

const WORDS = 'the council harbor ferry storm vote budget school river bridge market weather'.split(' ');

/** A paragraph of made-up words, different for each seed. */
function prose(seed: number, words: number): string {
  return Array.from({ length: words }, (_, i) => WORDS[(seed * 7 + i * 13 + ((i * seed) % 5)) % WORDS.length]).join(
    ' ',
  );
}

const FEEDS: Record<string, (n: number) => string> = {
  'rss 2.0 (content:encoded)': (n) =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>${Array.from(
      { length: n },
      (_, i) =>
        `<item><title>Story ${i}</title><link>https://bench.example/${i}?utm_source=rss</link><guid>b-${i}</guid>` +
        `<pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate><description>${prose(i, 30)}</description>` +
        `<content:encoded><![CDATA[<p>${prose(i, 300)}</p>]]></content:encoded></item>`,
    ).join('')}</channel></rss>`,
  atom: (n) =>
    `<feed xmlns="http://www.w3.org/2005/Atom"><title>Bench</title>${Array.from(
      { length: n },
      (_, i) =>
        `<entry><title>Story ${i}</title><link href="https://bench.example/${i}"/><id>b-${i}</id>` +
        `<updated>2024-05-01T10:00:00Z</updated><summary>${prose(i, 30)}</summary></entry>`,
    ).join('')}</feed>`,
  'news sitemap': (n) =>
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${Array.from(
      { length: n },
      (_, i) =>
        `<url><loc>https://bench.example/${i}</loc><news:news><news:publication><news:name>Bench</news:name>` +
        `</news:publication><news:publication_date>2024-05-01T10:00:00Z</news:publication_date>` +
        `<news:title>Story ${i}</news:title></news:news></url>`,
    ).join('')}</urlset>`,
};

function feedFigures(): void {
  for (const [label, make] of Object.entries(FEEDS)) {
    const bytes = new TextEncoder().encode(make(1000));
    parseSource(bytes, { url: 'https://bench.example/feed' });
    const ms = median(
      Array.from({ length: 5 }, () => cpuTime(() => parseSource(bytes, { url: 'https://bench.example/feed' }))),
    );
    const mbPerS = bytes.length / 1024 / 1024 / (ms / 1000);
    console.log(
      `parseSource ${label.padEnd(26)} 1,000 entries, ${(bytes.length / 1024).toFixed(0)} kB: ${ms.toFixed(0)} ms CPU, ` +
        `${(ms / 1000).toFixed(3)} ms/entry, ${mbPerS.toFixed(1)} MB/s`,
    );
  }
}

interface StreamArticle {
  id: string;
  text: string;
  outlet: string | null;
}

function identityFigures(): void {
  const path = join(SHARED, 'eval', 'clustering', 'neus-events-train-val.jsonl');
  if (!existsSync(path)) {
    console.log(`identity index: skipped (no ${path})`);
    return;
  }
  const base = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as StreamArticle);
  for (const size of [1_000, 10_000, 100_000]) {
    // Resampled: copies of the real articles with a few words changed, so that they are not exact duplicates.
    const articles = Array.from({ length: size }, (_, i) => {
      const a = base[i % base.length]!;
      const round = Math.floor(i / base.length);
      return {
        ...a,
        id: `${a.id}#${round}`,
        text: round === 0 ? a.text : `${prose(i, 12)} ${a.text} ${prose(i + 1, 12)}`,
      };
    });
    const index = new ArticleIdentityIndex();
    let copies = 0;
    const ms = cpuTime(() => {
      for (const a of articles) {
        const urlKey = canonicalUrl(`https://bench.example/${a.id}?utm_source=x`);
        if (index.add({ id: a.id, urlKey, text: a.text, publishedAt: null, outlet: a.outlet }).kind !== 'new') copies++;
      }
    });
    console.log(
      `identity index ${size.toLocaleString('en').padStart(7)} articles: ${((ms * 1000) / size).toFixed(1)} µs/article CPU, ` +
        `${Math.round(size / (ms / 1000)).toLocaleString('en')} articles/s, ${copies.toLocaleString('en')} linked as copies`,
    );
  }
}

/** Prints the figures. */
export default async function (): Promise<void> {
  feedFigures();
  identityFigures();
}
