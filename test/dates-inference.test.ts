import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/core/article-from-text.js';
import { datesOfStory } from '../src/core/analyze/dates/reference-dates.js';
import { isFutureInPastSlot, isFutureSlot } from '../src/core/analyze/dates/future-slot.js';
import { dayFor, writingDaysFor } from '../src/core/analyze/dates/relative-day.js';
import { eventMatch, eventReport, storyVocabulary } from '../src/core/analyze/dates/same-event.js';
import { formatDay, parseIsoDay } from '../src/core/analyze/dates/calendar.js';
import type { Article, DateMention, DateValue, Embed, Removal } from '../src/core/model.js';

/** A hand-built article (fiction), undated unless `publishedAt` is given. */
function article(
  id: string,
  text: string,
  extra: { publishedAt?: string; removed?: Removal[]; embeds?: Embed[] } = {},
): Article {
  return articleFromText(id, text, {
    publishedAt: extra.publishedAt ? { value: extra.publishedAt, inferred: false, basis: 'test' } : null,
    removed: extra.removed ?? [],
    embeds: extra.embeds ?? [],
  });
}

/** A post embedded in an article, dated. */
function post(text: string, date: string): Embed {
  return {
    kind: 'social-post',
    text,
    author: 'City Council',
    handle: 'citycouncil',
    date,
    url: null,
    provenance: { stage: 'read', rule: 'read/post-signature' },
  };
}

/** The dates stage on a story: each article's date by id and its date mentions. */
function run(
  articles: Article[],
  referenceDate: string | null = null,
): { date: (id: string) => DateValue | null; mention: (id: string, text: string) => DateMention } {
  const out = datesOfStory(articles, { referenceDate });
  return {
    date: (id) => out.articles.find((a) => a.id === id)!.publishedAt,
    mention: (id, text) => {
      const found = out.mentions.filter((m) => m.articleId === id && m.text === text);
      expect(found, `${id}: ${out.mentions.map((m) => m.text).join(' | ')}`).toHaveLength(1);
      return found[0]!;
    },
  };
}

describe('article dates from the article itself', () => {
  it('reads a publication stamp the reader removed: the date, and its weekdays resolved against it', () => {
    const r = run([
      article('a', 'The mayor opened the new bridge on Monday, officials said.', {
        removed: [
          { text: 'Published Wednesday, May 12, 2021 5:19 p.m.', reason: 'timestamp', rule: 'drop-timestamps' },
        ],
      }),
    ]);
    expect(r.date('a')).toMatchObject({ value: '2021-05-12', inferred: true });
    expect(r.date('a')!.basis).toContain('Published Wednesday, May 12, 2021');
    expect(r.mention('a', 'Monday').date).toBe('2021-05-10');
  });

  it('takes the publication part of a stamp line that also states an update', () => {
    const r = run([
      article('a', 'The mayor spoke.', {
        removed: [
          {
            text: 'Posted: Fri 6:45 PM, Feb 16, 2018 | Updated: Sat 8:31 PM, Feb 17, 2018',
            reason: 'timestamp',
            rule: 'drop-timestamps',
          },
        ],
      }),
    ]);
    expect(r.date('a')?.value).toBe('2018-02-16');
  });

  it('reads a date standing alone on a line at the top as the date line', () => {
    const r = run([article('a', 'RIVERTON\n\n12 May 2021\n\nThe council met on Monday to vote on the budget.')]);
    expect(r.date('a')).toMatchObject({ value: '2021-05-12', inferred: true });
    expect(r.mention('a', 'Monday').date).toBe('2021-05-10');
  });

  it('gives a range of days when a weekday is pinned to an embedded post of the same event', () => {
    const r = run([
      article('a', 'The council said Sunday that the water plant must close immediately for repairs.', {
        embeds: [post('The water plant must close immediately for urgent repairs, the council said.', '2021-05-16')],
      }),
    ]);
    expect(r.date('a')).toMatchObject({
      value: '2021-05-16/2021-05-22',
      earliest: '2021-05-16',
      latest: '2021-05-22',
      inferred: true,
    });
    expect(r.mention('a', 'Sunday').date).toBe('2021-05-16');
  });

  it('bounds by days it states as past and as to come: the range between them', () => {
    const r = run([
      article('a', 'The law took effect on May 10, 2021. The first vote under it is scheduled for May 14, 2021.'),
    ]);
    expect(r.date('a')).toMatchObject({ earliest: '2021-05-10', latest: '2021-05-14' });
  });

  it('leaves a relative date unresolved where the days of the range name different days', () => {
    const r = run([
      article('a', 'The law took effect on May 12, 2021. The mayor spoke on Monday. The vote is set for May 18, 2021.'),
    ]);
    expect(r.date('a')).toMatchObject({ earliest: '2021-05-12', latest: '2021-05-18' });
    // From Wednesday May 12 "Monday" is May 10; from Tuesday May 18 it is May 17.
    expect(r.mention('a', 'Monday').date).toBeNull();
  });
});

