import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { computeGolden, GOLDEN_FILE } from '../scripts/golden/numbers-dates.js';
import { describeShared } from './helpers/shared.js';

describeShared('numbers, dates and timeline on the seeds match the golden file (npm run golden numbers-dates)', () => {
  it('has a golden file', () => {
    expect(existsSync(GOLDEN_FILE)).toBe(true);
  });

  it('matches it structurally', () => {
    const expected: unknown = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8'));
    expect(computeGolden()).toEqual(expected);
  });
});
