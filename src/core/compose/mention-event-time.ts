// Which date expressions inside a statement give the time of its event, and what time they give.
import { parseIsoDay } from '../analyze/dates/calendar.js';
import type { DateMention } from '../model.js';
import type { Token } from '../nlp/wink.js';
import { dayNumber, weekdayMask, type EventTime } from './event-time.js';
import type { Statement } from './statements.js';

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/**
 * Words before a date (or at its start: chrono keeps "since 2019" whole) that make it a bound of the event, not its
 * time: "since Monday", "prior to Monday's call", "by Independence Day on July 4", "since late March".
 */
const BOUND =
  /\b(?:since|before|after|until|till|through|by|from|to|prior\s+to|ahead\s+of|following|between|within|starting|beginning)\s+(?:on\s+|the\s+|(?:early|mid|late)[\s-]+)?$/iu;
/** A bound named before its date: "by Independence Day on July 4" (case matters: the name is capitalized). */
const NAMED_BOUND =
  /\b(?:[Ss]ince|[Bb]efore|[Aa]fter|[Uu]ntil|[Bb]y|[Ff]ollowing)\s+(?:\p{Lu}[\p{L}.]*\s+){1,3}on\s+$/u;
/** A date a figure is compared with: "up from 11,300 on June 23", "from 9.19 million in April". */
const COMPARED =
  /\b(?:from|than|compared\s+(?:with|to))\s+[$€£]?[\d.,]+%?(?:\s+(?:million|billion|thousand|percent))?\s+(?:in|on|at)?\s*$/iu;
