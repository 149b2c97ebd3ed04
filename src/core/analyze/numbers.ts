import type { Article, DateMention, DateValue, NumberMention, Span } from '../model.js';
import { analyzeText, type TextAnalysis } from '../nlp/wink.js';
import { articleSentences } from './dates/article-sentences.js';
import { articleReferenceDates } from './dates/reference-dates.js';
import { asOfDate } from './numbers/as-of-date.js';
import { findCounted } from './numbers/find-counted.js';
import { findQualifier } from './numbers/find-qualifier.js';
import { findQuantityCores, type QuantityCore } from './numbers/find-quantity-cores.js';
import { SpanIndex } from '../span-index.js';
import { attributionForSentence } from './numbers/find-attribution.js';
import { tokenRangeOf } from './numbers/token-range.js';

/** A figure of one sentence before attribution and date are added. */
interface Figure {
  core: QuantityCore;
  start: number;
  end: number;
  qualifier: string | null;
  noun: string | null;
  event: string | null;
}

/** The figures of one sentence with qualifier and what they count; a later figure borrows from an earlier one. */
function sentenceFigures(analysis: TextAnalysis, sentence: Span, excluded: SpanIndex<Span>): Figure[] {
  const { tokens, entities } = analysis;
  const range = tokenRangeOf(tokens, sentence);
  const figures: Figure[] = [];
  // Only the excluded spans that reach into the sentence's tokens can hold them.
  const lo = tokens[range.from]?.start ?? 0;
  const hi = tokens[range.to - 1]?.end ?? 0;
  for (const core of findQuantityCores(tokens, entities, range, excluded.overlapping(lo, hi))) {
    const qualifier = findQualifier(tokens, core.first);
    const counted = findCounted(tokens, core, range);
    const previous = figures.at(-1);
    const between = previous ? tokens.slice(previous.core.last + 1, core.first).map((t) => t.normal) : [];
    // "seven people have been killed and hundreds more injured": the vague amount counts the same people.
    const noun = counted.noun ?? (previous && between.includes('and') ? previous.noun : null);
    // "65 Palestinians, including 16 girls": the part shares the event of the whole.
    const event = counted.event ?? (previous && between.includes('including') ? previous.event : null);
    if (core.value === 1 && !event && !qualifier) continue;
    figures.push({
      core,
      start: tokens[qualifier?.start ?? core.first]!.start,
      end: tokens[counted.last]!.end,
      qualifier: qualifier?.qualifier ?? null,
      noun,
      event,
    });
  }
  return figures;
}

/** What a figure counts, as written in `counts`: noun phrase plus event ("Palestinians killed"). */
function countsOf(figure: Figure): string | null {
  if (figure.noun && figure.event) return `${figure.noun} ${figure.event}`;
  return figure.noun ?? figure.event;
}

/** The spans of an article that hold dates and times, whose digits are not quantities. */
function dateSpans(analysis: TextAnalysis, dates: readonly DateMention[]): Span[] {
  const wink = analysis.entities.filter((e) => e.type === 'DATE' || e.type === 'TIME');
  return [...dates, ...wink].map((d) => ({ start: d.start, end: d.end }));
}

/** The figures of one article. */
function numbersOfArticle(
  article: Article,
  dates: readonly DateMention[],
  reference: DateValue | null,
): NumberMention[] {
  const analysis = analyzeText(article.text);
  const sentences = articleSentences(article);
  const excluded = new SpanIndex(dateSpans(analysis, dates));
  // Each sentence's dates, found by position rather than by a scan of the article's dates per sentence.
  const byPosition = new SpanIndex(dates);
  const datesIn = sentences.map((s) => byPosition.within(s));
  const perSentence = sentences.map((s) => sentenceFigures(analysis, s, excluded));
  const hasFigures = (i: number) => (perSentence[i]?.length ?? 0) > 0;
  const dateOf = (i: number) => datesIn[i]?.find((d) => d.date !== null)?.date ?? null;
  return perSentence.flatMap((figures, i) => {
    const sentence = sentences[i]!;
    const attribution =
      figures.length > 0 ? attributionForSentence(article.text, sentences, i, hasFigures, dateOf) : null;
    return figures.map((f) => ({
      articleId: article.id,
      start: f.start,
      end: f.end,
      text: article.text.slice(f.start, f.end),
      value: f.core.value,
      approximate: f.qualifier !== null || f.core.value === null,
      qualifier: f.qualifier,
      counts: countsOf(f),
      attribution,
      asOf: asOfDate(f, sentence, datesIn[i]!, reference),
    }));
  });
}

/** Finds quantities with what they count, their qualifier, attribution and as-of date. */
export function findNumbers(articles: readonly Article[], dates: readonly DateMention[]): NumberMention[] {
  const references = articleReferenceDates(articles, null);
  return articles.flatMap((a) =>
    numbersOfArticle(
      a,
      dates.filter((d) => d.articleId === a.id),
      references.get(a.id) ?? null,
    ),
  );
}
