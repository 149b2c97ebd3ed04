// Fuzzes Parallax's input paths (files, HTML, JSON, JSON Lines, batch lines, HTTP bodies) with fast-check, seeded with
// the articles in ../shared; saves every problem as a regression case in test/fuzz-regressions/.
//
//   npm run fuzz                           2,000 inputs, large sizes, a random seed (printed)
//   npm run fuzz -- --runs 100000          the long run
//   npm run fuzz -- --target reader,file --seed 42 --budget-ms 2000 --ms-per-mb 20000 --mode ci
//     (an input's budget: --budget-ms, plus --ms-per-mb for each million characters of its largest text)
//   npm run fuzz -- --replay               replays the saved cases; marks the open ones that now pass as fixed
import { parseArgs } from 'node:util';
import { FuzzPool } from './fuzz/pool.js';
import { loadCases, replayCase, saveFinding, updateCase } from './fuzz/regressions.js';
import { fuzz } from './fuzz/run.js';
import { TARGETS, targetNamed } from './fuzz/targets/index.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    seed: { type: 'string' },
    mode: { type: 'string', default: 'long' },
    'budget-ms': { type: 'string' },
    'ms-per-mb': { type: 'string' },
    target: { type: 'string' },
    'shrink-s': { type: 'string', default: '60' },
    'no-save': { type: 'boolean', default: false },
    replay: { type: 'boolean', default: false },
  },
});

const mode = values.mode === 'ci' ? 'ci' : 'long';
const budgetMs = Number(values['budget-ms'] ?? (mode === 'ci' ? 10_000 : 2_000));
// Reading costs up to about 25 microseconds a character when every few characters are a token (measured on 2 MB
// inputs of markup read as text): a large input read in linear time stays within its budget, a superlinear one does not.
const msPerMb = Number(values['ms-per-mb'] ?? 25_000);
const targets = values.target ? values.target.split(',').map((name) => targetNamed(name.trim())) : TARGETS;

if (values.replay) {
  process.exitCode = await replay();
} else {
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  // Open cases are known problems: not reported again. A fixed case's problem, found again, is news.
  const known = new Set(
    loadCases()
      .filter((c) => c.case.status === 'open')
      .map((c) => c.case.signature),
  );
  console.log(
    `fuzzing ${targets.map((t) => t.name).join(', ')}: ${values.runs} inputs, seed ${seed}, ${mode} sizes, ` +
      `budget ${budgetMs} ms + ${msPerMb} ms per million characters`,
  );
  const started = performance.now();
  let lastLine = 0;
  const report = await fuzz({
    targets,
    runs: Number(values.runs),
    seed,
    mode,
    budgetMs,
    msPerMb,
    known,
    shrinkMs: Number(values['shrink-s']) * 1000,
    onProgress: ({ target, done, total }) => {
      if (performance.now() - lastLine < 5000 && done !== total) return;
      lastLine = performance.now();
      console.log(`  ${target}: ${done}/${total}`);
    },
    onFinding: (finding) => {
      const where = values['no-save'] ? '' : ` -> ${saveFinding(finding)}`;
      console.log(`  FOUND ${finding.target} ${finding.kind}: ${finding.message}${where}`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `${report.runs} inputs in ${seconds} s (${Object.entries(report.perTarget)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}); ` + `${report.findings.length} new problem(s); workers started: ${report.workersStarted}`,
  );
  process.exitCode = report.findings.length > 0 ? 1 : 0;
}

/** Replays every saved case; an open case that passes becomes fixed, a fixed case that fails is a regression. */
async function replay(): Promise<number> {
  const cases = loadCases();
  let broken = 0;
  for (const { file, case: saved } of cases) {
    const pool = new FuzzPool({ targets: [saved.target], budgetMs: saved.budgetMs, msPerMb: saved.msPerMb ?? 0 });
    const verdict = await replayCase(pool, saved).finally(() => pool.close());
    const state = verdict.ok ? 'passes' : `${verdict.kind}: ${verdict.message}`;
    console.log(`${file} (${saved.status}): ${state}`);
    if (verdict.ok && saved.status === 'open') updateCase(file, { ...saved, status: 'fixed' });
    if (!verdict.ok && saved.status === 'fixed') broken++;
  }
  console.log(`${cases.length} case(s); ${broken} fixed case(s) failing again`);
  return broken > 0 ? 1 : 0;
}
