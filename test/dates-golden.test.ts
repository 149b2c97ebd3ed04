import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { computeGolden, GOLDEN_DIR, hasStories, STORIES } from '../scripts/golden/dates.js';
import { describeWith } from './helpers/shared.js';

// Article dates, date expressions, timeline and the timing of differences on real stories (npm run golden -- dates).
describeWith(hasStories(), 'the shared stories (seeds, eval/clustering, eval/extraction)')('dates golden files', () => {
  for (const name of Object.keys(STORIES)) {
    it(`matches ${name}.json`, () => {
      const file = join(GOLDEN_DIR, `${name}.json`);
      expect(existsSync(file)).toBe(true);
      const expected: unknown = JSON.parse(readFileSync(file, 'utf8'));
      expect(JSON.parse(JSON.stringify(computeGolden(name)))).toEqual(expected);
    });
  }
});
