import type { ParsedComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { addDays, weekdayOf, type CalendarDay } from './calendar.js';
import { isFutureInPastSlot, isFutureSlot } from './future-slot.js';

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

/** True when a result is a bare weekday (or "the weekend") that these rules resolve, not one chrono's modifiers fix. */
export function isBareWeekday(result: { start: ParsedComponents; text: string }): boolean {
  const start = result.start;
  if (start.isCertain('day') || start.isCertain('month') || start.isCertain('year')) return false;
  return start.isCertain('weekday') && !EXPLICIT_MODIFIER.test(result.text);
}

/** The tag of a bare weekday whose clause leaves open whether it is past or to come ("said they would meet Friday"). */
export const EITHER_WAY_TAG = 'parallax/either-way';

/** The tag of a bare weekday read forward, as the clause puts it in the future ("will meet on Thursday"). */
export const FORWARD_TAG = 'parallax/forward';

/** True when a bare weekday result stands where the clause speaks of the future ("will meet on Thursday"). */
function isForwardWeekday(text: string, result: { index: number; text: string }): boolean {
  return !/weekend/i.test(result.text) && isFutureSlot(text, result.index);
}

/**
 * News reports past events: a bare weekday ("on Wednesday", "Monday afternoon") means the most recent such day on or
 * before the reference date, and "the weekend" the weekend before it (or the current one when the reference date is
 * on a weekend). chrono picks the closest day instead, which may be in the future. A weekday the clause puts in the
 * future ("will announce on Thursday", "scheduled for Friday") is the next such day on or after the reference date;
 * one in a future seen from the past ("said they would meet Friday") is tagged as either way (it names no day).
 */
export const resolveWeekdays: Refiner = {
  refine(context, results) {
    const ref = referenceDay(context);
    const refWeekday = weekdayOf(ref);
    for (const result of results) {
      if (!isBareWeekday(result)) continue;
      const weekend = /weekend/i.test(result.text);
      const target = weekend ? 6 : (result.start.get('weekday') ?? refWeekday);
      if (isForwardWeekday(context.text, result)) {
        implyDay(result, addDays(ref, (target - refWeekday + 7) % 7));
        result.addTag(FORWARD_TAG);
        continue;
      }
      implyDay(result, addDays(ref, -((refWeekday - target + 7) % 7)));
      if (weekend) result.addTag('parallax/weekend');
      else if (isFutureInPastSlot(context.text, result.index)) result.addTag(EITHER_WAY_TAG);
    }
    return results;
  },
};
