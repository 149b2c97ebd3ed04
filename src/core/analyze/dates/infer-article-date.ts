import type { DateValue } from '../../model.js';
import { addDays, daysBetween, formatDay, parseIsoDay, weekdayOf, type CalendarDay } from './calendar.js';
import type { ArticleEvidence, DatedEvent, StampEvidence } from './date-evidence.js';
import { writingDaysFor } from './relative-day.js';
import { eventMatch, type EventReport, type StoryVocabulary } from './same-event.js';

/**
 * The widest range an inferred date may span, in days after its first one: a week, what one weekday pinned to a known
 * event allows. A wider range says too little about the day to be shown as a date.
 */
export const MAX_RANGE_DAYS = 6;

/** A set of possible writing days (ISO dates) with what it rests on. */
interface Constraint {
  days: Set<string>;
  basis: string;
  /** Each report of another article that supports it (expression and article), or empty for the article's own. */
  supports: string[];
  /** True when it rests on the article's own evidence or on a match close enough to stand alone. */
  strong: boolean;
}

/** A bound on the writing day with what it rests on. */
interface Bound {
  day: CalendarDay;
  basis: string;
}

/**
 * What each relative expression of the article says of its writing day when a known event is the same event: the
 * days on which the expression names that event's day. An expression whose matching events fall on different days,
 * or whose weekday fits none of them, says nothing.
 */
function relativeConstraints(
  evidence: ArticleEvidence,
  events: readonly DatedEvent[],
  vocabulary: () => StoryVocabulary,
): Constraint[] {
  const constraints: Constraint[] = [];
  for (const r of evidence.relative) {
    // The weekday is checked first: it is cheap, and rules out most events before their words are compared.
    const fits = events
      .filter((event) => writingDaysFor(r.rule, event.day).length > 0)
      .map((event) => ({ event, match: eventMatch(r.report(), event.report(), vocabulary()) }))
      .filter((x) => x.match !== null);
    const first = fits[0];
    if (!first || new Set(fits.map((x) => formatDay(x.event.day))).size > 1) continue;
    const own = fits.find((x) => x.event.articleId === null);
    constraints.push({
      days: new Set(writingDaysFor(r.rule, first.event.day).map(formatDay)),
      basis: `“${r.text}” is ${formatDay(first.event.day)}, the day of ${(own ?? first).event.source}`,
      supports: own ? [] : [...new Set(fits.map((x) => `${r.start}|${x.event.articleId}`))],
      strong: own !== undefined || fits.some((x) => x.match === 'strong'),
    });
  }
  return constraints;
}

/** True when a day agrees with every part a publication stamp states (an update stamp bounds it instead). */
function fitsStamp(day: CalendarDay, stamp: StampEvidence): boolean {
  if (stamp.updated) return true;
  return (
    (stamp.year === null || stamp.year === day.year) &&
    (stamp.month === null || stamp.month === day.month) &&
    (stamp.day === null || stamp.day === day.day) &&
    (stamp.weekday === null || stamp.weekday === weekdayOf(day))
  );
}

/** The whole day a stamp states, or null. */
function stampDay(s: StampEvidence): CalendarDay | null {
  if (s.year === null || s.month === null || s.day === null) return null;
  return parseIsoDay(`${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`);
}

/** The first publication stamp that states a whole day fixes the writing day (later ones restate or correct it). */
function stampConstraints(stamps: readonly StampEvidence[]): Constraint[] {
  for (const s of stamps) {
    const day = s.updated ? null : stampDay(s);
    if (!day) continue;
    return [{ days: new Set([formatDay(day)]), basis: `the stamp “${s.text}”`, supports: [], strong: true }];
  }
  return [];
}

/** A figure of two or more digits two reports share, or null (a lone digit is too common to tell anything). */
function sharedFigure(a: EventReport, b: EventReport): string | null {
  for (const f of a.figures) if (b.figures.has(f) && /\d\D*\d/.test(f)) return f;
  return null;
}

/**
 * The bounds the figures the article shares with dated reports of other articles set: a report of the same event
 * with the same figure, told as past, dates its release, and the article is no older than that ("473,000" claims,
 * which another article reports the Labor Department released on Thursday). A release still to come bounds nothing.
 */
function figureBounds(
  evidence: ArticleEvidence,
  events: readonly DatedEvent[],
  vocabulary: () => StoryVocabulary,
): Bound[] {
  const others = events.filter((e) => e.articleId !== null && e.past);
  if (others.length === 0) return [];
  const bounds: Bound[] = [];
  for (const report of evidence.figures()) {
    for (const e of others) {
      const figure = sharedFigure(report, e.report());
      if (figure === null || eventMatch(report, e.report(), vocabulary()) === null) continue;
      bounds.push({
        day: e.day,
        basis: `it reports the figure ${figure} of ${e.source.replace(/^the same event in /, '')}, ${formatDay(e.day)}`,
      });
    }
  }
  return bounds;
}

/**
 * The latest lower bound: the article is no older than the posts it embeds, the days it reports as past, and the
 * release of the figures it shares with dated reports.
 */
