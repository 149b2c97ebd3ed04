import { afterAll, describe, expect, it } from 'vitest';
import { materializeBytes, materializeText, PROFILES } from '../scripts/fuzz/mutations.js';
import { budgetFor, FuzzPool } from '../scripts/fuzz/pool.js';
import { loadCases } from '../scripts/fuzz/regressions.js';
import { fuzz, signatureOf } from '../scripts/fuzz/run.js';
import { TARGETS } from '../scripts/fuzz/targets/index.js';
import { unclearMessage } from '../scripts/fuzz/verdict.js';

/** The CI run: a fixed seed, small sizes, every target; a few thousand inputs in well under a minute. */
const CI_RUNS = 2000;
const CI_SEED = 20240305;

describe('the fuzzer', () => {
  it(
    `finds no new problem in ${CI_RUNS} inputs over every input path (seed ${CI_SEED})`,
    { timeout: 600_000 },
    async () => {
      // Problems saved from CI-sized inputs and still open are known (listed in test/fuzz-regressions with where they
      // are); the long run's open cases (large inputs) hide nothing here.
      const known = new Set(
        loadCases()
          .filter((c) => c.case.status === 'open' && c.case.mode === 'ci')
          .map((c) => c.case.signature),
      );
      const report = await fuzz({
        targets: TARGETS,
        runs: CI_RUNS,
        seed: CI_SEED,
        mode: 'ci',
        budgetMs: 10_000,
        known,
        shrinkMs: 20_000,
      });
      expect(
        report.findings.map((f) => ({ target: f.target, kind: f.kind, message: f.message, input: f.input })),
      ).toEqual([]);
      expect(report.runs).toBeGreaterThanOrEqual(CI_RUNS - TARGETS.length);
      expect(Object.keys(report.perTarget).sort()).toEqual(TARGETS.map((t) => t.name).sort());
    },
  );
});

describe('the watchdog', () => {
  const pool = new FuzzPool({ targets: ['self-test'], budgetMs: 300, hangFactor: 3, memoryMb: 64 });
  afterAll(() => pool.close());

  it('records a thrown exception as a crash, with where it was thrown', async () => {
    const { verdict } = await pool.run('self-test', { action: 'throw' });
    expect(verdict).toMatchObject({ ok: false, kind: 'crash', message: 'TypeError: thrown on purpose' });
    expect(!verdict.ok && verdict.detail).toMatch(/self-test\.ts/);
  });

  it('records an input over its budget, and stops a loop that never yields with a fresh worker after it', async () => {
    expect((await pool.run('self-test', { action: 'sleep', ms: 500 })).verdict).toMatchObject({
      kind: 'budget-overrun',
    });
    const startedBefore = pool.started;
    expect((await pool.run('self-test', { action: 'loop' })).verdict).toMatchObject({
      kind: 'hang',
      message: 'no result within 900 ms (budget 300 ms)',
    });
    expect((await pool.run('self-test', { action: 'pass' })).verdict).toEqual({ ok: true });
    expect(pool.started).toBe(startedBefore + 1);
  });

  it('gives a large input a larger budget: its size in millions of characters times msPerMb more', async () => {
    const sized = new FuzzPool({ targets: ['self-test'], budgetMs: 300, msPerMb: 1000, hangFactor: 3 });
    try {
      // 400 ms is over the budget of 300 ms, within the 300 + 1000 ms of an input of a million characters.
      expect((await sized.run('self-test', { action: 'sleep', ms: 400 })).verdict).toMatchObject({
        kind: 'budget-overrun',
        message: expect.stringMatching(/^took \d+ ms \(budget 300 ms\)$/) as unknown,
      });
      const large = await sized.run('self-test', { action: 'sleep', ms: 400, chars: 1_000_000 });
      expect(large).toMatchObject({ verdict: { ok: true }, chars: 1_000_000 });
      // The hang limit grows with it: 3 x 1,300 ms.
      expect((await sized.run('self-test', { action: 'loop', chars: 1_000_000 })).verdict).toMatchObject({
        kind: 'hang',
        message: 'no result within 3900 ms (budget 1300 ms)',
      });
    } finally {
      await sized.close();
    }
    expect(budgetFor(500_000, { budgetMs: 2000, msPerMb: 25_000 })).toBe(14_500);
  });

  it('records an input that exhausts the memory limit, and goes on', async () => {
    expect((await pool.run('self-test', { action: 'allocate' })).verdict).toMatchObject({ kind: 'out-of-memory' });
    expect((await pool.run('self-test', { action: 'pass' })).verdict).toEqual({ ok: true });
  });
});

describe('fuzz inputs and verdicts', () => {
  it('materializes recipes: mutations in order, positions as fractions, the cap last', () => {
    const text = materializeText({
      base: { literal: 'abcdef' },
      mutations: [
        { op: 'insert', at: 500_000, text: 'X' },
        { op: 'wrap', at: 0, to: 1_000_000, open: '<p>', close: '</p>', depth: 2 },
        { op: 'repeat', at: 0, length: 1, times: 2 },
      ],
      maxChars: 100,
    });
    expect(text).toBe('<<p><p>abcXdef</p></p>');
    expect(
      materializeText({ base: { literal: 'abcdef' }, mutations: [{ op: 'slice', from: 0, to: 500_000 }], maxChars: 2 }),
    ).toBe('ab');
    const bytes = materializeBytes({
      text: { base: { literal: 'é' }, mutations: [], maxChars: PROFILES.ci.maxChars },
      encoding: 'utf16le',
      bom: true,
      mutations: [{ op: 'insert', at: 1_000_000, bytes: [0] }],
    });
    expect([...bytes]).toEqual([0xff, 0xfe, 0xe9, 0x00, 0x00]);
  });

  it('tells clear messages from unclear ones', () => {
    expect(unclearMessage('a.txt: the input is empty', 'a.txt')).toBeNull();
    expect(unclearMessage('"publishedAt" is not an ISO 8601 date: "undefined"')).toBeNull();
    expect(unclearMessage('')).toBe('an empty message');
    expect(unclearMessage('x: Cannot read properties of undefined (reading "0")', 'x')).toMatch(/JavaScript/);
    expect(unclearMessage('internal error: boom')).toMatch(/internal error/);
    expect(unclearMessage('boom\n    at f (a.ts:1:1)')).toMatch(/stack trace/);
    expect(unclearMessage('the input is empty', 'a.txt')).toMatch(/name/);
  });

  it('gives one signature to repeats of one problem', () => {
    const a = signatureOf('json', { ok: false, kind: 'crash', message: 'RangeError: offset 12 out of "abc"' });
    const b = signatureOf('json', { ok: false, kind: 'crash', message: 'RangeError: offset 907 out of "xyz"' });
    expect(a).toBe(b);
    expect(signatureOf('html', { ok: false, kind: 'hang', message: 'no result within 10 ms' })).toBe('html:hang');
  });
});
