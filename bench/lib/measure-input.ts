// Measures one generated worst-case input in a process of its own, so that its peak memory is its own: run as
//   node --import tsx bench/lib/measure-input.ts KIND SIZE [read|all]
// it builds the input (scripts/lib/worst-inputs.ts), runs the reader (`read`) or the whole analysis (`all`, the
// default) on it once, and prints one JSON line: CPU and wall milliseconds of that run, the process's peak resident
// memory, and what came out (characters, sentences, or the failure).
import { analyzeStory, readArticles } from '../../src/core/pipeline.js';
import { WORST_INPUTS, type WorstInputKind } from '../../scripts/lib/worst-inputs.js';
import { cpuMs } from './cpu-time.js';

/** What one measurement prints. */
export interface InputMeasure {
  kind: string;
  size: number;
  phase: 'read' | 'all';
  bytes: number;
  cpuMs: number;
  wallMs: number;
  maxRssMb: number;
  outcome: string;
}

const [kind, size, phase = 'all'] = process.argv.slice(2);
if (!kind || !(kind in WORST_INPUTS) || !size || (phase !== 'read' && phase !== 'all')) {
  console.error(`usage: measure-input.ts KIND SIZE [read|all]; kinds: ${Object.keys(WORST_INPUTS).join(', ')}`);
  process.exit(2);
}
const input = WORST_INPUTS[kind as WorstInputKind](Number(size));
const raw = { id: 'x', source: kind, format: input.format, content: input.content, meta: {} };
const cpuStart = cpuMs();
const wallStart = performance.now();
let outcome: string;
if (phase === 'read') {
  const { articles, failures } = readArticles([raw]);
  const a = articles[0];
  outcome = a ? `${a.text.length} chars, ${a.sentences.length} sentences` : (failures[0]?.message ?? 'nothing');
} else {
  const report = analyzeStory([raw]);
  const a = report.articles[0];
  outcome = a
    ? `${a.text.length} chars, ${a.sentences.length} sentences, ${report.quotes?.length ?? 0} quotes, ${report.dates?.length ?? 0} dates`
    : (report.failures[0]?.message ?? 'nothing');
}
const measure: InputMeasure = {
  kind,
  size: Number(size),
  phase,
  bytes: Buffer.byteLength(input.content, 'utf8'),
  cpuMs: cpuMs() - cpuStart,
  wallMs: performance.now() - wallStart,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  outcome,
};
console.log(JSON.stringify(measure));
