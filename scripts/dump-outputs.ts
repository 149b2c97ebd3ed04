// Dumps the whole report of `analyzeStory` for real inputs (the seed story, the bundled sample story, every extraction
// page, NeuS stories, PolNeAR articles) as JSON lines, one file per data set, so that a change meant to keep outputs identical (a speed-up,
// a bound on worst-case inputs) can be checked byte for byte:
//   tsx scripts/dump-outputs.ts /tmp/before   (on the old code)
//   tsx scripts/dump-outputs.ts /tmp/after    (on the new code)
//   diff -r /tmp/before /tmp/after
// Options: --neus N (NeuS val stories, default 200), --polnear N (PolNeAR articles, default 300, three per story).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RawArticle, Report } from '../src/core/model.js';
import { analyzeStory } from '../src/core/pipeline.js';
import { readInputs } from '../src/engine/inputs/read-inputs.js';
import { hasExtractionPages, loadExtractionPages, SHARED_DIR } from './lib/extraction-pages.js';
import { readNeus } from './lib/neus.js';

/** One story to dump: a name for the line and its raw inputs. */
interface Case {
  name: string;
  raws: RawArticle[];
}

/** A raw plain-text input. */
function textRaw(id: string, content: string, title?: string | null): RawArticle {
  return { id, source: id, format: 'text', content, meta: title ? { title } : {} };
}

/** The five seed articles as one story. */
function seedCases(): Case[] {
  const dir = join(SHARED_DIR, 'seeds');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return [{ name: 'seeds', raws: names.map((n) => textRaw(n, readFileSync(join(dir, n), 'utf8'))) }];
}

/** The bundled sample story (text, HTML and JSON inputs, read as the CLI reads them). */
async function sampleCases(): Promise<Case[]> {
  const { articles } = await readInputs([join(import.meta.dirname, '..', 'examples', 'sample-story')], {});
  return [{ name: 'sample-story', raws: articles }];
}

/** Every extraction benchmark page as a one-article story. */
function extractionCases(): Case[] {
  if (!hasExtractionPages()) return [];
  return loadExtractionPages().map((p) => ({
    name: p.id,
    raws: [{ id: p.id, source: p.id, format: 'html', content: p.html, meta: { url: p.url } }],
  }));
}

/** The first `count` NeuS validation stories, three short articles each. */
function neusCases(count: number): Case[] {
  return readNeus('val')
    .slice(0, count)
    .map((s) => ({ name: s.id, raws: s.articles.map((a, k) => textRaw(`a${k + 1}`, a.text, a.title)) }));
}

/** The first `count` distinct PolNeAR articles (train split), grouped three to a story. */
function polnearCases(count: number): Case[] {
  const lines = readFileSync(join(SHARED_DIR, 'eval', 'quotes', 'polnear-train.jsonl'), 'utf8').split('\n');
  const seen = new Set<string>();
  const raws: RawArticle[] = [];
  for (const line of lines) {
    if (line.trim() === '' || raws.length >= count) continue;
    const r = JSON.parse(line) as { id: string; text: string; title?: string | null };
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    raws.push(textRaw(r.id, r.text, r.title));
  }
  const cases: Case[] = [];
  for (let i = 0; i < raws.length; i += 3) cases.push({ name: `polnear-${i / 3}`, raws: raws.slice(i, i + 3) });
  return cases;
}

/** Runs each case and writes its report as one JSON line. */
function dump(outDir: string, set: string, cases: Case[]): void {
  const started = performance.now();
  const lines = cases.map((c) => {
    const report: Report = analyzeStory(c.raws);
    return JSON.stringify({ name: c.name, report });
  });
  writeFileSync(join(outDir, `${set}.jsonl`), `${lines.join('\n')}\n`);
  console.log(`${set}: ${cases.length} stories in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { neus: { type: 'string', default: '200' }, polnear: { type: 'string', default: '300' } },
});
const outDir = positionals[0];
if (!outDir) {
  console.error('usage: tsx scripts/dump-outputs.ts OUT_DIR [--neus N] [--polnear N]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
dump(outDir, 'seeds', seedCases());
dump(outDir, 'sample', await sampleCases());
dump(outDir, 'extraction', extractionCases());
dump(outDir, 'neus', neusCases(Number(values.neus)));
dump(outDir, 'polnear', polnearCases(Number(values.polnear)));
