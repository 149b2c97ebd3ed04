// Scores the inference of an article's date (the dates stage, src/core/analyze/dates/) on dated real articles from
// ../shared/eval/: each article's publication date is hidden in turn and inferred again from what is left.
//
// Usage: npm run eval:dates [-- --limit N]
//
// Data: the AllSides clustering stream (clustering/allsides-stream-2021-apr-jul.jsonl: title and first ~90 words of
// each article, dated with the AllSides story time, grouped in stories of 2-3 articles) and the extraction pages
// (extraction/html: whole pages, dated by their own metadata). NeuS and PolNeAR carry no dates.
//
// Runs, each printed:
// - stream, in its story: the article's date and URL hidden, the story's other articles keep their dates (as in a real
//   story where some articles are dated). Within a stream story every article has the same date (the story time), so
//   copying the others' date would score perfectly here and be wrong on real data: the stage never does that.
// - stream, alone: the article without its story.
// - stream, among other stories: the article with the dated articles of other stories on its topic (1-21 days apart),
//   not its own: the same kind of event at other times ("three phone calls") must not date it.
// - pages, alone: each extraction page read from its HTML, its date (metadata, URL) hidden; what the reader removed
//   from the text (page stamps, embedded posts) stays as evidence.
//
// Scores: a single day inferred is right (the true day), right within one day, or wrong (more than one day off; the
// story time of the stream is AllSides' posting time, often a day after the article); a range inferred holds the true
// day or misses it (wrong), and how often the true day is its first day (the day of the event that pinned it) is
// printed too; unknown when the evidence fixes no date. "Wrong" counts both kinds of miss. "Evidence" counts the
// articles with a date expression of their own, and those with an anchor of their own: a day stated in full, a dated
// embedded post, a page stamp or date line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleEvidence } from '../src/core/analyze/dates/date-evidence.js';
import { daysBetween, parseIsoDay } from '../src/core/analyze/dates/calendar.js';
import { datesOfStory } from '../src/core/analyze/dates/reference-dates.js';
import { articleFromText } from '../src/core/article-from-text.js';
import type { Article, DateValue } from '../src/core/model.js';
import { readArticle } from '../src/core/read/read-article.js';
import { SHARED_DIR } from '../test/helpers/shared.js';
import { hasExtractionPages, loadExtractionPages } from './lib/extraction-pages.js';

/** One line of the clustering stream. */
interface StreamArticle {
  id: string;
  event_id: string;
  date: string;
  topic: string;
  outlet: string | null;
  url: string | null;
  title: string | null;
  text: string;
}

/** A dated article to score: the article with its date hidden, its true day, and the story's other articles. */
interface Case {
  article: Article;
  truth: string;
  others: Article[];
  /** Dated articles of other stories on the same topic, from 1 to 21 days apart: similar words, other events. */
  decoys: Article[];
}

/** How many other stories' articles a case is put among, nearest in time first. */
const DECOYS = 9;

/** Tallies of one run. */
interface Tally {
  cases: number;
  withExpression: number;
  withOwnAnchor: number;
  day: number;
  dayRight: number;
  dayWithinOne: number;
  range: number;
  rangeHolds: number;
  /** Ranges whose first day is the true day, and whose first or second day is. */
  rangeFirst: number;
  rangeFirstTwo: number;
  rangeDays: number;
  unknown: number;
  wrongExamples: string[];
}

