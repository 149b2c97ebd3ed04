import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { digest, GOLDEN_FILE, seedStory } from '../scripts/golden/compose.js';
import { composeStory } from '../src/core/compose/compose.js';
import { describeShared } from './helpers/shared.js';

describeShared('compose golden file (npm run golden -- compose to regenerate)', () => {
  it('matches the structural digest of the seed story', () => {
    const expected = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as unknown;
    const actual = JSON.parse(JSON.stringify(digest(composeStory(seedStory(), { summaryWords: 120 })))) as unknown;
    expect(actual).toEqual(expected);
  });
});
