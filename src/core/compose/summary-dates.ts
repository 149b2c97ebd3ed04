import { parseIsoDay } from '../analyze/dates/calendar.js';
import type { Citation, DateMention, Summary } from '../model.js';

/** Month names for writing a day the way news does ("May 12"). */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A bare weekday as written, with a part of the day or not ("Wednesday", "Monday afternoon"). */
const WEEKDAY_EXPRESSION =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?$/;

/** The resolved day mentions inside a citation (the sentence a summary sentence was taken from). */
function dayMentionsIn(citation: Citation | undefined, dates: readonly DateMention[]): DateMention[] {
  if (!citation) return [];
  return dates.filter(
    (d) =>
      d.articleId === citation.articleId &&
      d.start >= citation.start &&
      d.end <= citation.end &&
      d.date !== null &&
      (d.precision === 'day' || d.precision === 'time'),
  );
}

/** "May 12" for an ISO day. */
function monthDay(iso: string): string | null {
  const day = parseIsoDay(iso);
  return day ? `${MONTHS[day.month - 1]} ${day.day}` : null;
}

/**
 * Writes a weekday the sentence's article dates as an absolute date: "Wednesday" becomes "Wednesday, May 12" (with
 * the comma that closes the date inside a sentence). Only where the weekday occurs once in the sentence; weekdays
 * whose day is unknown stay as written.
 */
function withAbsoluteDays(text: string, mentions: readonly DateMention[]): string {
  let out = text;
  for (const m of mentions) {
    const day = m.date ? monthDay(m.date) : null;
    if (!day || !WEEKDAY_EXPRESSION.test(m.text)) continue;
    const at = out.indexOf(m.text);
    if (at < 0 || out.indexOf(m.text, at + 1) >= 0) continue;
    const end = at + m.text.length;
    if (out.slice(end).startsWith(`, ${day}`)) continue;
    const closing = /^\s+[\p{L}\p{N}]/u.test(out.slice(end)) ? ',' : '';
    out = `${out.slice(0, end)}, ${day}${closing}${out.slice(end)}`;
  }
  return out;
}

/**
 * Puts the summary in the story's time order and writes the days it knows: each sentence taken from a sentence with
 * a resolved day is placed by that day (the earliest it names) among the other dated sentences, the undated ones
 * keeping their places (the headline stays first); weekdays become absolute dates where the day is known.
 */
export function placeSummaryInTime(
  sentences: readonly Summary['sentences'][number][],
  dates: readonly DateMention[],
  options: { keepFirst: boolean },
): Summary['sentences'] {
  const dated = sentences.map((s, k) => {
    const mentions = options.keepFirst && k === 0 ? [] : dayMentionsIn(s.citations[0], dates);
    const day = mentions.map((m) => m.date!.slice(0, 10)).sort()[0] ?? null;
    return { sentence: { ...s, text: withAbsoluteDays(s.text, mentions) }, day, k };
  });
  const slots = dated.filter((d) => d.day !== null).map((d) => d.k);
  const inOrder = dated
    .filter((d) => d.day !== null)
    .sort((a, b) => (a.day! < b.day! ? -1 : a.day! > b.day! ? 1 : a.k - b.k));
  const out = dated.map((d) => d.sentence);
  slots.forEach((slot, i) => (out[slot] = inOrder[i]!.sentence));
  return out;
}
