import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/core/article-from-text.js';
import { findDates } from '../src/core/analyze/dates.js';
import type { Article, DateMention, RawArticle } from '../src/core/model.js';
import { readArticles } from '../src/core/pipeline.js';
import { describeShared, seedRaws } from './helpers/shared.js';

/** A hand-built article with an optional stated publication date. */
function article(text: string, publishedAt?: string, id = 'a'): Article {
  return articleFromText(id, text, {
    publishedAt: publishedAt ? { value: publishedAt, inferred: false, basis: 'test' } : null,
  });
}

/** The date mentions of one text. */
function datesOf(text: string, publishedAt?: string, referenceDate: string | null = null): DateMention[] {
  return findDates([article(text, publishedAt)], { referenceDate });
}

/** The one mention whose text is `expr`. */
function one(mentions: DateMention[], expr: string): DateMention {
  const found = mentions.filter((m) => m.text === expr);
  expect(found, `mentions: ${mentions.map((m) => m.text).join(' | ')}`).toHaveLength(1);
  return found[0]!;
}

describe('findDates: resolution against the publication date (Monday 2021-05-17)', () => {
  const pub = '2021-05-17';

  it('reads a bare weekday as the most recent such day on or before the reference', () => {
    const ms = datesOf('On Wednesday, the president called. Monday, he spoke again.', pub);
    expect(one(ms, 'Wednesday')).toMatchObject({ date: '2021-05-12', precision: 'day', inferred: true });
    expect(one(ms, 'Monday')).toMatchObject({ date: '2021-05-17', precision: 'day', inferred: true });
  });

  it('reads "next Friday" forward (chrono: the Friday of next week)', () => {
    expect(one(datesOf('They will meet next Friday.', pub), 'next Friday').date).toBe('2021-05-28');
  });

  it('keeps a full stated date as stated', () => {
    const m = one(datesOf('The post went up on May 16, 2021, at night.', pub), 'May 16, 2021');
    expect(m).toMatchObject({ date: '2021-05-16', precision: 'day', inferred: false });
    expect(m.end - m.start).toBe('May 16, 2021'.length);
  });

  it('reads years, "since 1997" and "the 2014 war" at year precision, stated', () => {
    const ms = datesOf('In 2014, the group fought. It has been listed since 1997. The 2014 war lasted 50 days.', pub);
    expect(one(ms, 'In 2014')).toMatchObject({ date: '2014', precision: 'year', inferred: false });
    expect(one(ms, 'since 1997')).toMatchObject({ date: '1997', precision: 'year', inferred: false });
    expect(one(ms, '2014')).toMatchObject({ date: '2014', precision: 'year', inferred: false });
  });

  it('reads "last week" and "over the weekend" at week precision', () => {
    const ms = datesOf('The envoy left last week. Over the weekend, the fighting grew.', pub);
    expect(one(ms, 'last week')).toMatchObject({ date: '2021-05-10', precision: 'week', inferred: true });
    expect(one(ms, 'the weekend')).toMatchObject({ date: '2021-05-15', precision: 'week', inferred: true });
  });

  it('reads "Saturday evening" as the Saturday before and "two months ago" as a month', () => {
    const ms = datesOf('Speaking on Saturday evening, he left. He was there two months ago.', pub);
    expect(one(ms, 'Saturday evening')).toMatchObject({ date: '2021-05-15', precision: 'day', inferred: true });
    expect(one(ms, 'two months ago')).toMatchObject({ date: '2021-03', precision: 'month', inferred: true });
  });

  it('reads a month and year at month precision, stated', () => {
    expect(one(datesOf('The talks began in March 2020.', pub), 'March 2020')).toMatchObject({
      date: '2020-03',
      precision: 'month',
      inferred: false,
    });
  });

  it('uses the caller reference date when the article has none, and marks it inferred', () => {
    expect(one(datesOf('On Tuesday, the council met.', undefined, '2021-05-17'), 'Tuesday')).toMatchObject({
      date: '2021-05-11',
      inferred: true,
    });
  });

  it('leaves relative dates unresolved when nothing supports a reference, but keeps stated ones', () => {
    const ms = datesOf('On Tuesday, the council met. The law dates from 1999.');
    expect(one(ms, 'Tuesday').date).toBeNull();
    expect(one(ms, 'from 1999').date).toBe('1999');
  });

  it('does not take "now" or "the end of the month" as a stated date to resolve other dates against', () => {
    expect(
      one(datesOf('The talks are now in their third day. The minister spoke on Monday.'), 'Monday').date,
    ).toBeNull();
    const ms = datesOf('Rent is due at the end of the month. The council met on Tuesday.');
    expect(one(ms, 'Tuesday').date).toBeNull();
  });

  it('never gives an undated article the date of another: its weekday stays unresolved', () => {
    const ms = findDates([article('On Wednesday, they met.', undefined, 'x'), article('Text.', '2021-05-14', 'y')], {
      referenceDate: null,
    });
    expect(one(ms, 'Wednesday')).toMatchObject({ articleId: 'x', date: null, inferred: true });
  });

  it('takes a day stated in full as a bound, not as the date: "Sunday" after it stays unresolved', () => {
    expect(one(datesOf('The post was signed May 17, 2021. On Sunday, he spoke.'), 'Sunday').date).toBeNull();
  });

  it('reads a weekday in a clause about the future forward ("will meet on Thursday")', () => {
    const ms = datesOf('The senators will meet with the president on Thursday. They met on Thursday too.', pub);
    expect(ms.map((m) => m.date)).toEqual(['2021-05-20', '2021-05-13']);
  });

  it('leaves a weekday unresolved where the clause may be past or to come ("said they would meet Friday")', () => {
    const ms = datesOf(
      'He said the two sides would meet again on Friday. Ahead of the vote on Tuesday, they argued.',
      pub,
    );
    expect(one(ms, 'Friday')).toMatchObject({ date: null, precision: 'day', inferred: true });
    expect(one(ms, 'Tuesday').date).toBeNull();
  });

  it('reads "this morning" as a day, not a year', () => {
    expect(one(datesOf('The council met this morning.', pub), 'this morning')).toMatchObject({
      date: '2021-05-17',
      precision: 'day',
    });
  });
});

