// Scores Parallax's HTML extraction on the article-extraction benchmark (../shared/eval/extraction) next to plain
// Readability (run here on the same pages) and the stored baselines, all with the same metric code.
// Run: `npm run eval:extraction` (add `-- --verbose` for the worst pages and the lines that line cleaning dropped).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Removal } from '../src/core/model.js';
import { extractHtml } from '../src/core/read/extract-html.js';
import { readArticle } from '../src/core/read/read-article.js';
import {
  aggregate,
  countShingles,
  pageF1,
  scorePage,
  type ExtractionScore,
  type PageCounts,
} from './lib/extraction-metric.js';
import { hasExtractionPages, loadBaseline, loadExtractionPages, type ExtractionPage } from './lib/extraction-pages.js';

/** What each system produced for one page. */
interface PageRun {
  page: ExtractionPage;
  raw: { text: string; removed: Removal[] };
  reader: { text: string; removed: Removal[]; failure: string | null };
  readability: string;
}

/** Plain Readability on linkedom: its `textContent`, as a user of the library would get it. */
function plainReadability(page: ExtractionPage): string {
  const { document } = parseHTML(page.html);
  return new Readability(document).parse()?.textContent ?? '';
}

function runPage(page: ExtractionPage): PageRun {
  const raw = extractHtml(page.html, { url: page.url });
  const read = readArticle({
    id: page.id,
    source: page.url,
    format: 'html',
    content: page.html,
    meta: { url: page.url },
  });
  const reader = read.ok
    ? { text: read.value.text, removed: read.value.removed, failure: null }
    : { text: '', removed: [], failure: read.failure.code };
  return { page, raw: { text: raw.text, removed: raw.removed }, reader, readability: plainReadability(page) };
}

function fmt(s: ExtractionScore): string {
  return `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;
}

function printWorst(runs: readonly PageRun[], raw: PageCounts[], reader: PageCounts[]): void {
  const rows = runs.map((r, i) => ({ run: r, raw: raw[i]!, reader: reader[i]! }));
  rows.sort((a, b) => pageF1(a.raw) - pageF1(b.raw));
  console.log('\nworst pages by raw extractHtml F1: id, F1, tp/fp/fn shares, readArticle F1, url');
  for (const r of rows.slice(0, 15)) {
    const c = r.raw;
    const shares = `${c.tp.toFixed(2)}/${c.fp.toFixed(2)}/${c.fn.toFixed(2)}`;
    console.log(
      `  ${r.run.page.id.slice(0, 12)}  ${pageF1(c).toFixed(3)}  ${shares}  ${pageF1(r.reader).toFixed(3)}  ${r.run.page.url}`,
    );
  }
}

/** Groups the lines readArticle's line cleaning removed although they belong to the true body, by rule. */
function printWronglyDropped(runs: readonly PageRun[]): void {
  const groups = new Map<string, { lines: number; words: number; pages: Set<string>; example: string }>();
  for (const run of runs) {
    if (run.reader.failure) console.log(`  ${run.page.id.slice(0, 12)} readArticle failed: ${run.reader.failure}`);
    const truth = countShingles(run.page.truth);
    const own = new Set(run.raw.removed.map((r) => r.text));
    for (const removal of run.reader.removed) {
      if (own.has(removal.text)) continue;
      const grams = [...countShingles(removal.text).keys()];
      if (grams.length === 0 || grams.filter((g) => truth.has(g)).length / grams.length <= 0.5) continue;
      const detail = `${removal.rule}: ${removal.detail ?? ''}`;
      const key = `${removal.reason}: ${detail.replace(/@\w+/g, '@handle').replace(/\d+/g, 'N').slice(0, 70)}`;
      const g = groups.get(key) ?? { lines: 0, words: 0, pages: new Set<string>(), example: removal.text.slice(0, 60) };
      g.lines++;
      g.words += removal.text.split(/\s+/).length;
      g.pages.add(run.page.id);
      groups.set(key, g);
    }
  }
  console.log(
    '\nlines of the true body that readArticle line cleaning dropped, by rule (lines, words, pages, example)',
  );
  for (const [key, g] of [...groups].sort((a, b) => b[1].words - a[1].words)) {
    console.log(`  ${key}\n      ${g.lines} lines, ${g.words} words, ${g.pages.size} pages; e.g. "${g.example}"`);
  }
}

function main(): void {
  if (!hasExtractionPages()) {
    console.log('skipped: extraction benchmark data not found (../shared/eval/extraction)');
    return;
  }
  const runs = loadExtractionPages().map(runPage);
  const score = (texts: (r: PageRun) => string): PageCounts[] => runs.map((r) => scorePage(r.page.truth, texts(r)));
  const reader = score((r) => r.reader.text);
  const raw = score((r) => r.raw.text);
  const rows: [string, PageCounts[]][] = [
    ['parallax (readArticle)', reader],
    ['parallax extractHtml (raw)', raw],
    ['readability on linkedom', score((r) => r.readability)],
  ];
  for (const name of ['readability_js', 'trafilatura']) {
    const stored = loadBaseline(name);
    rows.push([`${name} (stored)`, score((r) => stored.get(r.page.id) ?? '')]);
  }
  console.log(`article extraction, ${runs.length} pages (word 4-gram metric, per-page normalised)`);
  for (const [name, counts] of rows) console.log(`  ${name.padEnd(28)} ${fmt(aggregate(counts))}`);
  if (process.argv.includes('--verbose')) {
    printWorst(runs, raw, reader);
    printWronglyDropped(runs);
  }
}

main();
