// HTML extraction speed: extractHtml and the full readArticle path (what `parallax extract` runs per page) against
// plain Readability on linkedom, over the article-extraction benchmark pages.
//
// How it is measured: each system runs in a process of its own (bench/lib/extract-systems.ts), so that it has its own
// heap and pays for its own garbage collections and nothing else's. In that process it makes one untimed pass over all
// pages (model loading, JIT compilation), then PASSES timed passes, each with the per-text memos flushed so every
// page is read cold, as `extract` reads it; its figure is the median pass in CPU time of the process (process.cpuUsage:
// other load on the shared machine does not count). The systems take turns, twice over, and keep their better run.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasExtractionPages, loadExtractionPages } from '../../scripts/lib/extraction-pages.js';
import { EXTRACT_SYSTEMS } from '../lib/extract-systems.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'extract-systems.ts');
const TURNS = 2;

/** Runs one system in its own process and returns its median pass in CPU milliseconds. */
function timeInOwnProcess(name: string): number {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, name], { encoding: 'utf8' });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`${name}: ${child.stderr.trim() || 'no figure'}`);
  return (JSON.parse(line) as { ms: number }).ms;
}

export default async function (): Promise<void> {
  if (!hasExtractionPages()) {
    console.log('skipped: extraction benchmark pages not found (../shared/eval/extraction)');
    return;
  }
  const pages = loadExtractionPages();
  const names = Object.keys(EXTRACT_SYSTEMS);
  const best = new Map(names.map((n) => [n, Infinity]));
  for (let turn = 0; turn < TURNS; turn++)
    for (const name of names) best.set(name, Math.min(best.get(name)!, timeInOwnProcess(name)));
  const base = best.get(names[0]!) ?? 1;
  const mb = pages.reduce((n, p) => n + p.html.length, 0) / 1e6;
  console.log(
    `${pages.length} pages, ${mb.toFixed(1)} M chars of HTML, CPU time of a pass, each system in its own process`,
  );
  for (const name of names) {
    const ms = best.get(name)!;
    console.log(
      `${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  ${((pages.length * 1000) / ms).toFixed(1).padStart(6)} pages/s  ${(ms / base).toFixed(2)}x readability`,
    );
  }
}
