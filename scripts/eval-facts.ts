// Measures how the compose phase groups statements into facts, on real stories from ../shared: how many facts, how
// many shared ones, how many sources a shared fact has, and how many shared facts join statements that cannot report
// the same event: days that differ, weekdays that differ, or the same count given two different values.
//
// Usage: npm run eval:facts [-- --neus N] [--show]
//
// Stories: the seeds; the first N NeuS val stories (default 100; undated, three outlets each); the AllSides clustering
// stream's stories (dated, two or three articles each, the same day); and "running" stories: each stream story read
// together with the next story on the same topic 1 to 21 days later (the same kind of event at another time: the
// jobless claims of two weeks, two votes of one bill), where statements of different days must stay apart.
//
// The check of a shared fact is written apart from the grouping code on purpose (a second reading of the same rules):
// two members of different articles clash on time when the days resolved inside them are disjoint, or when the weekdays
// they name or resolve to are disjoint; they clash on figures when they give one count (the same counted words, both
// exact) two values. `--show` prints every clashing fact with short snippets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseIsoDay } from '../src/core/analyze/dates/calendar.js';
import { articleFromText } from '../src/core/article-from-text.js';
import { prepareComparison } from '../src/core/compose/compose.js';
import type { Statement } from '../src/core/compose/statements.js';
import type { Article, DateMention, NumberMention } from '../src/core/model.js';
import { analyzeArticles, readArticles } from '../src/core/pipeline.js';
import type { AnalyzedStory } from '../src/core/state.js';
import { seedRaws, SHARED_DIR } from '../test/helpers/shared.js';
import { prepareStory, readNeus } from './lib/neus.js';

const { values } = parseArgs({
  options: { neus: { type: 'string', default: '100' }, show: { type: 'boolean', default: false } },
});

