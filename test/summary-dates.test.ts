import { describe, expect, it } from 'vitest';
import { placeSummaryInTime } from '../src/core/compose/summary-dates.js';
import type { Citation, DateMention, Summary } from '../src/core/model.js';

/** A summary sentence taken from `start`..`end` of article `a`. */
function sentence(text: string, start: number, end: number): Summary['sentences'][number] {
  const citation: Citation = { articleId: 'a', start, end };
  return { text, citations: [citation] };
}

/** A resolved (or unresolved) weekday mention of article `a`. */
function mention(text: string, start: number, date: string | null): DateMention {
  const provenance = { stage: 'dates' as const, rule: 'dates/bare-weekday' };
  return { articleId: 'a', start, end: start + text.length, text, date, precision: 'day', inferred: true, provenance };
}

describe('placeSummaryInTime', () => {
  const headline = sentence('Council passes budget.', 0, 10);
  const later = sentence('The mayor signed the budget Wednesday after the vote.', 100, 160);
  const undated = sentence('The budget funds schools.', 200, 230);
  const earlier = sentence('On Monday, the council debated the budget.', 300, 345);
  const dates = [mention('Wednesday', 128, '2021-05-12'), mention('Monday', 303, '2021-05-10')];

  it('keeps the headline first and the undated sentences in place, and puts the dated ones in time order', () => {
    const out = placeSummaryInTime([headline, later, undated, earlier], dates, { keepFirst: true });
    expect(out.map((s) => s.text)).toEqual([
      'Council passes budget.',
      'On Monday, May 10, the council debated the budget.',
      'The budget funds schools.',
      'The mayor signed the budget Wednesday, May 12, after the vote.',
    ]);
  });

  it('leaves a weekday whose day is unknown as written, and keeps the order of undated sentences', () => {
    const unknown = [mention('Wednesday', 128, null), mention('Monday', 303, null)];
    const out = placeSummaryInTime([headline, later, undated, earlier], unknown, { keepFirst: true });
    expect(out.map((s) => s.text)).toEqual([headline.text, later.text, undated.text, earlier.text]);
  });

  it('adds no comma before punctuation, and leaves a weekday written twice alone', () => {
    const end = sentence('The council voted on Monday.', 400, 430);
    const twice = sentence('Monday was calm; by Monday night it was not.', 500, 545);
    const ms = [mention('Monday', 421, '2021-05-10'), mention('Monday', 500, '2021-05-10')];
    const out = placeSummaryInTime([end, twice], ms, { keepFirst: false });
    expect(out.map((s) => s.text)).toEqual(['The council voted on Monday, May 10.', twice.text]);
  });
});
