// One system of the extraction benchmark, timed in a process of its own: `tsx bench/lib/extract-systems.ts NAME`
// prints `{"name", "ms"}`, the median CPU milliseconds of one pass over all benchmark pages. A process of its own means
// its own heap: every garbage collection it pays for is of its own garbage.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../../src/core/read/extract-html.js';
import { readArticle } from '../../src/core/read/read-article.js';
import { loadExtractionPages, type ExtractionPage } from '../../scripts/lib/extraction-pages.js';
import { cpuTime, median } from './cpu-time.js';

/** The systems, by name: each reads one page and returns a length (so the work is not optimized away). */
export const EXTRACT_SYSTEMS: Record<string, (page: ExtractionPage) => number> = {
  'readability on linkedom': (page) => {
    const { document } = parseHTML(page.html);
    return new Readability(document).parse()?.textContent?.length ?? 0;
  },
  'parallax extractHtml': (page) => extractHtml(page.html, { url: page.url }).text.length,
  'parallax readArticle (html)': (page) => {
    const raw = { id: page.id, source: page.url, format: 'html' as const, content: page.html, meta: { url: page.url } };
    const r = readArticle(raw);
    return r.ok ? r.value.text.length : 0;
  },
};

/** Timed passes; the figure is the median. */
const PASSES = 5;

/** Median CPU milliseconds of one pass of a system over the pages, after one untimed warm-up pass. */
export function timeSystem(run: (page: ExtractionPage) => number, pages: readonly ExtractionPage[]): number {
  let sink = 0;
  // Each readArticle call is a run of its own with a fresh run context: every page is read cold by construction.
  const pass = () => {
    return cpuTime(() => {
      for (const page of pages) sink += run(page);
    });
  };
  pass();
  const times = Array.from({ length: PASSES }, pass);
  if (sink < 0) console.log(sink);
  return median(times);
}

const name = process.argv[2];
if (name !== undefined && import.meta.url === `file://${process.argv[1]}`) {
  const run = EXTRACT_SYSTEMS[name];
  if (!run) throw new Error(`unknown system: ${name}`);
  console.log(JSON.stringify({ name, ms: timeSystem(run, loadExtractionPages()) }));
}
