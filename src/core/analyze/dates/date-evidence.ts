import type { ParsedResult } from 'chrono-node';
import type { Article, Span } from '../../model.js';
import { isQuoted, quotedSpans } from '../timeline/quoted-spans.js';
import { sentenceIndexAt } from './article-sentences.js';
import { formatDay, noonUtc, parseIsoDay, type CalendarDay } from './calendar.js';
import { newsDateParser } from './date-parser.js';
import { eventReport, lazily, type EventReport } from './same-event.js';
import { isFutureSlot } from './future-slot.js';
import { relativeDayOf, type RelativeDay } from './relative-day.js';
import { isInferred, isRelative, precisionOf } from './to-date-mention.js';

/** The day an evidence parse is made against when no other serves: only stated values and rules are read from it. */
export const PLACEHOLDER_DAY: CalendarDay = { year: 2000, month: 1, day: 1 };

/** A relative date expression of the article's own prose (not quoted) with what its sentence reports. */
export interface RelativeEvidence {
  rule: RelativeDay;
  text: string;
  start: number;
  /** What its sentence reports (computed on first use). */
  report: () => EventReport;
}

/** An event placed on a known day: a day stated in full, a dated embedded post, an event another article dates. */
export interface DatedEvent {
  day: CalendarDay;
  /** What the event's report says (computed on first use). */
  report: () => EventReport;
  /** Where the day comes from, for the basis ("the post by @UN_Spokesperson", "article b"). */
  source: string;
  /** The other article that dates the event, or null for the article's own evidence. */
  articleId: string | null;
  /** True when the report tells the event as past (on or before the day it was written). */
  past: boolean;
}

/** A day the article states in full, with what its clause says of it: past (a lower bound), to come, or neither. */
export interface StatedDay extends DatedEvent {
  text: string;
  tense: 'past' | 'future' | 'unknown';
}

/**
 * Parts of a day a page stamp states ("Published Wednesday, May 12"; "18 NOV 2019" alone on a line near the top),
 * each null when not stated. An update stamp states a day on or after the publication.
 */
export interface StampEvidence {
  text: string;
  updated: boolean;
  year: number | null;
  month: number | null;
  day: number | null;
  weekday: number | null;
}

/** What one article offers on its own about the day it was written. */
export interface ArticleEvidence {
  articleId: string;
  relative: RelativeEvidence[];
  stated: StatedDay[];
  embeds: DatedEvent[];
  stamps: StampEvidence[];
  /** What its sentences that state figures report (computed on first use): a figure is no older than its release. */
  figures: () => EventReport[];
  /** The parse of the whole text the evidence was read from, and the day it was made against (reused). */
  parse: { day: CalendarDay; results: ParsedResult[] };
}

/** A past-tense verb in a clause: a day stated there is one the article reports as past. */
const PAST_VERB = /\b(?:was|were|had|did|said|told|began|came|went|took|made|held|\p{L}{3,}ed)\b/iu;

/** A figure of two or more digits: a sentence without one states no figure worth comparing. */
const FIGURE_CUE = /\d[\d,.]*\d/;

/** The spans of a parse's results (blanked from sentences before their words are compared). */
function spansOf(results: readonly ParsedResult[]): Span[] {
  return results.map((r) => ({ start: r.index, end: r.index + r.text.length }));
}

/** What the sentence around `at` reports, without the date expressions in it (computed on first use). */
function sentenceReport(
  article: Article,
  sentences: () => readonly Span[],
  dateSpans: readonly Span[],
  at: number,
): () => EventReport {
  return lazily(() => {
    const all = sentences();
    return eventReport(article.text, all[sentenceIndexAt(all, at)] ?? { start: at, end: at }, dateSpans);
  });
}

/** The tense a clause gives a day it states. */
function tenseAt(text: string, sentence: Span | undefined, index: number): StatedDay['tense'] {
  if (isFutureSlot(text, index)) return 'future';
  if (sentence && PAST_VERB.test(text.slice(sentence.start, sentence.end))) return 'past';
  return 'unknown';
}

/** The day a result states in full (day, month and year written), or null. */
export function statedDay(result: ParsedResult): CalendarDay | null {
  const s = result.start;
  if (!s.isCertain('day') || !s.isCertain('month') || !s.isCertain('year')) return null;
  if (isInferred(result, precisionOf(result))) return null;
  return parseIsoDay(formatDay({ year: s.get('year')!, month: s.get('month')!, day: s.get('day')! }));
}

/** Stamps of a later version ("Updated at 5:19 p.m.", "Last modified"). */
const UPDATE_STAMP = /^\s*(?:last\s+)?(?:updated|modified|edited)\b/i;

/** What may stand beside a date on a date line: a time, a zone, separators, a stamp word. */
const DATE_LINE_REST =
  /\b(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|utc|gmt|[ecmp][sd]t|published|posted|updated|on|at)\b|[^\p{L}]/giu;

