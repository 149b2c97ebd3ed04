import type { DateMention, DateValue, Span } from '../../model.js';
import { addDays, formatDay, parseIsoDay } from '../dates/calendar.js';

/** The range a week-precision date stands for: its seven days (two for a weekend), or none for other precisions. */
function weekRange(mention: DateMention, value: string): Pick<DateValue, 'earliest' | 'latest'> | null {
  const first = mention.precision === 'week' ? parseIsoDay(value) : null;
  if (!first) return null;
  const last = formatDay(addDays(first, /weekend/i.test(mention.text) ? 1 : 6));
  return { earliest: formatDay(first), latest: last };
}

/**
 * The date a figure holds for: the resolved date expression of its own sentence nearest to it (stated or inferred as
 * the expression was; a week as its range of days), else the article's date (its day or range), always marked
 * inferred; null when neither is known.
 */
export function asOfDate(
  figure: Span,
  sentence: Span,
  dates: readonly DateMention[],
  reference: DateValue | null,
): DateValue | null {
  const inSentence = dates.filter((d) => d.date !== null && d.start >= sentence.start && d.end <= sentence.end);
  const distance = (d: DateMention) => Math.min(Math.abs(d.start - figure.end), Math.abs(figure.start - d.end));
  const nearest = [...inSentence].sort((a, b) => distance(a) - distance(b))[0];
  if (nearest?.date) {
    const basis = `date in the sentence: "${nearest.text}"`;
    const week = weekRange(nearest, nearest.date);
    if (week) return { value: `${week.earliest}/${week.latest}`, inferred: nearest.inferred, basis, ...week };
    return { value: nearest.date, inferred: nearest.inferred, basis };
  }
  if (!reference) return null;
  const range =
    reference.earliest && reference.latest ? { earliest: reference.earliest, latest: reference.latest } : {};
  return { value: reference.value, inferred: true, basis: `article date (${reference.basis})`, ...range };
}
