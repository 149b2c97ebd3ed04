// HTML extraction speed: extractHtml and the full readArticle path (what `parallax extract` runs per page) against
// plain Readability on linkedom, over the article-extraction benchmark pages, in the same process.
//
// How it is measured: a warm process (one untimed pass of each system first, so model loading and JIT compilation are
// not billed), then ROUNDS rounds in which the three systems take turns over all pages (interleaved, so a slow spell of
// the shared machine hits all of them); each figure is a system's best round in CPU time of this process
// (process.cpuUsage: other load on the machine does not count), after a full garbage collection. Before every Parallax pass the per-text memos
// (`analyzeText`, `contentStems`) are flushed with texts never seen before, so each page is read cold, as it is
// the one time `extract` sees it.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../../src/core/read/extract-html.js';
import { readArticle } from '../../src/core/read/read-article.js';
import { ANALYSIS_CACHE_SIZE, analyzeText } from '../../src/core/nlp/wink.js';
import { contentStems, CONTENT_STEMS_MEMO_SIZE } from '../../src/core/read/topic-overlap.js';
import { hasExtractionPages, loadExtractionPages, type ExtractionPage } from '../../scripts/lib/extraction-pages.js';

const ROUNDS = 5;

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

let flushes = 0;

/** Evicts every text from the per-text memos by reading as many short texts never seen before (untimed). */
function flushMemos(): void {
  flushes++;
  for (let i = 0; i < ANALYSIS_CACHE_SIZE; i++) analyzeText(`Memo flush ${flushes} text ${i}.`);
  for (let i = 0; i < CONTENT_STEMS_MEMO_SIZE; i++) contentStems(`Memo flush ${flushes} line ${i}.`);
}

/** CPU milliseconds used by this process so far (user + system). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** A full garbage collection when the process allows it (`npm run bench` runs node with --expose-gc). */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** CPU milliseconds of one pass of `run` over all pages, after a full collection so no pass pays for another's garbage. */
function pass(pages: readonly ExtractionPage[], run: (p: ExtractionPage) => number): number {
  collectGarbage();
  const start = cpuMs();
  let sink = 0;
  for (const page of pages) sink += run(page);
  const ms = cpuMs() - start;
  if (sink < 0) console.log(sink);
  return ms;
}

export default async function (): Promise<void> {
  if (!hasExtractionPages()) {
    console.log('skipped: extraction benchmark pages not found (../shared/eval/extraction)');
    return;
  }
  const pages = loadExtractionPages();
  const systems: [string, (p: ExtractionPage) => number, boolean][] = [
    ['readability on linkedom', plainReadability, false],
    ['parallax extractHtml', parallaxExtract, false],
    ['parallax readArticle (html)', parallaxRead, true],
  ];
  for (const [, run] of systems) pass(pages, run);
  const best = systems.map(() => Infinity);
  for (let round = 0; round < ROUNDS; round++) {
    systems.forEach(([, run, memoized], k) => {
      if (memoized) flushMemos();
      best[k] = Math.min(best[k] ?? Infinity, pass(pages, run));
    });
  }
  const base = best[0] ?? 1;
  const mb = pages.reduce((n, p) => n + p.html.length, 0) / 1e6;
  console.log(
    `${pages.length} pages, ${mb.toFixed(1)} M chars of HTML, best of ${ROUNDS} interleaved rounds, CPU time`,
  );
  systems.forEach(([name], k) => {
    const ms = best[k] ?? 0;
    console.log(
      `${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  ${((pages.length * 1000) / ms).toFixed(1).padStart(6)} pages/s  ${(ms / base).toFixed(2)}x readability`,
    );
  });
}