/** How far into the text a date line may start (characters): datelines sit at the top. */
const DATE_LINE_REACH = 600;

/** Where a stamp line turns from the publication to the update ("Posted: Fri, Feb 16 | Updated: Sat, Feb 17"). */
const UPDATE_PART = /(?=\b(?:last\s+)?(?:updated|modified|edited)\b)/i;

/**
 * The days a stamp line states, one per part (publication, update), each with the parts of the day its date
 * expressions state together ("Fri 6:45 PM, Feb 16, 2018" is parsed in pieces); parts that state no day are left out.
 */
function stampsOf(line: string): StampEvidence[] {
  const stamps: StampEvidence[] = [];
  for (const part of line.split(UPDATE_PART)) {
    // "Updated today": a day read off the parse's own reference states nothing.
    const results = newsDateParser()
      .parse(part, { instant: noonUtc(PLACEHOLDER_DAY), timezone: 0 })
      .filter((r) => !isRelative(r));
    const stated = (c: 'year' | 'month' | 'day' | 'weekday') =>
      results.find((r) => r.start.isCertain(c))?.start.get(c) ?? null;
    const stamp = {
      text: part.trim(),
      updated: UPDATE_STAMP.test(part),
      year: stated('year'),
      month: stated('month'),
      day: stated('day'),
      weekday: stated('weekday'),
    };
    if (stamp.month !== null || stamp.weekday !== null) stamps.push(stamp);
  }
  return stamps;
}

/** The line of the text holding `at`, when it holds a date and nothing else but a time or separators near the top. */
function dateLineAt(text: string, result: ParsedResult): string | null {
  if (result.index > DATE_LINE_REACH) return null;
  const start = text.lastIndexOf('\n', result.index) + 1;
  const newline = text.indexOf('\n', result.index + result.text.length);
  const line = text.slice(start, newline < 0 ? text.length : newline);
  const rest = line.replace(result.text, ' ').replace(DATE_LINE_REST, '');
  return rest.length === 0 ? line : null;
}

/**
 * Collects what an article offers about its writing day from one parse of its text against `parseDay` (any day: the
 * evidence is read as stated values and as rules relative to it; the day the caller will likely resolve against
 * lets that parse serve again).
 */
export function articleEvidence(article: Article, parseDay: CalendarDay = PLACEHOLDER_DAY): ArticleEvidence {
  const { text } = article;
  const results = newsDateParser().parse(text, { instant: noonUtc(parseDay), timezone: 0 });
  const sentences = lazily(() => article.sentences);
  const dateSpans = spansOf(results);
  const quoted = quotedSpans(text);
  const relative: RelativeEvidence[] = [];
  const stated: StatedDay[] = [];
  const stamps = article.removed.filter((r) => r.reason === 'timestamp').flatMap((r) => stampsOf(r.text));
  for (const result of results) {
    const span = { start: result.index, end: result.index + result.text.length };
    if (isQuoted(span, quoted)) continue;
    const day = statedDay(result);
    const dateLine = day ? dateLineAt(text, result) : null;
    if (dateLine) {
      stamps.push(...stampsOf(dateLine));
      continue;
    }
    if (day) {
      const sentence = sentences()[sentenceIndexAt(sentences(), result.index)];
      stated.push({
        day,
        text: result.text.trim(),
        tense: tenseAt(text, sentence, result.index),
        report: sentenceReport(article, sentences, dateSpans, result.index),
        source: `the date “${result.text.trim()}” it states`,
        articleId: null,
        past: tenseAt(text, sentence, result.index) === 'past',
      });
      continue;
    }
    const rule = relativeDayOf(result, parseDay);
    if (!rule) continue;
    relative.push({
      rule,
      text: result.text.trim(),
      start: result.index,
      report: sentenceReport(article, sentences, dateSpans, result.index),
    });
  }
  const embeds: DatedEvent[] = [];
  for (const embed of article.embeds) {
    const day = embed.date ? parseIsoDay(embed.date) : null;
    if (!day) continue;
    const words = `${embed.text} ${embed.author ?? ''}`;
    const report = lazily(() => eventReport(words, { start: 0, end: words.length }, []));
    embeds.push({
      day,
      report,
      source: `the post${embed.handle ? ` by @${embed.handle}` : ''} it embeds`,
      articleId: null,
      past: true,
    });
  }
  const figures = lazily(() =>
    sentences()
      .filter((sentence) => FIGURE_CUE.test(text.slice(sentence.start, sentence.end)))
      .map((sentence) => eventReport(text, sentence, dateSpans))
      .filter((report) => report.figures.size > 0),
  );
  return { articleId: article.id, relative, stated, embeds, stamps, figures, parse: { day: parseDay, results } };
}
