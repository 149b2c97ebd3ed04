// A second reading of the rules that tell two statements of different events apart, written apart from the grouping
// code on purpose (scripts/eval-facts.ts and the events golden test check the grouping with it): two statements clash
// on time when the days resolved inside them are disjoint, or the weekdays they name or resolve to are; they clash on
// figures when they give one count (the same counted words, both exact) two values. Also the loaders of the real
// stories both read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIsoDay } from '../../src/core/analyze/dates/calendar.js';
import { articleFromText } from '../../src/core/article-from-text.js';
import type { Statement } from '../../src/core/compose/statements.js';
import type { Article, DateMention, NumberMention } from '../../src/core/model.js';
import { SHARED_DIR } from '../../test/helpers/shared.js';

/** One line of the clustering stream. */
export interface StreamArticle {
  id: string;
  event_id: string;
  date: string;
  topic: string;
  title: string | null;
  outlet: string | null;
  text: string;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_WORD = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday|weekend)\b/giu;

/** The weekday (0 = Sunday) of an ISO day. */
function weekdayOf(iso: string): number | null {
  const d = parseIsoDay(iso);
  return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() : null;
}

/** The ISO day `n` days after an ISO day. */
function shiftDay(iso: string, n: number): string {
  return new Date(Date.parse(iso.slice(0, 10)) + n * 864e5).toISOString().slice(0, 10);
}

/** What the check reads of one statement: resolved days, weekdays, exact counts. */
export interface Reading {
  days: Set<string>;
  weekdays: Set<number>;
  counts: Map<string, Set<number>>;
}

/** Words before a date that make it a bound ("since Monday") or the day words were said ("said Tuesday"). */
const NOT_EVENT_TIME =
  /(?:\b(?:since|before|after|until|till|through|by|from|to|prior to|ahead of|following|between|within)\s+(?:the\s+)?|\b(?:said|says|told|added|tweeted|wrote|stated)\s+(?:[\p{L}.'’]+\s+){0,3}?(?:on\s+)?)$/iu;

/** What the check reads of a statement: the days and weekdays of its event, its exact counts. */
export function readingOf(s: Statement, dates: readonly DateMention[], numbers: readonly NumberMention[]): Reading {
  const inside = <T extends { articleId: string; start: number; end: number }>(x: T) =>
    x.articleId === s.articleId && x.start >= s.start && x.end <= s.end;
  const reading: Reading = { days: new Set(), weekdays: new Set(), counts: new Map() };
  for (const d of dates.filter(inside)) {
    if (isEventTime(s, d)) addEventDays(reading, s, d);
  }
  for (const n of numbers.filter(inside)) {
    if (n.value === null || n.approximate || !n.counts) continue;
    // What is counted, by its last word: "valid signatures" and "signatures" are one count.
    const what = n.counts.toLowerCase().split(/\s+/).at(-1)!;
    reading.counts.set(what, (reading.counts.get(what) ?? new Set()).add(n.value));
  }
  return reading;
}

/** A date of the event, not a bound ("since Monday") nor the day words were said ("said Tuesday", "Tuesday, said"). */
function isEventTime(s: Statement, d: DateMention): boolean {
  if (NOT_EVENT_TIME.test(s.text.slice(0, d.start - s.start))) return false;
  return !/\b(?:said|says|told)\b/iu.test(s.text.slice(d.end - s.start, d.end - s.start + 8));
}

/** Adds the days (or, for an unresolved date, the weekdays it names) of one date of the event. */
function addEventDays(reading: Reading, s: Statement, d: DateMention): void {
  // A day at its edge ("early Friday", "tomorrow morning") may be the next or the day before elsewhere.
  const edge = /\b(?:early|late|overnight|night|tonight|evening|dawn|midnight|morning)\b/iu.test(
    s.text.slice(Math.max(0, d.start - s.start - 12), d.end - s.start + 12),
  );
  if (d.date !== null && (d.precision === 'day' || d.precision === 'time')) {
    for (const shift of edge ? [-1, 0, 1] : [0]) {
      const day = shiftDay(d.date, shift);
      reading.days.add(day);
      reading.weekdays.add(weekdayOf(day) ?? -1);
    }
  } else if (d.date === null) {
    for (const m of d.text.matchAll(WEEKDAY_WORD)) {
      const word = m[1]!.toLowerCase();
      if (word === 'weekend') reading.weekdays.add(0).add(6);
      else reading.weekdays.add(WEEKDAYS.indexOf(word));
    }
  }
}

const disjoint = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean =>
  a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

/** Why two statements cannot report one event, or null. */
export function clash(a: Reading, b: Reading): 'time' | 'figures' | null {
  if (disjoint(a.days, b.days) || disjoint(a.weekdays, b.weekdays)) return 'time';
  for (const [what, values] of a.counts) {
    const other = b.counts.get(what);
    if (other && disjoint(values, other)) return 'figures';
  }
  return null;
}

/** Every article of the AllSides clustering stream. */
export function streamArticles(): StreamArticle[] {
  return readFileSync(join(SHARED_DIR, 'eval', 'clustering', 'allsides-stream-2021-apr-jul.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as StreamArticle);
}

/** A stream article as an article dated by the stream. */
export function dated(s: StreamArticle): Article {
  return articleFromText(s.id, s.text, {
    title: s.title,
    outlet: s.outlet,
    publishedAt: { value: s.date.slice(0, 10), inferred: false, basis: 'AllSides story time' },
  });
}

/** The first two statements of different articles in one fact that clash, and why; null when none do. */
export function factClash(
  members: readonly Statement[],
  story: { dates: readonly DateMention[]; numbers: readonly NumberMention[] },
): { why: 'time' | 'figures'; pair: [number, number]; readings: Reading[] } | null {
  const readings = members.map((s) => readingOf(s, story.dates, story.numbers));
  for (let i = 0; i < readings.length; i++)
    for (let j = i + 1; j < readings.length; j++) {
      if (members[i]!.articleId === members[j]!.articleId) continue;
      const why = clash(readings[i]!, readings[j]!);
      if (why) return { why, pair: [i, j], readings };
    }
  return null;
}
