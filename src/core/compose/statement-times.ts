import {
  eventMatch,
  eventReport,
  storyVocabulary,
  type EventReport,
  type StoryVocabulary,
} from '../analyze/dates/same-event.js';
import { parseIsoDay } from '../analyze/dates/calendar.js';
import type { Article, DateMention } from '../model.js';
import { ALL_WEEKDAYS, dayNumber, timesCompatible, type EventTime } from './event-time.js';
import { eventTimeOf, isEventDate } from './mention-event-time.js';
import { pushTo } from './push-to.js';
import type { Statement } from './statements.js';

/** Mentions sorted by start: the ones inside a span, found by binary search. */
function mentionsWithin(list: readonly DateMention[], start: number, end: number): DateMention[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: DateMention[] = [];
  for (let k = lo; k < list.length && list[k]!.start < end; k++) if (list[k]!.end <= end) out.push(list[k]!);
  return out;
}

/** What dates a statement's event, before its article's account of the same event is read. */
interface OwnTime {
  times: EventTime[];
  /** The text gives the event a time that is not known ("spoke today" in an article whose day is not fixed). */
  unresolved: boolean;
  mentions: DateMention[];
}

/** Statements either side of one that may tell it the time of its event (the same event is told nearby). */
const DONOR_REACH = 20;
/**
 * How far from the story's known dates a statement in the present tense of an undated article may hold, in days: its
 * own time of writing is not known, other articles only bound it.
 */
const PRESENT_REACH = 366;
/**
 * Days before its own article's date a statement in the present tense may hold ("have so far recovered 24", "Hamas is
 * firing rockets"): the present perfect reaches back a few days, not weeks; a day after allows for time zones.
 */
const PRESENT_BEFORE = 7;
const PRESENT_AFTER = 1;
/** Auxiliaries of the present tense ("has fired", "have been killed", "is", "are"). */
const PRESENT_AUXILIARIES = new Set(['is', 'are', 'am', 'has', 'have']);

/**
 * A statement whose own date expression is unresolved ("The President spoke today") takes the time its article gives
 * the same event elsewhere ("asked Biden Monday afternoon ... following his call with Netanyahu"): a statement of the
 * article that tells the same event (the same rare words, by the dates stage's test), names no person the first does
 * not (or the reverse), and has a time of its own; when several do, their times must meet, else the time stays unknown.
 */
function timeFromArticle(
  statement: Statement,
  own: OwnTime,
  article: readonly { statement: Statement; own: OwnTime; report: EventReport }[],
  context: { vocabulary: StoryVocabulary; persons: (s: Statement) => Set<string> },
): EventTime[] {
  const self = article.find((x) => x.statement.id === statement.id);
  if (!self) return [];
  const mine = context.persons(statement);
  const donors = article.filter((x) => {
    if (x.statement.id === statement.id || x.own.times.length === 0) return false;
    if (Math.abs(x.statement.position - statement.position) > DONOR_REACH) return false;
    const theirs = context.persons(x.statement);
    const nested = [...mine].every((p) => theirs.has(p)) || [...theirs].every((p) => mine.has(p));
    return nested && eventMatch(self.report, x.report, context.vocabulary) === 'strong';
  });
  if (donors.length === 0) return [];
  const agree = donors.every((x) => donors.every((y) => timesCompatible(x.own.times, y.own.times)));
  return agree && own.unresolved ? donors.flatMap((x) => x.own.times) : [];
}

