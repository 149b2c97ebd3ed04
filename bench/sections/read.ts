// Figures for the read stage: how much real, clean text the cleaner loses (NeuS, clustering snippets), and what line
// cleaning does to article-extraction quality on the benchmark pages (HTML extraction alone vs. the whole reader).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticle } from '../../src/core/read/read-article.js';
import { prepareStoryContext } from '../../src/core/read/story-context.js';
import { extractHtml } from '../../src/core/read/extract-html.js';
import { scoreAll } from '../../scripts/lib/extraction-metric.js';
import { hasExtractionPages, loadExtractionPages, SHARED_DIR, truthMap } from '../../scripts/lib/extraction-pages.js';

interface Item {
  title: string | null;
  text: string;
}

/** Reads groups of clean articles and counts removed lines, failures and titles taken from the body. */
function lossFigures(label: string, groups: Item[][]): void {
  let articles = 0;
  let removed = 0;
  let failures = 0;
  let titles = 0;
  const started = performance.now();
  for (const g of groups) {
    const context = prepareStoryContext(g.map((a) => a.text));
    for (const a of g) {
      if (a.text.trim() === '') continue;
      articles++;
      const r = readArticle(
        { id: 'b', source: label, format: 'text', content: a.text, meta: {} },
        { storyContext: context },
      );
      if (!r.ok) failures++;
      else {
        removed += r.value.removed.length;
        if (r.value.title) titles++;
      }
    }
  }
  const ms = performance.now() - started;
  console.log(
    `${label}: ${articles} articles, ${removed} lines removed, ${failures} failures, ${titles} titles taken from body text, ${(ms / articles).toFixed(1)} ms/article`,
  );
}

function jsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Prints the figures. */
export default async function (): Promise<void> {
  const neus = join(SHARED_DIR, 'eval', 'neus', 'val.jsonl');
  if (existsSync(neus))
    lossFigures(
      'neus val',
      jsonl(neus).map((r) => r.articles as Item[]),
    );
  const stream = join(SHARED_DIR, 'eval', 'clustering', 'allsides-stream-2021-apr-jul.jsonl');
  if (existsSync(stream)) {
    const byEvent = new Map<string, Item[]>();
    for (const r of jsonl(stream))
      byEvent.set(String(r.event_id), [...(byEvent.get(String(r.event_id)) ?? []), r as unknown as Item]);
    lossFigures('clustering stream', [...byEvent.values()]);
  }
  if (!hasExtractionPages()) return;
  const pages = loadExtractionPages();
  const truth = truthMap(pages);
  const extracted = new Map<string, string>();
  const read = new Map<string, string>();
  const withEmbeds = new Map<string, string>();
  let failed = 0;
  for (const p of pages) {
    extracted.set(p.id, extractHtml(p.html, { url: p.url }).text);
    const r = readArticle({ id: p.id, source: p.id, format: 'html', content: p.html, meta: { url: p.url } });
    if (r.ok) {
      read.set(p.id, r.value.text);
      withEmbeds.set(p.id, [r.value.text, ...r.value.embeds.map((e) => e.text)].join('\n\n'));
    } else {
      failed++;
      read.set(p.id, '');
      withEmbeds.set(p.id, '');
    }
  }
  const fmt = (s: { precision: number; recall: number; f1: number }): string =>
    `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;
  console.log(`extraction benchmark (${pages.length} pages), 4-gram metric:`);
  console.log(`  extractHtml text:            ${fmt(scoreAll(truth, extracted))}`);
  console.log(`  readArticle text (cleaned):  ${fmt(scoreAll(truth, read))}  (${failed} pages failed)`);
  console.log(
    `  cleaned text + embed texts:  ${fmt(scoreAll(truth, withEmbeds))}  (the benchmark counts embedded posts as body)`,
  );
}