/** One line of the clustering stream. */
interface StreamArticle {
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
interface Reading {
  days: Set<string>;
  weekdays: Set<number>;
  counts: Map<string, Set<number>>;
}

/** Words before a date that make it a bound ("since Monday") or the day words were said ("said Tuesday"). */
const NOT_EVENT_TIME =
  /(?:\b(?:since|before|after|until|till|through|by|from|to|prior to|ahead of|following|between|within)\s+(?:the\s+)?|\b(?:said|says|told|added|tweeted|wrote|stated)\s+(?:[\p{L}.'’]+\s+){0,3}?(?:on\s+)?)$/iu;

function readingOf(s: Statement, dates: readonly DateMention[], numbers: readonly NumberMention[]): Reading {
  const inside = <T extends { articleId: string; start: number; end: number }>(x: T) =>
    x.articleId === s.articleId && x.start >= s.start && x.end <= s.end;
  const days = new Set<string>();
  const weekdays = new Set<number>();
  for (const d of dates.filter(inside)) {
    if (NOT_EVENT_TIME.test(s.text.slice(0, d.start - s.start))) continue;
    if (/\b(?:said|says|told)\b/iu.test(s.text.slice(d.end - s.start, d.end - s.start + 8))) continue;
    // A day at its edge ("early Friday", "tomorrow morning") may be the next or the day before elsewhere.
    const edge = /\b(?:early|late|overnight|night|tonight|evening|dawn|midnight|morning)\b/iu.test(
      s.text.slice(Math.max(0, d.start - s.start - 12), d.end - s.start + 12),
    );
    if (d.date !== null && (d.precision === 'day' || d.precision === 'time')) {
      for (const shift of edge ? [-1, 0, 1] : [0]) {
        const day = shiftDay(d.date, shift);
        days.add(day);
        weekdays.add(weekdayOf(day) ?? -1);
      }
    } else if (d.date === null) {
      for (const m of d.text.matchAll(WEEKDAY_WORD)) {
        const word = m[1]!.toLowerCase();
        if (word === 'weekend') weekdays.add(0).add(6);
        else weekdays.add(WEEKDAYS.indexOf(word));
      }
    }
  }
  const counts = new Map<string, Set<number>>();
  for (const n of numbers.filter(inside)) {
    if (n.value === null || n.approximate || !n.counts) continue;
    // What is counted, by its last word: "valid signatures" and "signatures" are one count.
    const what = n.counts.toLowerCase().split(/\s+/).at(-1)!;
    counts.set(what, (counts.get(what) ?? new Set()).add(n.value));
  }
  return { days, weekdays, counts };
}

const disjoint = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean =>
  a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

/** Why two statements cannot report one event, or null. */
function clash(a: Reading, b: Reading): 'time' | 'figures' | null {
  if (disjoint(a.days, b.days) || disjoint(a.weekdays, b.weekdays)) return 'time';
  for (const [what, values] of a.counts) {
    const other = b.counts.get(what);
    if (other && disjoint(values, other)) return 'figures';
  }
  return null;
}

/** Totals over a set of stories. */
interface Totals {
  stories: number;
  statements: number;
  facts: number;
  shared: number;
  inShared: number;
  sources: number;
  bySources: Map<number, number>;
  clashTime: number;
  clashFigures: number;
}

const newTotals = (): Totals => ({
  stories: 0,
  statements: 0,
  facts: 0,
  shared: 0,
  inShared: 0,
  sources: 0,
  bySources: new Map(),
  clashTime: 0,
  clashFigures: 0,
});

const snip = (text: string): string => (text.length > 90 ? `${text.slice(0, 90)}…` : text);

function measure(totals: Totals, name: string, story: AnalyzedStory): void {
  const { statements, factGroups } = prepareComparison(story);
  totals.stories++;
  totals.statements += statements.filter((s) => !s.junk).length;
  for (const group of factGroups) {
    totals.facts++;
    if (group.fact.kind !== 'shared') continue;
    totals.shared++;
    totals.inShared += group.members.length;
    const n = group.fact.independentSources;
    totals.sources += n;
    totals.bySources.set(Math.min(n, 5), (totals.bySources.get(Math.min(n, 5)) ?? 0) + 1);
    const readings = group.members.map((s) => readingOf(s, story.dates, story.numbers));
    let found: { why: 'time' | 'figures'; pair: [number, number] } | null = null;
    for (let i = 0; i < readings.length && !found; i++)
      for (let j = i + 1; j < readings.length && !found; j++) {
        if (group.members[i]!.articleId === group.members[j]!.articleId) continue;
        const why = clash(readings[i]!, readings[j]!);
        if (why) found = { why, pair: [i, j] };
      }
    if (found?.why === 'time') totals.clashTime++;
    if (found?.why === 'figures') totals.clashFigures++;
    if (found && values.show) {
      console.log(`  [${found.why}] ${name} ${group.fact.id} (${group.members.length} members)`);
      for (const k of found.pair) {
        const r = readings[k]!;
        const m = group.members[k]!;
        const counts = [...r.counts].map(([w, v]) => `${w}=${[...v].join('/')}`);
        const detail = `${[...r.days].join(',')} ${[...r.weekdays].join(',')} ${counts.join(',')}`;
        console.log(`      ${m.articleId.slice(0, 14)} [${detail.trim()}]: ${snip(m.text)}`);
      }
    }
  }
}

function print(label: string, t: Totals): void {
  const per = (x: number, n: number): string => (n === 0 ? '-' : (x / n).toFixed(2));
  const dist = [2, 3, 4, 5].map((k) => `${k === 5 ? '5+' : k}:${t.bySources.get(k) ?? 0}`).join(' ');
  console.log(
    `${label.padEnd(22)} ${String(t.stories).padStart(5)} ${String(t.facts).padStart(6)} ${String(t.shared).padStart(6)}` +
      ` ${per(t.inShared, t.shared).padStart(8)} ${per(t.sources, t.shared).padStart(8)}  ${dist.padEnd(24)}` +
      ` ${String(t.clashTime).padStart(5)} ${String(t.clashFigures).padStart(7)}`,
  );
}

function streamArticles(): StreamArticle[] {
  return readFileSync(join(SHARED_DIR, 'eval', 'clustering', 'allsides-stream-2021-apr-jul.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as StreamArticle);
}

function dated(s: StreamArticle): Article {
  return articleFromText(s.id, s.text, {
    title: s.title,
    outlet: s.outlet,
    publishedAt: { value: s.date.slice(0, 10), inferred: false, basis: 'AllSides story time' },
  });
}

const daysApart = (a: string, b: string): number => (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 864e5;

console.log(
  'stories                 count  facts shared members/ sources/  shared facts by sources   clashes: time figures',
);
console.log('                                            shared   shared');

const seeds = newTotals();
measure(seeds, 'seeds', analyzeArticles(readArticles(seedRaws()).articles, null));
print('seeds', seeds);

const neus = newTotals();
for (const story of readNeus('val').slice(0, Number(values.neus))) {
  const prepared = prepareStory(story);
  if (prepared) measure(neus, story.id, analyzeArticles(prepared.articles, null));
}
print(`NeuS val (first ${values.neus})`, neus);

const stream = streamArticles();
const events = new Map<string, StreamArticle[]>();
for (const s of stream) events.set(s.event_id, [...(events.get(s.event_id) ?? []), s]);
const single = newTotals();
for (const [id, list] of events) measure(single, id, analyzeArticles(list.map(dated), null));
print('stream stories', single);

const running = newTotals();
const ordered = [...events.entries()].sort(([, a], [, b]) => a[0]!.date.localeCompare(b[0]!.date));
for (const [k, [id, list]] of ordered.entries()) {
  const next = ordered.slice(k + 1).find(([, other]) => {
    const gap = daysApart(list[0]!.date, other[0]!.date);
    return other[0]!.topic === list[0]!.topic && gap >= 1 && gap <= 21;
  });
  if (next) measure(running, `${id}+${next[0]}`, analyzeArticles([...list, ...next[1]].map(dated), null));
}
print('running stories', running);