/** True when a statement speaks in the present tense outside quotation marks ("have been killed", "Hamas is"). */
function inPresentTense(statement: Statement): boolean {
  let quoted = false;
  for (const t of statement.tokens) {
    if (/^["“”]$/u.test(t.value)) quoted = t.value === '“' || (t.value === '"' && !quoted);
    else if (!quoted && PRESENT_AUXILIARIES.has(t.normal) && (t.pos === 'AUX' || t.pos === 'VERB')) return true;
  }
  return false;
}

/** The days a span of ISO dates covers, widened by `before` days before it and `after` days after it. */
function around(first: string, last: string, before: number, after = before): { first: number; last: number } | null {
  const a = parseIsoDay(first);
  const b = parseIsoDay(last);
  return a && b ? { first: dayNumber(a) - before, last: dayNumber(b) + after } : null;
}

/**
 * The time of writing of each article: its own date when known (a week before it to a day after), else the span of the
 * story's known dates widened by a year (other articles bound an undated one), else unknown.
 */
function writingTimes(articles: readonly Article[]): Map<string, EventTime | null> {
  const spans = articles.map((a) => {
    const d = a.publishedAt;
    return d ? { first: d.earliest ?? d.value.slice(0, 10), last: d.latest ?? d.value.slice(0, 10) } : null;
  });
  const known = spans.filter((x): x is { first: string; last: string } => x !== null);
  const story =
    known.length > 0
      ? around(
          known.map((x) => x.first).sort()[0]!,
          known
            .map((x) => x.last)
            .sort()
            .at(-1)!,
          PRESENT_REACH,
        )
      : null;
  return new Map(
    articles.map((a, k) => {
      const own = spans[k];
      const days = own ? around(own.first, own.last, PRESENT_BEFORE, PRESENT_AFTER) : story;
      return [a.id, days ? { days, weekdays: ALL_WEEKDAYS, slack: 0, basis: 'article', leads: false } : null];
    }),
  );
}

/** What the times of the statements are read from. */
export interface TimeSources {
  dates: readonly DateMention[];
  articles: readonly Article[];
  /** The people a statement names (two statements naming different people tell different events). */
  persons: (s: Statement) => Set<string>;
}

/** The date mentions of each article, in text order. */
function datesByArticle(dates: readonly DateMention[]): Map<string, DateMention[]> {
  const byArticle = new Map<string, DateMention[]>();
  for (const d of dates) pushTo(byArticle, d.articleId, d);
  for (const list of byArticle.values()) list.sort((x, y) => x.start - y.start);
  return byArticle;
}

/** Each statement's own times: those of the date expressions inside it, and whether one of them stayed unresolved. */
function ownTimes(statements: readonly Statement[], dates: readonly DateMention[]): Map<number, OwnTime> {
  const byArticle = datesByArticle(dates);
  const own = new Map<number, OwnTime>();
  for (const s of statements) {
    const mentions = mentionsWithin(byArticle.get(s.articleId) ?? [], s.start, s.end);
    const times: EventTime[] = [];
    let unresolved = false;
    for (const m of mentions) {
      const t = eventTimeOf(s, m);
      if (t) times.push(t);
      else if (m.date === null && isEventDate(s, m)) unresolved = true;
    }
    own.set(s.id, { times, unresolved, mentions });
  }
  return own;
}

/**
 * Sets the time of each statement of one article whose own date expression is unresolved to the time its article
 * gives the same event, when it gives one.
 */
function inheritTimes(
  list: readonly Statement[],
  own: ReadonlyMap<number, OwnTime>,
  out: Map<number, EventTime[]>,
  persons: TimeSources['persons'],
): void {
  const waiting = list.filter((s) => own.get(s.id)!.unresolved && own.get(s.id)!.times.length === 0);
  if (waiting.length === 0) return;
  // The reports of the article, read only when one of its statements waits for a time.
  const article = list.map((s) => {
    const o = own.get(s.id)!;
    const spans = o.mentions.map((m) => ({ start: m.start - s.start, end: m.end - s.start }));
    return { statement: s, own: o, report: eventReport(s.text, { start: 0, end: s.text.length }, spans) };
  });
  const vocabulary = storyVocabulary(article.map((x) => x.report));
  for (const s of waiting) {
    const inherited = timeFromArticle(s, own.get(s.id)!, article, { vocabulary, persons });
    if (inherited.length > 0) out.set(s.id, inherited);
  }
}

/**
 * The times of the events of each statement: for each statement id, the event times of the date expressions inside it;
 * when its own expression is unresolved, the time its article gives the same event; when it has none and speaks in the
 * present tense, the time of writing (which tells "Hamas fires rockets" from "In 2014, Hamas fired
 * 4,000 rockets"); else an empty list: unknown.
 */
export function statementTimes(statements: readonly Statement[], sources: TimeSources): Map<number, EventTime[]> {
  const own = ownTimes(statements, sources.dates);
  const out = new Map<number, EventTime[]>();
  const statementsOf = new Map<string, Statement[]>();
  for (const s of statements) {
    out.set(s.id, own.get(s.id)!.times);
    pushTo(statementsOf, s.articleId, s);
  }
  for (const list of statementsOf.values()) inheritTimes(list, own, out, sources.persons);
  const writing = writingTimes(sources.articles);
  for (const s of statements) {
    const now = writing.get(s.articleId);
    if (now && out.get(s.id)!.length === 0 && inPresentTense(s)) out.set(s.id, [now]);
  }
  return out;
}
