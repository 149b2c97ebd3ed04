import { describe, expect, it } from 'vitest';
import { datesOfStory } from '../src/core/analyze/dates/reference-dates.js';
import { findEntities } from '../src/core/analyze/entities.js';
import { wordUnits } from '../src/core/analyze/entities/word-units.js';
import { findNumbers } from '../src/core/analyze/numbers.js';
import { buildTimeline } from '../src/core/analyze/timeline.js';
import type { Article, Entity, RawArticle } from '../src/core/model.js';
import { readArticles } from '../src/core/pipeline.js';
import { createRunContext } from '../src/core/run-context.js';

/** Reads fictional texts as one story, each published on the given day. */
function story(texts: Record<string, string>, day = '2031-03-12'): Article[] {
  const raws: RawArticle[] = Object.entries(texts).map(([id, content]) => ({
    id,
    source: id,
    format: 'text',
    content,
    meta: { publishedAt: day },
  }));
  return readArticles(raws).articles;
}

const BRIDGE = {
  a: [
    'President Mara Lind toured the flooded valley on Monday. The president said 1,200 homes were damaged.',
    'Tomas Reyes, the county spokesman, said the Old Mill Dam held. Reyes said dozens of roads were closed.',
    'Lind met the Valley Post editors in 2029. The Post reported that the repairs cost $3 million, about 40% of the budget.',
    'Officials expect seven new pumps. The governor arrived yesterday.',
  ].join('\n\n'),
  b: [
    'President Mara Lind toured the flooded valley on Monday with engineers.',
    'She said the state would send seven pumps on March 5, 2031.',
  ].join('\n\n'),
};

/** The entity whose name is `name`. */
function entity(entities: readonly Entity[], name: string): Entity {
  const found = entities.find((e) => e.name === name);
  expect(found, entities.map((e) => e.name).join(' | ')).toBeDefined();
  return found!;
}

describe('provenance of the analyze stages', () => {
  const articles = story(BRIDGE);
  const ctx = createRunContext();
  const { articles: dated, mentions: dates } = datesOfStory(articles, { referenceDate: null });
  const entities = findEntities(dated, ctx);
  const numbers = findNumbers(dated, dates, ctx);
  const timeline = buildTimeline(dated, dates, ctx);

  it('gives every annotation its stage and a rule named after that stage', () => {
    const all = [
      ...dates.map((d) => ['dates', d.provenance] as const),
      ...entities.flatMap((e) => [
        ['entities', e.provenance] as const,
        ['entities', e.provenance.type] as const,
        ...e.provenance.roles.map((r) => ['entities', r] as const),
        ...e.mentions.map((m) => ['entities', m.provenance] as const),
      ]),
      ...numbers.map((n) => ['numbers', n.provenance] as const),
      ...timeline.map((t) => ['timeline', t.provenance] as const),
    ];
    expect(all.length).toBeGreaterThan(20);
    for (const [stage, p] of all) {
      expect(p.stage).toBe(stage);
      expect(p.rule).toMatch(new RegExp(`^${stage}/[a-z0-9]+(?:-[a-z0-9]+)*$`));
    }
  });

  it('names the rule of each date expression', () => {
    const rule = (text: string) => dates.find((d) => d.text.endsWith(text))?.provenance.rule;
    expect(rule('Monday')).toBe('dates/bare-weekday');
    expect(rule('2029')).toBe('dates/year-reference');
    expect(rule('yesterday')).toBe('dates/relative');
    expect(rule('March 5, 2031')).toBe('dates/calendar');
  });

  it('names the rule of each figure', () => {
    const rule = (text: string) => numbers.find((n) => n.text.startsWith(text))?.provenance.rule;
    expect(rule('1,200')).toBe('numbers/digits');
    expect(rule('seven')).toBe('numbers/number-words');
    expect(rule('dozens')).toBe('numbers/vague-amount');
    expect(rule('$3 million')).toBe('numbers/money-or-percent');
  });

  it('names the rule of each entity mention, of the type and of each role', () => {
    const lind = entity(entities, 'Mara Lind');
    const rules = new Set(lind.mentions.map((m) => m.provenance.rule));
    expect(rules).toContain('entities/name-run');
    const standIn = lind.mentions.find((m) => m.text.toLowerCase() === 'the president');
    expect(standIn).toMatchObject({ inferred: true, provenance: { rule: 'entities/title-stand-in' } });
    expect(lind.provenance.rule).toBe('entities/merge-names');
    expect(lind.provenance.type.rule).toBe('entities/full-person-name');
    expect(lind.provenance.roles).toHaveLength(lind.roles.length);
    expect(lind.provenance.roles[lind.roles.indexOf('President')]?.rule).toBe('entities/title-in-name');
    const reyes = entity(entities, 'Tomas Reyes');
    expect(reyes.provenance.roles[reyes.roles.indexOf('county spokesman')]?.rule).toBe('entities/role-apposition');
  });

  it('names the event merged from two articles apart from an event of one', () => {
    const merged = timeline.filter((t) => new Set(t.citations.map((c) => c.articleId)).size > 1);
    expect(merged.length).toBeGreaterThan(0);
    for (const t of timeline) {
      const reports = t.citations.length;
      expect(t.provenance.rule).toBe(reports > 1 ? 'timeline/same-event' : 'timeline/dated-clause');
    }
  });

  it('keeps the mention fields in their order, provenance added last', () => {
    expect(Object.keys(dates[0]!)).toEqual([
      'articleId',
      'start',
      'end',
      'text',
      'date',
      'precision',
      'inferred',
      'provenance',
    ]);
    expect(Object.keys(numbers[0]!).slice(0, 4)).toEqual(['articleId', 'start', 'end', 'text']);
    expect(Object.keys(numbers[0]!).at(-1)).toBe('provenance');
  });
});

describe('the run context of the analyze stages', () => {
  const text = 'Mara Lind met Tomas Reyes in Old-Mill on Monday.';

  it('memoizes word units per run: the same units within a run, fresh ones in another', () => {
    const run = createRunContext();
    const first = wordUnits(text, run);
    expect(wordUnits(text, run)).toBe(first);
    const other = wordUnits(text, createRunContext());
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
  });

  it('gives the same entities whether the stage shares a context or gets its own', () => {
    const articles = story(BRIDGE);
    const shared = createRunContext();
    wordUnits(articles[0]!.text, shared);
    expect(findEntities(articles, shared)).toEqual(findEntities(articles));
  });

  it('dates figures by the article dates the dates stage returns, passed as arguments', () => {
    // An undated article with nothing to date it: the figure's as-of date is the one its article carries, unknown
    // here, and known once the article arrives dated (no state is kept between the stages).
    const [undated] = story({ c: 'Officials counted 1,200 homes.' }, '');
    const bare = { ...undated!, publishedAt: null };
    const { articles, mentions } = datesOfStory([bare], { referenceDate: null });
    expect(findNumbers(articles, mentions)[0]?.asOf).toBeNull();
    const settled = { ...bare, publishedAt: { value: '2031-03-12', inferred: false, basis: 'test' } };
    expect(findNumbers([settled], mentions)[0]?.asOf).toMatchObject({ value: '2031-03-12', inferred: true });
  });
});
