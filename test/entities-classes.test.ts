import { describe, expect, it } from 'vitest';
import { findEntities } from '../src/core/analyze/entities.js';
import type { Entity } from '../src/core/model.js';
import { readArticles } from '../src/core/pipeline.js';

// Invented sentences, one class of entity error each (issue 12; found with scripts/audit-entities.ts), each with a case
// that must keep its old answer or yield nothing.

function entities(...texts: string[]): Entity[] {
  const { articles } = readArticles(
    texts.map((content, i) => ({ id: `t${i + 1}`, source: `t${i + 1}`, format: 'text', content, meta: {} })),
  );
  return findEntities(articles);
}

const names = (es: readonly Entity[]): string[] => es.map((e) => e.name);

describe('a qualifier that begins a name stays in it', () => {
  it('"The New York Post reports" names the New York Post, not "York Post"', () => {
    const es = entities('The New York Post reports that the harbor bridge will close for repairs next spring.');
    expect(names(es)).toContain('New York Post');
    expect(names(es)).not.toContain('York Post');
  });

  it('"New Jersey Gov. Mara Quill" keeps New Jersey out of her name but in the text of the mention', () => {
    const es = entities('On Friday, New Jersey Gov. Mara Quill signed the harbor bill into law.');
    const quill = es.find((e) => e.name === 'Mara Quill');
    expect(quill?.type).toBe('person');
    expect(names(es)).not.toContain('Jersey Gov. Mara Quill');
  });

  it('a qualifier before a title still drops ("Former Gov. Tom Reyes" is Tom Reyes)', () => {
    const es = entities('Former Gov. Tom Reyes spoke at the harbor on Sunday about the bridge.');
    expect(names(es)).toContain('Tom Reyes');
    expect(names(es).some((n) => n.startsWith('Former'))).toBe(false);
  });
});

describe('capitalized particles and titles at a sentence start', () => {
  it('"Al Qaeda" and "Le Pen" keep their first word', () => {
    const es = entities('The report said Al Qaeda had lost ground. Analysts compared the vote to Le Pen in France.');
    expect(names(es)).toContain('Al Qaeda');
    expect(names(es)).not.toContain('Qaeda');
  });

  it('"President Ana Ruiz called" at a sentence start keeps the title in the mention', () => {
    const es = entities('President Ana Ruiz called the mayor on Monday about the flooded harbor.');
    const ruiz = es.find((e) => e.name === 'Ana Ruiz');
    expect(ruiz?.roles).toContain('President');
    expect(ruiz?.mentions[0]?.text).toBe('President Ana Ruiz');
  });

  it('"The" and "But" at a sentence start still drop', () => {
    const es = entities('But Ana Ruiz was not at the harbor. The Harbor Council met without her.');
    expect(names(es)).toContain('Ana Ruiz');
    expect(names(es)).toContain('Harbor Council');
    expect(names(es).some((n) => /^(But|The) /.test(n))).toBe(false);
  });
});

describe('"of" and "for" after a place or plural head', () => {
  it('"District of Columbia" and "Centers for Disease Control" are whole names', () => {
    const es = entities(
      'Voters in the District of Columbia went to the polls. The Centers for Disease Control issued a warning.',
    );
    expect(names(es)).toContain('District of Columbia');
    expect(names(es)).toContain('Centers for Disease Control');
  });

  it('"the President of the United States" does not make the United States a titled person', () => {
    const es = entities('She met the President of the United States at the harbor on Friday.');
    expect(es.find((e) => e.name === 'United States')?.type ?? 'place').toBe('place');
  });
});

describe('a place named by its head word alone', () => {
  it('"the Strip" is a mention of the Gaza Strip, inferred', () => {
    const es = entities('Egypt borders the Gaza Strip. Israel struck targets in the Strip on Tuesday.');
    expect(names(es)).not.toContain('Strip');
    const gaza = es.find((e) => e.name === 'Gaza Strip');
    expect(gaza?.mentions.some((m) => m.text === 'Strip' && m.inferred)).toBe(true);
  });

  it('with no full name in the story, "the Valley" names nothing', () => {
    const es = entities('Rain fell across the Valley on Tuesday and the roads were closed.');
    expect(names(es)).not.toContain('Valley');
  });
});

describe('roles', () => {
  it('a role does not start with "to" or "for" ("wrote to author Jo Lane" gives the role "author")', () => {
    const es = entities('The mayor wrote to author Jo Lane about the harbor festival last week.');
    const lane = es.find((e) => e.name === 'Jo Lane');
    expect(lane?.roles).toEqual(['author']);
  });
});

describe('negative cases', () => {
  it('plain lower-case prose yields no entity', () => {
    expect(entities('the water rose slowly and the old road was closed before dawn.')).toEqual([]);
  });
});
