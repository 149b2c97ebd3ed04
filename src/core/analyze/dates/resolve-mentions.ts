import type { ParsedResult } from 'chrono-node';
import type { Article, DateMention, DateValue } from '../../model.js';
import { noonUtc, parseIsoDay, type CalendarDay } from './calendar.js';
import { newsDateParser } from './date-parser.js';
import { PLACEHOLDER_DAY, statedDay } from './date-evidence.js';
import { relativeDayOf } from './relative-day.js';
import { toDateMention } from './to-date-mention.js';

/** The date expressions of an article resolved against its date. */
export interface ResolvedDates {
  mentions: DateMention[];
  /**
   * The mentions whose day can place an event for other articles: a day stated in full, or a bare weekday or day
   * count ("Monday", "yesterday") resolved against the article's date. Not a month without its year ("Jan. 6"), nor
   * a weekday chrono reads by its modifier ("this Sunday"), whose day the writing day does not fix reliably.
   */
  placeable: DateMention[];
}

/** chrono's parse of a text against a reference day (noon UTC, so the day is the same in every time zone). */
function parseAgainst(text: string, day: CalendarDay): ParsedResult[] {
  return newsDateParser().parse(text, { instant: noonUtc(day), timezone: 0 });
}

/** The mentions of a parse (relative ones resolved only when `against` is given), with the placeable ones. */
function mentionsOf(article: Article, results: readonly ParsedResult[], against: CalendarDay | null): ResolvedDates {
  const mentions: DateMention[] = [];
  const placeable: DateMention[] = [];
  for (const r of results) {
    const m = toDateMention(article.id, article.text, r, { resolvable: against !== null });
    if (m.end <= m.start) continue;
    mentions.push(m);
    if (against && m.date !== null && (statedDay(r) || relativeDayOf(r, article.text, against))) placeable.push(m);
  }
  return { mentions, placeable };
}

/**
 * The date expressions of an article resolved against its date. With no date, relative expressions stay unresolved
 * (`placeholder` is a parse of the text made for the evidence, reused). With a range of days, an expression is
 * resolved only when it names the same day from the first and the last day of the range (a weekday, or a month,
 * names one day or month over a range within a week; "yesterday" does not).
 */
export function resolveMentions(
  article: Article,
  date: DateValue | null,
  placeholder?: readonly ParsedResult[],
): ResolvedDates {
  const first = date ? parseIsoDay(date.earliest ?? date.value) : null;
  if (!first) return mentionsOf(article, placeholder ?? parseAgainst(article.text, PLACEHOLDER_DAY), null);
  const fromFirst = mentionsOf(article, parseAgainst(article.text, first), first);
  const last = date?.latest ? parseIsoDay(date.latest) : null;
  if (!last) return fromFirst;
  const fromLast = mentionsOf(article, parseAgainst(article.text, last), last);
  const lastDates = new Map(fromLast.mentions.map((m) => [`${m.start}:${m.end}`, m.date]));
  const agreed = (m: DateMention) => m.date !== null && lastDates.get(`${m.start}:${m.end}`) === m.date;
  return {
    mentions: fromFirst.mentions.map((m) => (agreed(m) ? m : { ...m, date: null })),
    placeable: fromFirst.placeable.filter(agreed),
  };
}