function lowerBound(evidence: ArticleEvidence, figureBounds: readonly Bound[]): Bound | null {
  const bounds: Bound[] = [
    ...evidence.embeds.map((e) => ({ day: e.day, basis: `no older than ${e.source} (${formatDay(e.day)})` })),
    ...evidence.stated
      .filter((s) => s.tense === 'past')
      .map((s) => ({ day: s.day, basis: `it reports ${formatDay(s.day)} as past` })),
    ...figureBounds,
  ];
  return bounds.reduce<Bound | null>((best, b) => (!best || daysBetween(best.day, b.day) > 0 ? b : best), null);
}

/** The earliest upper bound: the article was written no later than the days it reports as to come or its updates. */
function upperBound(evidence: ArticleEvidence): Bound | null {
  const bounds = [
    ...evidence.stated
      .filter((s) => s.tense === 'future')
      .map((s) => ({ day: s.day, basis: `it reports ${formatDay(s.day)} as to come` })),
    ...evidence.stamps.flatMap((s) => {
      const day = s.updated ? stampDay(s) : null;
      return day ? [{ day, basis: `published no later than its update stamp “${s.text}”` }] : [];
    }),
  ];
  return bounds.reduce<Bound | null>((best, b) => (!best || daysBetween(best.day, b.day) < 0 ? b : best), null);
}

/** Every day from `from` to `to` (inclusive), or none when that is more than a range may span. */
function daysFromTo(from: CalendarDay, to: CalendarDay): string[] {
  const n = daysBetween(from, to);
  if (n < 0 || n > MAX_RANGE_DAYS) return [];
  return Array.from({ length: n + 1 }, (_, k) => formatDay(addDays(from, k)));
}

/** Reports of other articles that must agree before they date an article with no evidence of its own. */
const MIN_SUPPORTS = 2;

/**
 * True when the constraints rest on the article's own evidence (or there are none: bounds alone are its own), on a
 * close match, or on at least two reports of other articles (two of its expressions, or one expression that two
 * articles date the same way): one loose match of words may join two events of the same kind at different times (the
 * weekly jobless claims, two phone calls).
 */
function corroborated(constraints: readonly Constraint[]): boolean {
  if (constraints.length === 0 || constraints.some((c) => c.strong)) return true;
  return new Set(constraints.flatMap((c) => c.supports)).size >= MIN_SUPPORTS;
}

/** The days in every constraint, or null when there is no constraint. */
function intersect(constraints: readonly Constraint[]): string[] | null {
  const [first, ...rest] = constraints;
  if (!first) return null;
  return [...first.days].filter((d) => rest.every((c) => c.days.has(d)));
}

/**
 * Infers the day an article was written from its own evidence: relative expressions ("on Wednesday", "today") whose
 * events are placed in time by a day it states, a post it embeds or another article of the story (`events`), page
 * stamps, and the bounds its embedded posts and the days it reports as past or to come set. Other articles only
 * place events; they never give their own date to this one. `vocabulary` gives the weights of the story's words
 * (computed on first use). Returns one day, or a range of at most a week when the evidence allows several days
 * (`value` is then the interval), or null when it does not fix the date or contradicts itself.
 */
export function inferArticleDate(
  evidence: ArticleEvidence,
  events: readonly DatedEvent[],
  vocabulary: () => StoryVocabulary,
): DateValue | null {
  const own = [...evidence.stated, ...evidence.embeds];
  const constraints = [
    ...relativeConstraints(evidence, [...own, ...events], vocabulary),
    ...stampConstraints(evidence.stamps),
  ];
  const lower = lowerBound(evidence, figureBounds(evidence, events, vocabulary));
  const upper = upperBound(evidence);
  if (!corroborated(constraints)) return null;
  let days = intersect(constraints);
  if (days === null) {
    if (!lower || !upper) return null;
    days = daysFromTo(lower.day, upper.day);
  }
  const bounded = days.filter((iso) => {
    const day = parseIsoDay(iso)!;
    if (lower && daysBetween(lower.day, day) < 0) return false;
    if (upper && daysBetween(day, upper.day) < 0) return false;
    return evidence.stamps.every((s) => fitsStamp(day, s));
  });
  if (bounded.length === 0) return null;
  bounded.sort();
  const earliest = bounded[0]!;
  const latest = bounded.at(-1)!;
  if (daysBetween(parseIsoDay(earliest)!, parseIsoDay(latest)!) > MAX_RANGE_DAYS) return null;
  const basis = usedBasis(constraints, bounded, lower, upper, evidence.stamps);
  if (earliest === latest) return { value: earliest, inferred: true, basis };
  return { value: `${earliest}/${latest}`, inferred: true, basis, earliest, latest };
}

/** The evidence that decided the result, in words: the constraints, and the bounds and stamps that cut it. */
function usedBasis(
  constraints: readonly Constraint[],
  days: readonly string[],
  lower: Bound | null,
  upper: Bound | null,
  stamps: readonly StampEvidence[],
): string {
  const parts = [...new Set(constraints.map((c) => c.basis))];
  const first = parseIsoDay(days[0]!)!;
  const last = parseIsoDay(days.at(-1)!)!;
  if (lower && (constraints.length === 0 || daysBetween(lower.day, first) === 0)) parts.push(lower.basis);
  if (upper && (constraints.length === 0 || daysBetween(last, upper.day) === 0)) parts.push(upper.basis);
  for (const s of stamps) if (!s.updated && !stampDay(s)) parts.push(`the stamp “${s.text}”`);
  return parts.join('; ');
}
