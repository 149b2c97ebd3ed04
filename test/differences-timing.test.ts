import { describe, expect, it } from 'vitest';
import { daySpanOf, differenceRelation } from '../src/core/compose/timing.js';
import type { DateValue, RawArticle } from '../src/core/model.js';
import { analyzeStory } from '../src/core/pipeline.js';
import { renderMarkdown } from '../src/core/render/render-markdown.js';

const day = (value: string): DateValue => ({ value, inferred: false, basis: 'test' });
const range = (earliest: string, latest: string): DateValue => ({
  value: `${earliest}/${latest}`,
  inferred: true,
  basis: 'test',
  earliest,
  latest,
});

describe('differenceRelation', () => {
  it('is a conflict when two disagreeing reports hold for the same day, or the same stated year', () => {
    expect(differenceRelation([[day('2021-05-17'), day('2021-05-17')]])).toBe('conflict');
    expect(differenceRelation([[day('2014'), day('2014')]])).toBe('conflict');
  });

  it('is an update when every pair holds for different times', () => {
    expect(differenceRelation([[day('2021-05-12'), day('2021-05-17')]])).toBe('update');
    expect(differenceRelation([[range('2021-05-03', '2021-05-09'), range('2021-05-10', '2021-05-16')]])).toBe('update');
  });

  it('is of unknown timing when a date is unknown, or two ranges overlap', () => {
    expect(differenceRelation([[null, day('2021-05-17')]])).toBe('unknown-timing');
    expect(differenceRelation([[range('2021-05-12', '2021-05-18'), day('2021-05-17')]])).toBe('unknown-timing');
    expect(differenceRelation([[range('2021-05-12', '2021-05-18'), range('2021-05-12', '2021-05-18')]])).toBe(
      'unknown-timing',
    );
    expect(differenceRelation([])).toBe('unknown-timing');
  });

  it('reads the days a value stands for: a day, a range, a month, a year', () => {
    expect(daySpanOf(day('2021-05-17T10:00:00Z'))).toEqual({ first: '2021-05-17', last: '2021-05-17' });
    expect(daySpanOf(range('2021-05-12', '2021-05-18'))).toEqual({ first: '2021-05-12', last: '2021-05-18' });
    expect(daySpanOf(day('2020-02'))).toEqual({ first: '2020-02-01', last: '2020-02-29' });
    expect(daySpanOf(day('2020-12'))).toEqual({ first: '2020-12-01', last: '2020-12-31' });
    expect(daySpanOf(day('2014'))).toEqual({ first: '2014-01-01', last: '2014-12-31' });
    expect(daySpanOf(null)).toBeNull();
  });
});

describe('number differences in time (fiction: a toll reported on two days)', () => {
  const raw = (id: string, toll: number, publishedAt?: string): RawArticle => ({
    id,
    source: id,
    format: 'text',
    content:
      `Airstrikes hit the city overnight.\n\nAt least ${toll} people have been killed in the fighting, health ` +
      'officials said.\n\nAid groups called for a pause.',
    meta: publishedAt ? { publishedAt } : {},
  });
  const relation = (a?: string, b?: string) => analyzeStory([raw('a', 65, a), raw('b', 200, b)]).differences?.[0];

  it('calls two tolls of different days an update, each with its date', () => {
    const d = relation('2021-05-12', '2021-05-17');
    expect(d?.relation).toBe('update');
    expect(d?.claims.map((c) => [c.value, c.asOf?.value])).toEqual([
      [65, '2021-05-12'],
      [200, '2021-05-17'],
    ]);
  });

  it('calls two tolls of the same day a conflict', () => {
    expect(relation('2021-05-17', '2021-05-17')?.relation).toBe('conflict');
  });

  it('says the timing is unknown when one article has no date, and never gives it the other article date', () => {
    const d = relation(undefined, '2021-05-17');
    expect(d?.relation).toBe('unknown-timing');
    expect(d?.claims.find((c) => c.value === 65)?.asOf).toBeNull();
  });

  it('shows the relation in the Markdown report', () => {
    const md = renderMarkdown(analyzeStory([raw('a', 65, '2021-05-12'), raw('b', 200, '2021-05-17')]));
    expect(md).toContain('update: the versions hold for different dates');
  });
});
