import type { Article, DateMention, Span, TimelineEvent } from '../model.js';
import { analyzeText } from '../nlp/wink.js';
import { createRunContext, type RunContext } from '../run-context.js';
import { spanAt } from '../span-index.js';
import { tokenRangeOf } from './numbers/token-range.js';
import { compressClause } from './timeline/compress-clause.js';
import { mergeEvents, type EventReport } from './timeline/merge-events.js';
import { isQuoted, quotedSpans } from './timeline/quoted-spans.js';

/** Lines that stamp the page rather than report an event ("Updated at 5:19 p.m."). */
const STAMP = /^\s*(?:updated|published|posted|last updated|first published)\b/i;

/** Words before a date that make it a bound rather than the event's date ("prior to Monday's call"). */
const BOUND_BEFORE = /\b(?:prior to|before|ahead of|until|till|after|following)\s+$/i;

/**
 * The part of a sentence on the date's own line: scraped text glues captions and signature lines to sentences. The
 * line breaks are looked for inside the sentence only (a text on one line is not searched from end to end per date).
 */
function lineOf(text: string, sentence: Span, at: number): Span {
  let start = at;
  while (start > sentence.start && text[start - 1] !== '\n') start--;
  let end = at;
  while (end < sentence.end && text[end] !== '\n') end++;
  return { start, end };
}

/** The dated event reports of one article: one per resolved date expression that sits in an event clause. */
function reportsOfArticle(
  article: Article,
  dates: readonly DateMention[],
  articleIndex: number,
  ctx: RunContext,
): EventReport[] {
  const { tokens } = analyzeText(article.text, ctx);
  const sentences = article.sentences;
  const quoted = quotedSpans(article.text);
  const reports: EventReport[] = [];
  for (const date of dates) {
    if (date.date === null || isQuoted(date, quoted)) continue;
    if (BOUND_BEFORE.test(article.text.slice(Math.max(0, date.start - 12), date.start))) continue;
    const sentence = spanAt(sentences, date.start);
    if (!sentence) continue;
    const line = lineOf(article.text, sentence, date.start);
    if (STAMP.test(article.text.slice(line.start, line.end))) continue;
    const statement = compressClause(article.text, tokens, tokenRangeOf(tokens, line), date);
    if (!statement || statement.split(' ').length < 3) continue;
    reports.push({
      date: date.date,
      precision: date.precision,
      text: statement,
      citation: { articleId: article.id, start: line.start, end: line.end },
      inferred: date.inferred,
      order: articleIndex * 1e7 + date.start,
    });
  }
  return reports;
}

/** Builds the story's dated events, merged across articles, in date order. */
export function buildTimeline(
  articles: readonly Article[],
  dates: readonly DateMention[],
  ctx: RunContext = createRunContext(),
): TimelineEvent[] {
  const reports = articles.flatMap((a, i) =>
    reportsOfArticle(
      a,
      dates.filter((d) => d.articleId === a.id),
      i,
      ctx,
    ),
  );
  return mergeEvents(reports);
}
