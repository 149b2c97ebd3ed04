// Reading and analysis time against the size of worst-case inputs (scripts/lib/worst-inputs.ts), each measured in a
// process of its own (bench/lib/measure-input.ts: CPU time of the run, peak resident memory of the process):
//   1. reading time against nesting depth (1k to 100k nested <div>s, and other deep shapes): the target is linear, and
//      100k nested divs read in under 2 s;
//   2. whole-analysis time per KB of the same shapes at two sizes, so that linearity shows (a superlinear path makes
//      the larger size cost more per KB; memoized work makes repetitive inputs a little cheaper per KB as they grow);
//   3. the largest accepted inputs (4.9 MB of text on one line or in paragraphs, 5 MB of HTML): whole-analysis time and
//      peak memory.
// Run alone with `npm run bench linear`; it takes several minutes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { InputMeasure } from '../lib/measure-input.js';

const MEASURE = join(import.meta.dirname, '..', 'lib', 'measure-input.ts');

/** Runs one measurement in a child process. */
function measure(kind: string, size: number, phase: 'read' | 'all'): InputMeasure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', MEASURE, kind, String(size), phase], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as InputMeasure;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`.padStart(9);
const ms = (value: number): string => `${value.toFixed(0)} ms`.padStart(9);
const perKb = (m: InputMeasure): string => `${((m.cpuMs * 1024) / m.bytes).toFixed(2)} ms/KB`.padStart(12);
const mb = (m: InputMeasure): string => `${m.maxRssMb.toFixed(0)} MB`.padStart(8);

/** Reading time against nesting depth. */
function nesting(): void {
  console.log('reading time against nesting depth (readArticles, CPU time):');
  for (const depth of [1000, 2000, 5000, 10000, 100000]) {
    const m = measure('nested-divs', depth, 'read');
    console.log(
      `  nested-divs ${String(depth).padStart(6)} deep ${kb(m.bytes)} ${ms(m.cpuMs)} ${perKb(m)}  ${m.outcome}`,
    );
  }
  for (const kind of ['nested-text', 'nested-inline', 'nested-lists', 'unclosed-divs', 'mismatched-closes']) {
    for (const depth of [5000, 40000]) {
      const m = measure(kind, depth, 'read');
      console.log(`  ${kind.padEnd(17)} ${String(depth).padStart(6)} deep ${kb(m.bytes)} ${ms(m.cpuMs)} ${perKb(m)}`);
    }
  }
}

/** Whole-analysis time per KB at two sizes. */
function perSize(): void {
  console.log(
    'whole-analysis time per KB at two sizes (analyzeStory, CPU time; a ratio near or below 1 means linear):',
  );
  const kinds = [
    ...['text-one-line', 'text-paragraphs', 'text-lines', 'text-no-stops', 'text-unbalanced-quotes', 'text-quote-runs'],
    ...['text-signed-quotes', 'text-single-quotes', 'text-capitalized', 'text-numbers-dates', 'text-repeated-lines'],
    ...[
      'text-long-word',
      'text-apostrophes',
      'markdown-prose',
      'markdown-openings',
      'html-paragraphs',
      'html-one-line',
    ],
    ...['html-table', 'html-entities', 'div-chains'],
  ];

  for (const kind of kinds) {
    const [small, large] = [250_000, 1_000_000].map((size) => measure(kind, size, 'all'));
    console.log(
      `  ${kind.padEnd(23)} ${kb(small!.bytes)} ${perKb(small!)}  ${kb(large!.bytes)} ${perKb(large!)}  ` +
        `(${((large!.cpuMs * small!.bytes) / (small!.cpuMs * large!.bytes)).toFixed(2)}x per KB)`,
    );
  }
}

/** The largest accepted inputs: whole-analysis time and peak memory. */
function largest(): void {
  console.log('largest accepted inputs (analyzeStory once; peak resident memory of the process):');
  const baseline = measure('text-paragraphs', 2_000, 'all');
  console.log(`  ${'baseline (2 KB of text)'.padEnd(30)} ${kb(baseline.bytes)} ${ms(baseline.cpuMs)} ${mb(baseline)}`);
  for (const [label, kind, size] of [
    ['4.9 MB text on one line', 'text-one-line', 4_900_000],
    ['4.9 MB text in paragraphs', 'text-paragraphs', 4_900_000],
    ['5 MB HTML page of paragraphs', 'html-paragraphs', 5_000_000],
    ['5 MB HTML of nested div chains', 'div-chains', 5_000_000],
  ] as const) {
    const m = measure(kind, size, 'all');
    console.log(`  ${label.padEnd(30)} ${kb(m.bytes)} ${ms(m.cpuMs)} ${mb(m)}  ${m.outcome}`);
  }
}

/** Prints the figures. */
export default async function (): Promise<void> {
  nesting();
  perSize();
  largest();
}
