import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/core/article-from-text.js';
import { findDates } from '../src/core/analyze/dates.js';
import { buildTimeline } from '../src/core/analyze/timeline.js';
import type { Article, RawArticle, TimelineEvent } from '../src/core/model.js';
import { readArticles } from '../src/core/pipeline.js';
import { describeShared, seedRaws } from './helpers/shared.js';

/** A hand-built article with a stated publication date. */
function article(id: string, text: string, publishedAt = '2021-05-17'): Article {
  return articleFromText(id, text, { publishedAt: { value: publishedAt, inferred: false, basis: 'test' } });
}

/** The timeline of hand-built articles. */
function timelineOf(articles: Article[]): TimelineEvent[] {
  return buildTimeline(articles, findDates(articles, { referenceDate: null }));
}

describe('buildTimeline', () => {
  it('states the clause around the date, without the date, in date order', () => {
    const events = timelineOf([
      article('a', 'On Wednesday, the president called the prime minister, urging calm. In 2014, the war began.'),
    ]);
    expect(events.map((e) => [e.date, e.text])).toEqual([
      ['2014', 'The war began.'],
      ['2021-05-12', 'The president called the prime minister'],
    ]);
    expect(events[1]).toMatchObject({ precision: 'day', inferred: true });
  });

  it('merges the same event across articles and cites both sentences', () => {
    const events = timelineOf([
      article('a', 'Secretary Blinken on Wednesday spoke to Netanyahu about the violence.'),
      article('b', 'Blinken also met with Netanyahu on Wednesday in Jerusalem.'),
      article('c', 'On Wednesday, the senators voted on the budget.'),
    ]);
    const wed = events.filter((e) => e.date === '2021-05-12');
    expect(wed).toHaveLength(2);
    expect(wed.find((e) => e.text.includes('Netanyahu'))!.citations.map((c) => c.articleId)).toEqual(['a', 'b']);
  });

  it('takes the subject of a relative clause: "X, who said Sunday that ..."', () => {
    const [event] = timelineOf([
      article(
        'a',
        'It follows remarks from Secretary-General Antonio Guterres, who said Sunday that the fighting must stop.',
      ),
    ]);
    expect(event?.text).toBe('Secretary-General Antonio Guterres said that the fighting must stop.');
  });

  it('skips dates inside quotes, page stamps, bounds and captions', () => {
    const events = timelineOf([
      article(
        'a',
        '"We spoke today with the minister," the spokesman said.\n\nUpdated at 5:19 p.m.\n\n' +
          "Prior to Monday's call, the administration voiced support.\n\nJake Sullivan, two months ago.",
      ),
    ]);
    expect(events).toEqual([]);
  });

  it('cites the exact sentence that reports the event', () => {
    const text = 'The council met on Tuesday and approved the plan. Nothing else happened.';
    const [event] = timelineOf([article('a', text)]);
    expect(text.slice(event!.citations[0]!.start, event!.citations[0]!.end)).toBe(
      'The council met on Tuesday and approved the plan.',
    );
  });
});

describeShared('buildTimeline on the seed articles', () => {
  const raws: RawArticle[] = seedRaws();
  const { articles } = readArticles(raws);
  const timeline = buildTimeline(articles, findDates(articles, { referenceDate: null }));
  const on = (date: string, ...words: string[]) =>
    timeline.filter((e) => e.date === date && words.every((w) => e.text.includes(w)));

  it("has Biden's Monday call for a ceasefire (2021-05-17) and Guterres' Sunday remarks (2021-05-16), from 003", () => {
    expect(on('2021-05-17', 'Biden', 'ceasefire').length).toBeGreaterThanOrEqual(1);
    expect(on('2021-05-16', 'Guterres', 'said')).toHaveLength(1);
  });

  it('places no event of the articles whose date is unknown (000, 001, 002, 004) at a guessed date', () => {
    const dayEvents = timeline.filter((e) => e.precision !== 'year');
    expect(dayEvents.length).toBeGreaterThan(0);
    for (const e of dayEvents) {
      expect(new Set(e.citations.map((c) => c.articleId.slice(0, 3))), e.text).toEqual(new Set(['003']));
    }
    expect(timeline.some((e) => e.text.includes('open warfare'))).toBe(false);
  });

  it('keeps the older events: the 2014 war and the 1997 designation, stated', () => {
    expect(on('2014', 'war').every((e) => !e.inferred)).toBe(true);
    expect(on('1997', 'since 1997')).toHaveLength(1);
  });

  it('is in date order, with short statements and citations that point into the articles', () => {
    const dates = timeline.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const e of timeline) {
      expect(e.text.split(' ').length).toBeLessThanOrEqual(30);
      for (const c of e.citations) {
        const a = articles.find((x) => x.id === c.articleId)!;
        expect(c.end).toBeGreaterThan(c.start);
        expect(c.end).toBeLessThanOrEqual(a.text.length);
      }
    }
  });
});
