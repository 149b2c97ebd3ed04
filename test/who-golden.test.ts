import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { STORIES, goldenFile, whoGolden, type StoryName } from '../scripts/golden/who.js';
import { describeShared } from './helpers/shared.js';

interface Golden {
  labels: Record<string, string>;
  entities: { name: string; type: string }[];
  quotes: { kind: string; text: string; speaker: { name: string } | null; speakerSearch?: { reason: string } }[];
}

describeShared('who and what on real stories (test/golden/who, `npm run golden -- who`)', () => {
  it.each(Object.keys(STORIES) as StoryName[])('%s matches its golden file', (name) => {
    const golden = JSON.parse(readFileSync(goldenFile(name), 'utf8')) as unknown;
    expect(whoGolden(name)).toEqual(golden);
  });

  it('"The New York Post reports" names the New York Post, not "York Post"', () => {
    const g = whoGolden('polnear-stealth-over-health') as Golden;
    const names = g.entities.map((e) => e.name);
    expect(names).toContain('New York Post');
    expect(names).not.toContain('York Post');
  });

  it('no label is an id or a file name, and every quote without a speaker says where it was looked for', () => {
    for (const name of Object.keys(STORIES) as StoryName[]) {
      const g = whoGolden(name) as Golden;
      for (const label of Object.values(g.labels)) expect(label).not.toMatch(/^a\d+$|\.txt$|#\d+$/);
      for (const q of g.quotes) if (!q.speaker) expect(q.speakerSearch?.reason).toBeDefined();
    }
  });

  it('no quote ends on a dangling conjunction or preposition', () => {
    for (const name of Object.keys(STORIES) as StoryName[]) {
      const g = whoGolden(name) as Golden;
      for (const q of g.quotes.filter((x) => x.kind === 'indirect' && !x.text.endsWith('…'))) {
        expect(q.text).not.toMatch(/\s(and|or|but|while|with|of|to|the)$/);
      }
    }
  });
});
