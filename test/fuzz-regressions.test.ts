import { afterAll, describe, expect, it } from 'vitest';
import { FuzzPool } from '../scripts/fuzz/pool.js';
import { loadCases, needsSharedData, replayCase } from '../scripts/fuzz/regressions.js';
import { hasShared } from './helpers/shared.js';

// Every problem the fuzzer saved is replayed: a fixed case must pass within its budget; an open case (a known
// problem, with where it is) is listed as skipped until it is fixed.
const cases = loadCases();
const budget = Math.max(1000, ...cases.map((c) => c.case.budgetMs));
const msPerMb = Math.max(0, ...cases.map((c) => c.case.msPerMb ?? 0));
// The pool's hang limit is the largest budget's; each case is then held to its own budget (replayCase).
const pool = new FuzzPool({ targets: [...new Set(cases.map((c) => c.case.target))], budgetMs: budget, msPerMb });
afterAll(() => pool.close());

describe('fuzz regression cases', () => {
  it('are stored small, without copies of the shared articles', () => {
    for (const { file, case: saved } of cases) {
      expect(JSON.stringify(saved).length, file).toBeLessThan(20_000);
      expect(saved.status, file).toMatch(/^(open|fixed)$/);
    }
  });

  for (const { file, case: saved } of cases) {
    const skip = saved.status === 'open' || (needsSharedData(saved) && !hasShared);
    const title = `${file}${saved.status === 'open' ? ` (open: ${saved.kind}, ${saved.where ?? saved.message})` : ''}`;
    it.skipIf(skip)(title, { timeout: 300_000 }, async () => {
      expect(await replayCase(pool, saved)).toEqual({ ok: true });
    });
  }
});