/** A date given as a comparison ("a month earlier", "the previous week"), not as the time of the event. */
const COMPARISON_DATE = /\b(?:earlier|previous|prior)\b/iu;
/** Nouns after a possessive date that make it the date of a report ("Thursday's report from the Labor Department"). */
const REPORT_NOUN =
  /^['’]s\s+(?:report|statement|announcement|data|release|briefing|remarks|speech|interview|figures|numbers)\b/iu;
/**
 * Reporting verbs: a date right after one ("said Tuesday", "told reporters on Thursday") or right before one ("on
 * Sunday said") is when the words were said, not when the event they report happened; two outlets quoting one claim
 * made on two days still report one fact.
 */
const SPEECH_VERBS = new Set([
  'said',
  'says',
  'say',
  'saying',
  'told',
  'tells',
  'tell',
  'added',
  'stated',
  'tweeted',
  'wrote',
  'posted',
  'noted',
  'insisted',
  'argued',
  'claimed',
  'explained',
  'remarked',
  'commented',
  'asserted',
  'acknowledged',
  'reported',
  'testified',
  'warned',
  'showed',
  'shows',
]);
/** Words between a reporting verb and its date: the person told ("told reporters", "told The Hill"). */
const SPEECH_OBJECT_POS = new Set(['NOUN', 'PROPN', 'DET', 'PRON']);
/** Words of a time expression around its weekday ("on", "early", "late", "this"). */
const DATE_LEAD = new Set(['on', 'early', 'late', 'this', 'last']);
/** Parts of the day at the edge of a date: the event may belong to the day before or after elsewhere. */
const DAY_EDGE = /\b(?:early|late|overnight|night|tonight|evening|dawn|midnight|morning)\b/iu;
/** Words right after a stated date that make it a name ("the Jan. 6 committee", "the January 6th select panel"). */
const NAME_HEAD_POS = new Set(['NOUN', 'ADJ', 'VERB', 'PROPN']);
/** A date expression starting within this many tokens of the statement's start opens it ("In 2014, ..."). */
const LEADING_TOKENS = 2;

/** The days a resolved mention stands for, by its precision. */
function daysOf(m: DateMention): { first: number; last: number } | null {
  if (m.date === null) return null;
  const year = /^(\d{4})$/.exec(m.date);
  if (year) {
    const y = Number(year[1]);
    return { first: dayNumber({ year: y, month: 1, day: 1 }), last: dayNumber({ year: y, month: 12, day: 31 }) };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(m.date);
  if (month) {
    const y = Number(month[1]);
    const mo = Number(month[2]);
    const first = dayNumber({ year: y, month: mo, day: 1 });
    return {
      first,
      last: dayNumber(mo === 12 ? { year: y + 1, month: 1, day: 1 } : { year: y, month: mo + 1, day: 1 }) - 1,
    };
  }
  const day = parseIsoDay(m.date);
  if (!day) return null;
  const first = dayNumber(day);
  if (m.precision === 'week') return { first, last: first + (/weekend/iu.test(m.text) ? 1 : 6) };
  return { first, last: first };
}

/** The weekdays an unresolved mention names ("Wednesday", "the weekend"), or null when it names none. */
function namedWeekdays(text: string): number | null {
  const lower = text.toLowerCase();
  if (/\bweekend\b/u.test(lower)) return (1 << 0) | (1 << 6);
  let mask = 0;
  WEEKDAY_NAMES.forEach((name, k) => {
    if (new RegExp(`\\b${name}\\b`, 'u').test(lower)) mask |= 1 << k;
  });
  return mask === 0 ? null : mask;
}

/** Index of the first token of the statement at or after an offset. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let k = 0;
  while (k < tokens.length && tokens[k]!.end <= offset) k++;
  return k;
}

/** True when a reporting verb governs the date: "said (on) Tuesday", "told reporters Thursday", "on Sunday said". */
function isSpeechDate(tokens: readonly Token[], first: number, after: number): boolean {
  let k = first - 1;
  while (k >= 0 && DATE_LEAD.has(tokens[k]!.normal)) k--;
  for (let objects = 0; k >= 0 && objects <= 3; k--, objects++) {
    const t = tokens[k]!;
    if (SPEECH_VERBS.has(t.normal)) return true;
    if (!SPEECH_OBJECT_POS.has(t.pos) || t.type !== 'word') break;
  }
  let j = after;
  while (j < tokens.length && tokens[j]!.normal === ',') j++;
  return j < tokens.length && SPEECH_VERBS.has(tokens[j]!.normal);
}

/**
 * True when a date expression inside a statement is the time of its event: not a bound ("since Monday"), nor a date
 * compared with ("up from 11,300 on June 23", "a month earlier"), nor the time words were said ("said Tuesday",
 * "Thursday's report"), nor a date that names something ("the Jan. 6 committee").
 */
export function isEventDate(statement: Statement, mention: DateMention): boolean {
  const before = statement.text.slice(0, Math.max(0, mention.start - statement.start));
  const after = statement.text.slice(mention.end - statement.start);
  const leadWords = /^[\p{L}\s]*?(?=[\d\p{Lu}]|$)/u.exec(mention.text)?.[0] ?? '';
  if (BOUND.test(before) || BOUND.test(`${before}${leadWords}`) || NAMED_BOUND.test(before)) return false;
  if (COMPARED.test(before)) return false;
  if (COMPARISON_DATE.test(mention.text) || REPORT_NOUN.test(after)) return false;
  const tokens = statement.tokens;
  const next = tokenAt(tokens, mention.end);
  if (isSpeechDate(tokens, tokenAt(tokens, mention.start), next)) return false;
  return !namesSomething(tokens, mention, next);
}

/**
 * True when a stated date is part of a name rather than the time of the event: "the Jan. 6 attack", "a Jan. 6
 * presidential commission" (a date followed by a noun), "the Voting Rights Act of 1965" (a year after a name's "of").
 */
function namesSomething(tokens: readonly Token[], mention: DateMention, next: number): boolean {
  if (!/\d/u.test(mention.text)) return false;
  const first = tokenAt(tokens, mention.start);
  const previous = tokens[first - 1];
  if (previous?.normal === 'of' && /^\p{Lu}/u.test(tokens[first - 2]?.value ?? '')) return true;
  // After a preposition a date is a time ("in 2020 compared with the year before"), not part of a name.
  if (previous?.pos === 'ADP') return false;
  const head = tokens[next];
  return head !== undefined && head.type === 'word' && /^\p{Ll}/u.test(head.value) && NAME_HEAD_POS.has(head.pos);
}

/**
 * The time of the event a date expression gives, or null when it gives none: not the event's time (see isEventDate),
 * or unresolved and naming no weekday ("last week", "today" in an undated article).
 */
export function eventTimeOf(statement: Statement, mention: DateMention): EventTime | null {
  if (!isEventDate(statement, mention)) return null;
  const around = statement.text.slice(
    Math.max(0, mention.start - statement.start - 12),
    Math.min(statement.text.length, mention.end - statement.start + 12),
  );
  const slack = DAY_EDGE.test(around) ? 1 : 0;
  const leads = tokenAt(statement.tokens, mention.start) <= LEADING_TOKENS;
  const days = daysOf(mention);
  if (days) return { days, weekdays: weekdayMask(days.first, days.last), slack, basis: 'text', leads };
  const weekdays = namedWeekdays(mention.text);
  return weekdays === null ? null : { days: null, weekdays, slack, basis: 'text', leads };
}