function newTally(): Tally {
  return {
    cases: 0,
    withExpression: 0,
    withOwnAnchor: 0,
    day: 0,
    dayRight: 0,
    dayWithinOne: 0,
    range: 0,
    rangeHolds: 0,
    rangeFirst: 0,
    rangeFirstTwo: 0,
    rangeDays: 0,
    unknown: 0,
    wrongExamples: [],
  };
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The stream's articles as cases, each with the other articles of its story (dated, as stated). */
function streamCases(): Case[] {
  const lines = readFileSync(join(SHARED_DIR, 'eval', 'clustering', 'allsides-stream-2021-apr-jul.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as StreamArticle);
  const toArticle = (s: StreamArticle, dated: boolean): Article =>
    articleFromText(s.id, s.text, {
      title: s.title,
      outlet: s.outlet,
      publishedAt: dated ? { value: s.date.slice(0, 10), inferred: false, basis: 'AllSides story time' } : null,
    });
  const day = (s: StreamArticle) => parseIsoDay(s.date)!;
  return lines.map((s) => ({
    article: toArticle(s, false),
    truth: s.date.slice(0, 10),
    others: lines.filter((o) => o.event_id === s.event_id && o.id !== s.id).map((o) => toArticle(o, true)),
    decoys: lines
      .map((o) => ({ o, gap: Math.abs(daysBetween(day(s), day(o))) }))
      .filter(({ o, gap }) => o.topic === s.topic && o.event_id !== s.event_id && gap >= 1 && gap <= 21)
      .sort((a, b) => a.gap - b.gap)
      .slice(0, DECOYS)
      .map(({ o }) => toArticle(o, true)),
  }));
}

/** The extraction pages with a date of their own (stated in the page), read from HTML, date and URL hidden. */
function pageCases(): Case[] {
  if (!hasExtractionPages()) return [];
  const cases: Case[] = [];
  for (const page of loadExtractionPages()) {
    const read = readArticle({ id: page.id, source: page.id, format: 'html', content: page.html, meta: {} });
    if (!read.ok || !read.value.publishedAt || read.value.publishedAt.inferred) continue;
    const truth = parseIsoDay(read.value.publishedAt.value);
    // Some pages state placeholder dates ("0001-01-01"): no truth to score against.
    if (!truth || truth.year < 1990) continue;
    cases.push({
      article: { ...read.value, publishedAt: null, url: null },
      truth: read.value.publishedAt.value.slice(0, 10),
      others: [],
      decoys: [],
    });
  }
  return cases;
}

/** Scores one inferred date against the true day. */
function score(t: Tally, c: Case, date: DateValue | null): void {
  const truth = parseIsoDay(c.truth)!;
  if (!date) {
    t.unknown++;
    return;
  }
  if (date.earliest && date.latest) {
    t.range++;
    const first = parseIsoDay(date.earliest)!;
    const last = parseIsoDay(date.latest)!;
    t.rangeDays += daysBetween(first, last) + 1;
    const into = daysBetween(first, truth);
    if (into === 0) t.rangeFirst++;
    if (into === 0 || into === 1) t.rangeFirstTwo++;
    if (into >= 0 && daysBetween(truth, last) >= 0) t.rangeHolds++;
    else t.wrongExamples.push(`${c.article.id}: true ${c.truth}, inferred ${date.value} (${date.basis})`);
    return;
  }
  t.day++;
  const off = Math.abs(daysBetween(parseIsoDay(date.value)!, truth));
  if (off === 0) t.dayRight++;
  if (off <= 1) t.dayWithinOne++;
  else t.wrongExamples.push(`${c.article.id}: true ${c.truth}, inferred ${date.value} (${date.basis})`);
}

/** Runs the dates stage on each case: alone, in its story, or among other stories' articles. */
function run(cases: readonly Case[], company: 'alone' | 'story' | 'decoys'): Tally {
  const t = newTally();
  for (const c of cases) {
    t.cases++;
    const evidence = articleEvidence(c.article);
    if (evidence.relative.length + evidence.stated.length + evidence.embeds.length + evidence.stamps.length > 0) {
      t.withExpression++;
    }
    if (evidence.stated.length + evidence.embeds.length + evidence.stamps.length > 0) t.withOwnAnchor++;
    const story = [c.article, ...(company === 'story' ? c.others : company === 'decoys' ? c.decoys : [])];
    const { articles } = datesOfStory(story, { referenceDate: null });
    score(t, c, articles[0]!.publishedAt);
  }
  return t;
}

function pct(n: number, of: number): string {
  return of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`;
}

function report(name: string, t: Tally): void {
  const wrong = t.day - t.dayWithinOne + (t.range - t.rangeHolds);
  console.log(`\n${name}: ${t.cases} articles`);
  console.log(`  with a date expression of their own   ${t.withExpression} (${pct(t.withExpression, t.cases)})`);
  console.log(`  with an anchor of their own            ${t.withOwnAnchor} (${pct(t.withOwnAnchor, t.cases)})`);
  console.log(
    `  one day inferred                       ${t.day} (${pct(t.day, t.cases)}): right ${t.dayRight}, within one day ${t.dayWithinOne}, wrong ${t.day - t.dayWithinOne}`,
  );
  console.log(
    `  range inferred                         ${t.range} (${pct(t.range, t.cases)}): holds the true day ${t.rangeHolds}, misses ${t.range - t.rangeHolds}; mean ${t.range ? (t.rangeDays / t.range).toFixed(1) : '-'} days`,
  );
  if (t.range > 0) {
    console.log(
      `    the true day is the range's first day ${t.rangeFirst} (${pct(t.rangeFirst, t.range)}), its first or second ${t.rangeFirstTwo} (${pct(t.rangeFirstTwo, t.range)})`,
    );
  }
  console.log(`  unknown                                ${t.unknown} (${pct(t.unknown, t.cases)})`);
  console.log(`  right (day or range holding it)        ${pct(t.dayWithinOne + t.rangeHolds, t.cases)}`);
  console.log(`  wrong                                  ${wrong} (${pct(wrong, t.cases)})`);
  for (const w of t.wrongExamples.slice(0, 8)) console.log(`    wrong: ${w}`);
}

const limit = Number(argValue('--limit') ?? Infinity);
const stream = streamCases().slice(0, limit);
report('stream, in its story (others dated)', run(stream, 'story'));
report('stream, alone', run(stream, 'alone'));
report('stream, among other stories of its topic (dated 1-21 days apart)', run(stream, 'decoys'));
const pages = pageCases().slice(0, limit);
if (pages.length > 0) report('extraction pages, alone', run(pages, 'alone'));
