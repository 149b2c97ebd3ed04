import type { Article, DateMention, DateValue } from '../../model.js';
import { statementStems } from '../../nlp/content-stems.js';
import { isQuoted, quotedSpans } from '../timeline/quoted-spans.js';
import { sentenceIndexAt } from './article-sentences.js';
import { daysBetween, formatDay, parseIsoDay } from './calendar.js';
import { articleEvidence, type ArticleEvidence, type DatedEvent } from './date-evidence.js';
import { inferArticleDate } from './infer-article-date.js';
import { resolveMentions, type ResolvedDates } from './resolve-mentions.js';
import { eventReport, lazily, storyVocabulary, type StoryVocabulary } from './same-event.js';

/** Options of the dates stage. */
export interface StoryDateOptions {
  /** The caller's reference date (ISO) for articles whose own evidence fixes no date; null for none. */
  referenceDate: string | null;
}

/** The dates stage's result: the articles with their dates (given, inferred or unknown) and every date expression. */
export interface StoryDates {
  /** The input articles, each with `publishedAt` set to its date: given, inferred (with its basis), or null. */
  articles: Article[];
  mentions: DateMention[];
}

/** Rounds of inference: an article dated in one round places its events for the articles still undated. */
const MAX_ROUNDS = 3;

/**
 * The date an article brings: a stated one (kept even when it is coarser than a day), or one the reader inferred from
 * the page (its URL path, the page's own metadata). A date the reader took from embedded posts is only a lower bound
 * (an article is no older than what it embeds), so it is inferred again here.
 */
function givenDate(article: Article): DateValue | null {
  const given = article.publishedAt;
  if (!given) return given;
  if (given.inferred && article.embeds.some((e) => e.date === given.value)) return null;
  return given;
}

/** The events an article places on known days: its placeable day expressions outside quotes, with their sentences. */
function eventsOf(article: Article, date: DateValue | null, resolved: ResolvedDates): DatedEvent[] {
  const written = date ? parseIsoDay(date.earliest ?? date.value) : null;
  const sentences = article.sentences;
  const quoted = quotedSpans(article.text);
  const events: DatedEvent[] = [];
  for (const m of resolved.placeable()) {
    if (m.date === null || (m.precision !== 'day' && m.precision !== 'time') || isQuoted(m, quoted)) continue;
    const day = parseIsoDay(m.date);
    const sentence = sentences[sentenceIndexAt(sentences, m.start)];
    if (!day || !sentence) continue;
    events.push({
      day,
      report: lazily(() => eventReport(article.text, sentence, resolved.mentions)),
      source: `the same event in article ${article.id} (“${m.text}”)`,
      articleId: article.id,
      past: written !== null && daysBetween(day, written) >= 0,
    });
  }
  return events;
}

/**
 * The weights of the story's words: every sentence of every article and every embedded post is one report, so the
 * names the story is about weigh little. Computed only when two reports are compared.
 */
function vocabularyOf(articles: readonly Article[]): StoryVocabulary {
  const reports = articles.flatMap((a) => [
    ...a.sentences.map((s) => ({ stems: statementStems(a.text.slice(s.start, s.end)) })),
    ...a.embeds.map((e) => ({ stems: statementStems(e.text) })),
  ]);
  return storyVocabulary(reports);
}

/**
 * The dates stage of a story. Each article keeps the date it brings; an article without one gets the date its own
 * evidence fixes (see `inferArticleDate`), where other articles only place the events it reports; else the caller's
 * reference date; else none. Then each article's date expressions are resolved against its date: relative ones stay
 * unresolved (date null) when it has none, or when its date is a range over which they name different days.
 */
export function datesOfStory(articles: readonly Article[], options: StoryDateOptions): StoryDates {
  const dates = new Map<Article, DateValue | null>();
  const resolved = new Map<Article, ResolvedDates>();
  const evidence = new Map<Article, ArticleEvidence>();
  const settle = (article: Article, date: DateValue | null) => {
    dates.set(article, date);
    resolved.set(article, resolveMentions(article, date, evidence.get(article)?.parse));
  };
  for (const article of articles) {
    const given = givenDate(article);
    if (given) settle(article, given);
  }
  let undated = articles.filter((a) => !dates.has(a));
  // Parsed for the evidence against the caller's date when there is one: most undated articles end up with it.
  const fallbackDay = options.referenceDate ? parseIsoDay(options.referenceDate) : null;
  const words = lazily(() => vocabularyOf(articles));
  const placed = new Map<Article, DatedEvent[]>();
  for (const article of undated) evidence.set(article, articleEvidence(article, fallbackDay ?? undefined));
  for (let round = 0; round < MAX_ROUNDS && undated.length > 0; round++) {
    // The events the articles dated so far place in time (each article's read once).
    const known = [...resolved].flatMap(([article, r]) => {
      let events = placed.get(article);
      if (!events) placed.set(article, (events = eventsOf(article, dates.get(article) ?? null, r)));
      return events;
    });
    const found = undated.flatMap((article) => {
      const date = inferArticleDate(evidence.get(article)!, known, words);
      return date ? [{ article, date }] : [];
    });
    for (const { article, date } of found) settle(article, date);
    undated = undated.filter((a) => !dates.has(a));
    if (found.length === 0) break;
  }
  for (const article of undated) {
    settle(
      article,
      fallbackDay
        ? { value: formatDay(fallbackDay), inferred: true, basis: 'the reference date given for the story' }
        : null,
    );
  }
  const out = articles.map((a) => ({ ...a, publishedAt: dates.get(a) ?? null }));
  return { articles: out, mentions: articles.flatMap((a) => resolved.get(a)?.mentions ?? []) };
}
