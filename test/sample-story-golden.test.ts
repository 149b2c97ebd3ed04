import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN_DIR, PARTS, readSample, sampleGolden, type Part } from '../scripts/golden/sample-story.js';

// The fictional sample story's golden files (test/golden/sample-story, `npm run golden -- sample-story`): reader,
// entities, quotes, numbers and dates, dates and differences, compose. They need nothing outside the repository, so
// they never skip.
describe('sample story golden files', () => {
  let actual: Record<Part, unknown>;
  beforeAll(async () => {
    actual = sampleGolden(await readSample());
  });

  for (const part of PARTS) {
    it(`matches ${part}.json`, () => {
      const file = join(GOLDEN_DIR, `${part}.json`);
      expect(existsSync(file), file).toBe(true);
      const expected: unknown = JSON.parse(readFileSync(file, 'utf8'));
      expect(actual[part]).toEqual(expected);
    });
  }

  it('holds something in every part (an empty golden file would check nothing)', () => {
    for (const part of PARTS) expect(JSON.stringify(actual[part]).length, part).toBeGreaterThan(200);
  });
});