describe('article dates: what does not fix a date', () => {
  const negatives: [string, Article][] = [
    ['a weekday with no anchor', article('a', 'On Tuesday, the council met and approved the plan.')],
    [
      'a day stated only as past (a lower bound)',
      article('a', 'The law took effect on May 10, 2021. On Monday, he spoke.'),
    ],
    [
      'an embedded post alone (a lower bound)',
      article('a', 'On Monday, he spoke.', { embeds: [post('We met.', '2021-05-16')] }),
    ],
    [
      'a stamp with a time only',
      article('a', 'On Monday, he spoke.', {
        removed: [{ text: 'Updated at 5:19 p.m.', reason: 'timestamp', rule: 'drop-timestamps' }],
      }),
    ],
    ['no date at all', article('a', 'The council met and approved the plan after a long debate.')],
  ];
  for (const [what, a] of negatives) {
    it(`gives no date for ${what}, and leaves its relative dates unresolved`, () => {
      const out = datesOfStory([a], { referenceDate: null });
      expect(out.articles[0]!.publishedAt).toBeNull();
      for (const m of out.mentions.filter((m) => m.inferred)) expect(m.date, m.text).toBeNull();
    });
  }

  it('uses the caller reference date only for an article whose own evidence fixes none, and says so', () => {
    const r = run(
      [
        article('a', 'On Tuesday, the council met.'),
        article('b', 'The plant closed.', {
          removed: [{ text: 'Published May 12, 2021', reason: 'timestamp', rule: 'drop-timestamps' }],
        }),
      ],
      '2021-06-01',
    );
    expect(r.date('a')).toMatchObject({
      value: '2021-06-01',
      inferred: true,
      basis: 'the reference date given for the story',
    });
    expect(r.date('b')?.value).toBe('2021-05-12');
  });
});

describe('article dates from events other articles date', () => {
  const dated = article(
    'b',
    'The city council approved the school budget on Tuesday after a long debate about teacher salaries. ' +
      'The mayor signed it the same evening.',
    { publishedAt: '2021-05-12' },
  );

  it('pins a weekday to the same event in a dated article: a week of days, never the other article date', () => {
    const r = run([
      article('a', 'On Tuesday, the council approved the school budget following a debate over teacher salaries.'),
      dated,
    ]);
    expect(r.date('a')).toMatchObject({ value: '2021-05-11/2021-05-17', inferred: true });
    expect(r.date('a')!.basis).toContain('the same event in article b');
    expect(r.mention('a', 'Tuesday').date).toBe('2021-05-11');
  });

  it('takes nothing from an event of another kind, or from the same event on another weekday', () => {
    const r = run([
      article('a', 'On Tuesday, firefighters rescued two hikers from the canyon north of town.'),
      article('c', 'On Wednesday, the council approved the school budget following a debate over teacher salaries.'),
      dated,
    ]);
    expect(r.date('a')).toBeNull();
    expect(r.date('c')).toBeNull();
  });

  it('bounds the date from below by a figure it shares with a dated report told as past', () => {
    const withFigure = (released: string) => [
      article(
        'a',
        'On Tuesday, the council approved the school budget following a debate over teacher salaries. ' +
          'The utility says 3,400 homes are still without power after the storm.',
      ),
      dated,
      article('c', `The utility ${released} that 3,400 homes were still without power after the storm.`, {
        publishedAt: '2021-05-14',
      }),
    ];
    const r = run(withFigure('said Thursday'));
    expect(r.date('a')).toMatchObject({ earliest: '2021-05-13', latest: '2021-05-17' });
    expect(r.date('a')!.basis).toContain('the figure 3400 of article c');
    // A release still to come bounds nothing.
    expect(run(withFigure('will say on Saturday')).date('a')).toMatchObject({ earliest: '2021-05-11' });
  });

  it('does not join two reports whose figures differ (the same weekly report of two weeks)', () => {
    const a = eventReport(
      'Jobless claims fell to 498,000, the Labor Department said Thursday.',
      { start: 0, end: 64 },
      [],
    );
    const b = eventReport(
      'Jobless claims fell to 473,000, the Labor Department said Thursday.',
      { start: 0, end: 64 },
      [],
    );
    const c = eventReport(
      'Jobless claims fell to 473,000 last week, the Labor Department said.',
      { start: 0, end: 67 },
      [],
    );
    const other = eventReport('The senators met the governor to discuss the border wall.', { start: 0, end: 57 }, []);
    const vocabulary = storyVocabulary([a, b, c, other]);
    expect(eventMatch(a, b, vocabulary)).toBeNull();
    expect(eventMatch(b, c, vocabulary)).not.toBeNull();
  });
});

