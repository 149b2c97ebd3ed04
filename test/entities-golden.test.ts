import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { GOLDEN_FILE, languageGolden } from '../scripts/golden/language.js';
import { describeShared } from './helpers/shared.js';

describeShared('entities golden (test/golden/language/seeds.json, `npm run golden -- language`)', () => {
  it('matches the golden entities of the seed story', () => {
    const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, unknown>;
    expect(languageGolden().entities).toEqual(golden.entities);
  });
});
