// Measures one generated worst-case input in a process of its own, so that its peak memory is its own: run as
//   node --import tsx bench/lib/measure-input.ts KIND SIZE [read|all]
// it builds the input (scripts/lib/worst-inputs.ts), runs the reader (`read`) or the whole analysis (`all`, the
// default) once on a small input of the same kind (so that one-time set-up is not counted) and once on it, and prints
// one JSON line: CPU and wall milliseconds of that run, the process's peak resident
// memory, and what came out (characters, sentences, or the failure).
import type { RawArticle } from '../../src/core/model.js';
import { analyzeStory, readArticles } from '../../src/core/pipeline.js';
import { sizeIsDepth, WORST_INPUTS, type WorstInputKind } from '../../scripts/lib/worst-inputs.js';
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
/** Runs the phase on one input and says what came out. */
function run(content: string, format: RawArticle['format']): string {
  const raw: RawArticle = { id: 'x', source: kind!, format, content, meta: {} };
  if (phase === 'read') {
    const { articles, failures } = readArticles([raw]);
    const a = articles[0];
    return a ? `${a.text.length} chars, ${a.sentences.length} sentences` : (failures[0]?.message ?? 'nothing');
  }
  const report = analyzeStory([raw]);
  const a = report.articles[0];
  return a
    ? `${a.text.length} chars, ${a.sentences.length} sentences, ${report.quotes?.length ?? 0} quotes, ${report.dates?.length ?? 0} dates`
    : (report.failures[0]?.message ?? 'nothing');
}

const generate = WORST_INPUTS[kind as WorstInputKind];
// A small input of the same kind first: the libraries' one-time set-up (models, compiled patterns) is not counted.
const warmUp = generate(sizeIsDepth(kind as WorstInputKind) ? 500 : 50_000);
run(warmUp.content, warmUp.format);
const input = generate(Number(size));
const cpuStart = cpuMs();
const wallStart = performance.now();
const outcome = run(input.content, input.format);
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
