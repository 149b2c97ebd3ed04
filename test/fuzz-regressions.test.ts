import { afterAll, describe, expect, it } from 'vitest';
import { FuzzPool } from '../scripts/fuzz/pool.js';
import { loadCases, needsSharedData, replayCase } from '../scripts/fuzz/regressions.js';
import { hasShared, itWith, SHARED_SEEDS } from './helpers/shared.js';

// Every problem the fuzzer saved is replayed: a fixed case must pass within its budget. An open case (a known
// problem, with where it is) is listed as a todo, counted in the suite's name, until it is fixed. A case made from the
// shared articles skips without them (and fails under CI, like every test on the shared data).
const cases = loadCases();
const budget = Math.max(1000, ...cases.map((c) => c.case.budgetMs));
const msPerMb = Math.max(0, ...cases.map((c) => c.case.msPerMb ?? 0));
// The pool's hang limit is the largest budget's; each case is then held to its own budget (replayCase).
const pool = new FuzzPool({ targets: [...new Set(cases.map((c) => c.case.target))], budgetMs: budget, msPerMb });
afterAll(() => pool.close());
const open = cases.filter((c) => c.case.status === 'open').length;
const onShared = cases.filter((c) => c.case.status !== 'open' && needsSharedData(c.case)).length;

describe(`fuzz regression cases (${cases.length}: ${open} open, ${onShared} fixed on the shared articles)`, () => {
  it('are stored small, without copies of the shared articles', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const { file, case: saved } of cases) {
      expect(JSON.stringify(saved).length, file).toBeLessThan(20_000);
      expect(saved.status, file).toMatch(/^(open|fixed)$/);
    }
  });

  for (const { file, case: saved } of cases) {
    if (saved.status === 'open') {
      it.todo(`${file} (open: ${saved.kind}, ${saved.where ?? saved.message})`);
      continue;
    }
    itWith(!needsSharedData(saved) || hasShared, SHARED_SEEDS)(
      file,
      async () => {
        expect(await replayCase(pool, saved)).toEqual({ ok: true });
      },
      300_000,
    );
  }
});
