import type { ParsedResult } from 'chrono-node';
import type { Article, DateMention, DateValue } from '../../model.js';
import { daysBetween, noonUtc, parseIsoDay, type CalendarDay } from './calendar.js';
import { newsDateParser } from './date-parser.js';
import { PLACEHOLDER_DAY, statedDay } from './date-evidence.js';
import { relativeDayOf } from './relative-day.js';
import { lazily } from './same-event.js';
import { toDateMention } from './to-date-mention.js';

/** The date expressions of an article resolved against its date. */
export interface ResolvedDates {
  mentions: DateMention[];
  /**
   * The mentions whose day can place an event for other articles: a day stated in full, or a bare weekday or day
   * count ("Monday", "yesterday") resolved against the article's date. Not a month without its year ("Jan. 6"), nor
   * a weekday chrono reads by its modifier ("this Sunday"), whose day the writing day does not fix reliably.
   * Computed on first use (only articles that date others need it).
   */
  placeable: () => DateMention[];
}

/** chrono's parse of a text against a reference day (noon UTC, so the day is the same in every time zone). */
function parseAgainst(text: string, day: CalendarDay): ParsedResult[] {
  return newsDateParser().parse(text, { instant: noonUtc(day), timezone: 0 });
}

/** The mentions of a parse (relative ones resolved only when `against` is given), with the placeable ones. */
function mentionsOf(article: Article, results: readonly ParsedResult[], against: CalendarDay | null): ResolvedDates {
  const pairs = results
    .map((r) => ({ r, m: toDateMention(article.id, article.text, r, { resolvable: against !== null }) }))
    .filter(({ m }) => m.end > m.start);
  return {
    mentions: pairs.map(({ m }) => m),
    placeable: lazily(() =>
      against
        ? pairs.filter(({ r, m }) => m.date !== null && (statedDay(r) || relativeDayOf(r, against))).map(({ m }) => m)
        : [],
    ),
  };
}

/**
 * The date expressions of an article resolved against its date. With no date, relative expressions stay unresolved.
 * With a range of days, an expression is resolved only when it names the same day from the first and the last day of
 * the range (a weekday, or a month, names one day or month over a range within a week; "yesterday" does not).
 * `reuse` is a parse of the text made earlier (for the evidence), used again when it was made against the day needed.
 */
export function resolveMentions(
  article: Article,
  date: DateValue | null,
  reuse?: { day: CalendarDay; results: readonly ParsedResult[] },
): ResolvedDates {
  const parse = (day: CalendarDay) =>
    reuse && daysBetween(reuse.day, day) === 0 ? reuse.results : parseAgainst(article.text, day);
  const first = date ? parseIsoDay(date.earliest ?? date.value) : null;
  if (!first) return mentionsOf(article, reuse?.results ?? parseAgainst(article.text, PLACEHOLDER_DAY), null);
  const fromFirst = mentionsOf(article, parse(first), first);
  const last = date?.latest ? parseIsoDay(date.latest) : null;
  if (!last) return fromFirst;
  const fromLast = mentionsOf(article, parse(last), last);
  const lastDates = new Map(fromLast.mentions.map((m) => [`${m.start}:${m.end}`, m.date]));
  const agreed = (m: DateMention) => m.date !== null && lastDates.get(`${m.start}:${m.end}`) === m.date;
  return {
    mentions: fromFirst.mentions.map((m) => (agreed(m) ? m : { ...m, date: null })),
    placeable: lazily(() => fromFirst.placeable().filter(agreed)),
  };
}