describe('relative days and tense', () => {
  const wed = parseIsoDay('2021-05-12')!;

  it('reads a weekday backward, forward in a future clause, and a day count from the writing day', () => {
    expect(formatDay(dayFor({ kind: 'weekday', weekday: 1, forward: false }, wed))).toBe('2021-05-10');
    expect(formatDay(dayFor({ kind: 'weekday', weekday: 5, forward: true }, wed))).toBe('2021-05-14');
    expect(formatDay(dayFor({ kind: 'offset', days: -1 }, wed))).toBe('2021-05-11');
  });

  it('gives the writing days on which an expression names a known day: a week for a weekday, one for a count', () => {
    expect(writingDaysFor({ kind: 'weekday', weekday: 3, forward: false }, wed).map(formatDay)).toEqual([
      '2021-05-12',
      '2021-05-13',
      '2021-05-14',
      '2021-05-15',
      '2021-05-16',
      '2021-05-17',
      '2021-05-18',
    ]);
    expect(writingDaysFor({ kind: 'weekday', weekday: 2, forward: false }, wed)).toEqual([]);
    expect(writingDaysFor({ kind: 'offset', days: -1 }, wed).map(formatDay)).toEqual(['2021-05-13']);
  });

  const at = (text: string): number => text.lastIndexOf(' ') + 1;
  const future = [
    'President Biden will announce the plan on Thursday',
    'The bill will be released Friday',
    'The vote is scheduled for Friday',
    "They're expected to vote Tuesday",
    'She will travel to the U.K. and meet leaders on Friday',
  ];
  const notFuture = ['He will respond to the report released Monday', 'He said Monday', 'The team won on Sunday'];
  for (const text of future) it(`reads as to come: ${text}`, () => expect(isFutureSlot(text, at(text))).toBe(true));
  for (const text of notFuture) it(`reads as past: ${text}`, () => expect(isFutureSlot(text, at(text))).toBe(false));

  it('reads a future seen from the past as either way', () => {
    for (const text of [
      'He said he would meet them Friday',
      'Ahead of the vote on Tuesday',
      'It was set to begin Monday',
    ]) {
      expect(isFutureInPastSlot(text, at(text)), text).toBe(true);
    }
    expect(isFutureInPastSlot('He met them Friday', at('He met them Friday'))).toBe(false);
  });
});

describe('page stamps that state no day', () => {
  it('takes nothing from "Updated today" (a day read off the parse, not stated)', () => {
    const out = datesOfStory(
      [
        article('a', 'On Monday, he spoke.', {
          removed: [{ text: 'Updated today at 5:19 p.m.', reason: 'timestamp', rule: 'drop-timestamps' }],
        }),
      ],
      { referenceDate: null },
    );
    expect(out.articles[0]!.publishedAt).toBeNull();
  });
});
