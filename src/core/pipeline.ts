import { buildTimeline } from './analyze/timeline.js';
import { datesOfStory } from './analyze/dates/reference-dates.js';
import { findEntities } from './analyze/entities.js';
import { findNumbers } from './analyze/numbers.js';
import { findQuotes } from './analyze/quotes.js';
import { composeStory } from './compose/compose.js';
import { shortHash } from './hash.js';
import type { AnalyzeOptions, Article, DateValue, InputFailure, RawArticle, Report, ReportArticle } from './model.js';
import { readArticle } from './read/read-article.js';
import { prepareStoryContext } from './read/story-context.js';
import { createRunContext, type RunContext } from './run-context.js';
import { runStagesOnArticles, type Stage } from './run-stages.js';
import type { AnalyzedStory } from './stage-types.js';

/** The generator version written into reports when the caller gives none. */
export const CORE_VERSION = '0.1.0';

/** Reads every raw input in the run's context; unreadable ones become failures and the rest go on. */
export function readArticles(
  raws: readonly RawArticle[],
  ctx: RunContext = createRunContext(),
): { articles: Article[]; failures: InputFailure[] } {
  const articles: Article[] = [];
  const failures: InputFailure[] = [];
  // Prepared once: every article judges its lines against the same story texts.
  const context = prepareStoryContext(
    raws.map((r) => r.content),
    ctx,
  );
  for (const raw of raws) {
    const result = readArticle(raw, { storyContext: context }, ctx);
    if (result.ok) articles.push(result.value);
    else failures.push(result.failure);
  }
  return { articles, failures };
}

/**
 * The story's reference date as the report shows it: the caller's, else the latest stated publication date, else the
 * latest inferred single day. Each article's relative dates are resolved against its own date, not against this.
 */
export function storyReferenceDate(articles: readonly Article[], given?: string): string | null {
  if (given) return given;
  const dates = articles.map((a) => a.publishedAt).filter((d): d is DateValue => d !== null && d.latest === undefined);
  const stated = dates.filter((d) => !d.inferred).map((d) => d.value);
  const pool = stated.length > 0 ? stated : dates.map((d) => d.value);
  return pool.length > 0 ? [...pool].sort().at(-1)!.slice(0, 10) : null;
}

/** The analyze stage of the dates: settles each article's date and finds the dates its text states. */
const datesStage: Stage<AnalyzedStory> = {
  name: 'dates',
  run: (story) => {
    const { articles, mentions } = datesOfStory(story.articles, { referenceDate: story.referenceDate });
    return { ...story, articles, dates: mentions };
  },
};

/**
 * The analyze phase as data, in order: dates (which also settle each article's date, read by every later stage),
 * entities, quotes (read entities), numbers (read dates), timeline (reads dates).
 */
export const ANALYZE_STAGES: readonly Stage<AnalyzedStory>[] = [
  datesStage,
  { name: 'entities', run: (story, ctx) => ({ ...story, entities: findEntities(story.articles, ctx) }) },
  { name: 'quotes', run: (story, ctx) => ({ ...story, quotes: findQuotes(story.articles, story.entities, ctx) }) },
  { name: 'numbers', run: (story, ctx) => ({ ...story, numbers: findNumbers(story.articles, story.dates, ctx) }) },
  { name: 'timeline', run: (story, ctx) => ({ ...story, timeline: buildTimeline(story.articles, story.dates, ctx) }) },
];

/** The story before any analyze stage: its articles and reference date, no annotation yet. */
function unanalyzed(articles: readonly Article[], referenceDate: string | null): AnalyzedStory {
  return { articles, referenceDate, entities: [], quotes: [], numbers: [], dates: [], timeline: [] };
}

/**
 * The analyze phase (`ANALYZE_STAGES`) on articles already read. `referenceDate` is the caller's date for articles
 * whose own evidence fixes none (null: their dates stay unknown); the articles of the result carry their dates as the
 * dates stage settled them. An article a stage cannot work on is left out and listed in `failures` (absent when none).
 */
export function analyzeArticles(
  input: readonly Article[],
  referenceDate: string | null,
  ctx: RunContext = createRunContext(),
): AnalyzedStory {
  const { story, failures } = runStagesOnArticles(
    ANALYZE_STAGES,
    input,
    (articles) => unanalyzed(articles, referenceDate),
    ctx,
  );
  return failures.length > 0 ? { ...story, failures } : story;
}

/** Drops the fields of an Article that stay out of the report (the raw original is kept in storage, not here). */
export function toReportArticle(article: Article): ReportArticle {
  const { original: _original, format: _format, ...rest } = article;
  return rest;
}

/** Runs the whole core pipeline on the raw articles of one story and returns the report. */
export function analyzeStory(raws: readonly RawArticle[], options: AnalyzeOptions = {}): Report {
  // One context for the whole run: every stage of this story shares its memos, and no other run sees them.
  const ctx = createRunContext();
  const { articles, failures } = readArticles(raws, ctx);
  return reportFromArticles(articles, failures, options, ctx);
}

/**
 * The phases after reading (analyze, compose) on articles already read, with the inputs that could not be read: lets
 * a caller read each input apart (e.g. each in its own worker, under a budget) and still get `analyzeStory`'s report.
 */
export function reportFromArticles(
  read: readonly Article[],
  failures: readonly InputFailure[],
  options: AnalyzeOptions = {},
  ctx: RunContext = createRunContext(),
): Report {
  const { failures: failed = [], ...analyzed } = analyzeArticles(read, options.referenceDate ?? null, ctx);
  const { articles } = analyzed;
  const referenceDate = storyReferenceDate(articles, options.referenceDate);
  const composed = composeStory(analyzed, { summaryWords: options.summaryWords ?? 120 }, ctx);
  // The story is titled by the summary's neutral headline (chosen across outlets), not by whichever outlet came first.
  const headline = composed.summary.headline?.replace(/\.$/, '');
  const title = headline ?? articles.find((a) => a.title)?.title ?? null;
  return {
    schemaVersion: 1,
    generator: { name: 'parallax', version: options.version ?? CORE_VERSION },
    story: {
      id: options.storyId ?? shortHash(articles.map((a) => a.id).join('\n')),
      title,
      articleCount: articles.length,
      referenceDate,
    },
    articles: articles.map(toReportArticle),
    failures: [...failures, ...failed],
    entities: [...analyzed.entities],
    quotes: [...analyzed.quotes],
    numbers: [...analyzed.numbers],
    dates: [...analyzed.dates],
    timeline: [...analyzed.timeline],
    ...composed,
  };
}
