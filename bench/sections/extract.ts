// HTML extraction speed: extractHtml and the full readArticle path against plain Readability on linkedom, over the
// article-extraction benchmark pages, in the same process.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../../src/core/read/extract-html.js';
import { readArticle } from '../../src/core/read/read-article.js';
import { hasExtractionPages, loadExtractionPages, type ExtractionPage } from '../../scripts/lib/extraction-pages.js';

const ROUNDS = 3;

function plainReadability(page: ExtractionPage): number {
  const { document } = parseHTML(page.html);
  return new Readability(document).parse()?.textContent?.length ?? 0;
}

function parallaxExtract(page: ExtractionPage): number {
  return extractHtml(page.html, { url: page.url }).text.length;
}

function parallaxRead(page: ExtractionPage): number {
  const r = readArticle({ id: page.id, source: page.url, format: 'html', content: page.html, meta: { url: page.url } });
  return r.ok ? r.value.text.length : 0;
}

/** Best-of-rounds time in ms for one pass over all pages (best-of damps noise from other processes). */
function time(pages: readonly ExtractionPage[], run: (p: ExtractionPage) => number): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    let sink = 0;
    for (const page of pages) sink += run(page);
    best = Math.min(best, performance.now() - start);
    if (sink < 0) console.log(sink);
  }
  return best;
}

export default async function (): Promise<void> {
  if (!hasExtractionPages()) {
    console.log('skipped: extraction benchmark pages not found (../shared/eval/extraction)');
    return;
  }
  const pages = loadExtractionPages();
  // One warm-up pass each so that JIT compilation is not billed to the first system measured.
  for (const run of [plainReadability, parallaxExtract, parallaxRead]) for (const p of pages.slice(0, 10)) run(p);
  const base = time(pages, plainReadability);
  const rows: [string, number][] = [
    ['readability on linkedom', base],
    ['parallax extractHtml', time(pages, parallaxExtract)],
    ['parallax readArticle (html)', time(pages, parallaxRead)],
  ];
  const mb = pages.reduce((n, p) => n + p.html.length, 0) / 1e6;
  console.log(`${pages.length} pages, ${mb.toFixed(1)} M chars of HTML, best of ${ROUNDS} rounds`);
  for (const [name, ms] of rows) {
    const ratio = ms / base;
    console.log(
      `${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  ${((pages.length * 1000) / ms).toFixed(1).padStart(6)} pages/s  ${ratio.toFixed(2)}x readability`,
    );
  }
}