describe('findDates: text that holds no date', () => {
  const negatives = [
    'The COVID-19 pandemic changed the economy.',
    'He bought a soda at a 7/11 store.',
    'Both back a two-state solution.',
    'Theresa May said they may leave soon.',
    'The service runs 24/7 without a break.',
    'Call 555-123-4567 for details.',
    'It was the first time he had spoken. One of them left.',
    'About 2000 people marched.',
    'He said now is the moment, speaking in the days ahead of the vote.',
    'They have fought for 10 years.',
  ];
  for (const text of negatives) {
    it(`finds nothing in: ${text}`, () => {
      expect(datesOf(text, '2021-05-17').map((m) => m.text)).toEqual([]);
    });
  }
});

describeShared('findDates on the seed articles (published May 2021, most without a date in their text)', () => {
  const raws: RawArticle[] = seedRaws();
  const { articles } = readArticles(raws);
  const dates = findDates(articles, { referenceDate: null });
  const of = (prefix: string) => dates.filter((d) => d.articleId.startsWith(prefix));

  it('resolves only what the articles own evidence fixes: the article with embedded posts, none of the others', () => {
    const resolved = dates.filter((d) => d.date !== null && d.inferred);
    expect(new Set(resolved.map((d) => d.articleId.slice(0, 3)))).toEqual(new Set(['003']));
    for (const d of resolved) expect(d.date!.startsWith('2021-05-1')).toBe(true);
  });

  it('resolves the article with embedded posts against them: "Monday" is 2021-05-17, "Sunday" 2021-05-16', () => {
    expect(
      of('003')
        .filter((d) => d.text.startsWith('Monday'))
        .map((d) => d.date),
    ).toEqual(['2021-05-17', '2021-05-17', '2021-05-17']);
    expect(of('003').find((d) => d.text === 'Sunday')?.date).toBe('2021-05-16');
  });

  it('leaves "today" in a quote, and the weekdays of the undated articles, as written (unresolved)', () => {
    expect(of('003').find((d) => d.text === 'today')?.date).toBeNull();
    for (const prefix of ['000', '001', '002', '004']) {
      const weekdays = of(prefix).filter((d) => /day|weekend|week/.test(d.text) && d.precision !== 'year');
      expect(weekdays.length, prefix).toBeGreaterThan(0);
      for (const d of weekdays) expect(d.date, `${prefix} ${d.text}`).toBeNull();
    }
  });

  it('does not put "erupted into open warfare on Monday" (article 004, written around May 12) on May 17', () => {
    expect(of('004').filter((d) => d.text === 'Monday' && d.date !== null)).toEqual([]);
  });

  it('reads "in 2014", "the 2014 war" and "since 1997" as years', () => {
    expect(
      of('000')
        .filter((d) => d.precision === 'year')
        .map((d) => d.text),
    ).toEqual(['2014', 'In 2014']);
    expect(of('004').find((d) => d.text === 'since 1997')?.date).toBe('1997');
  });

  it('points every mention at its exact text', () => {
    for (const d of dates) {
      const a = articles.find((x) => x.id === d.articleId)!;
      expect(a.text.slice(d.start, d.end)).toBe(d.text);
    }
  });
});
