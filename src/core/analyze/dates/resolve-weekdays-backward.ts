import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { addDays, weekdayOf, type CalendarDay } from './calendar.js';

/** Modifiers that keep chrono's own reading of a weekday ("next Monday", "this Friday", "last Sunday"). */
const EXPLICIT_MODIFIER = /\b(?:next|this|coming|last|past)\b/i;

/** The reference day of a parsing context (its calendar day in the context's time zone). */
function referenceDay(context: ParsingContext): CalendarDay {
  const d = context.reference.getDateWithAdjustedTimezone();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** Sets the implied calendar day of a result. */
function implyDay(result: ParsingResult, day: CalendarDay): void {
  result.start.imply('year', day.year);
  result.start.imply('month', day.month);
  result.start.imply('day', day.day);
}

/**
 * News reports past events: a bare weekday ("on Wednesday", "Monday afternoon") means the most recent such day on or
 * before the reference date, and "the weekend" the weekend before it (or the current one when the reference date is
 * on a weekend). chrono picks the closest day instead, which may be in the future.
 */
export const resolveWeekdaysBackward: Refiner = {
  refine(context, results) {
    const ref = referenceDay(context);
    const refWeekday = weekdayOf(ref);
    for (const result of results) {
      const start = result.start;
      if (start.isCertain('day') || start.isCertain('month') || start.isCertain('year')) continue;
      if (!start.isCertain('weekday') || EXPLICIT_MODIFIER.test(result.text)) continue;
      const target = /weekend/i.test(result.text) ? 6 : (start.get('weekday') ?? refWeekday);
      const back = (refWeekday - target + 7) % 7;
      implyDay(result, addDays(ref, -back));
      if (/weekend/i.test(result.text)) result.addTag('parallax/weekend');
    }
    return results;
  },
};
