import type { Article, DateMention, NumberMention, Span } from '../model.js';
import { analyzeText, type TextAnalysis, type Token } from '../nlp/wink.js';
import { createRunContext, type RunContext } from '../run-context.js';
import { asOfDate } from './numbers/as-of-date.js';
import { findCounted, type Counted } from './numbers/find-counted.js';
import { findQualifier } from './numbers/find-qualifier.js';
import {
  amountEntities,
  findQuantityCores,
  type AmountEntities,
  type QuantityCore,
} from './numbers/find-quantity-cores.js';
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

/** The text of one article as the figure finder reads it: its tokens and wink's money and percent amounts. */
interface FigureText {
  tokens: readonly Token[];
  amounts: AmountEntities;
}

/**
 * What a figure counts, with what it borrows from the figure before it in the sentence: "seven people have been
 * killed and hundreds more injured" (the vague amount counts the same people), "65 Palestinians, including 16 girls"
 * (the part shares the event of the whole).
 */
function countedWithPrevious(
  tokens: readonly Token[],
  core: QuantityCore,
  counted: Counted,
  previous: Figure | undefined,
): { noun: string | null; event: string | null } {
  if (!previous) return { noun: counted.noun, event: counted.event };
  const between = tokens.slice(previous.core.last + 1, core.first).map((t) => t.normal);
  return {
    noun: counted.noun ?? (between.includes('and') ? previous.noun : null),
    event: counted.event ?? (between.includes('including') ? previous.event : null),
  };
}

/** The figures of one sentence with qualifier and what they count; a later figure borrows from an earlier one. */
function sentenceFigures(text: FigureText, sentence: Span, excluded: SpanIndex<Span>): Figure[] {
  const { tokens, amounts } = text;
  const range = tokenRangeOf(tokens, sentence);
  const figures: Figure[] = [];
  // Only the excluded spans that reach into the sentence's tokens can hold them.
  const lo = tokens[range.from]?.start ?? 0;
  const hi = tokens[range.to - 1]?.end ?? 0;
  for (const core of findQuantityCores(tokens, amounts, range, excluded.overlapping(lo, hi))) {
    const qualifier = findQualifier(tokens, core.first);
    const counted = findCounted(tokens, core, range);
    const { noun, event } = countedWithPrevious(tokens, core, counted, figures.at(-1));
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

/** The figures of one article; its date (`publishedAt`, as the dates stage settled it) is their default as-of date. */
function numbersOfArticle(article: Article, dates: readonly DateMention[], ctx: RunContext): NumberMention[] {
  const analysis = analyzeText(article.text, ctx);
  const sentences = article.sentences;
  const excluded = new SpanIndex(dateSpans(analysis, dates));
  const text: FigureText = { tokens: analysis.tokens, amounts: amountEntities(analysis.entities) };
  // Each sentence's dates, found by position rather than by a scan of the article's dates per sentence.
  const byPosition = new SpanIndex(dates);
  const datesIn = sentences.map((s) => byPosition.within(s));
  const perSentence = sentences.map((s) => sentenceFigures(text, s, excluded));
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
      asOf: asOfDate(f, sentence, datesIn[i]!, article.publishedAt),
      provenance: { stage: 'numbers', rule: f.core.rule },
    }));
  });
}

/**
 * Finds quantities with what they count, their qualifier, attribution and as-of date. `articles` and `dates` are the
 * dates stage's result (`datesOfStory`): each article's `publishedAt` is the date it settled, the as-of date of the
 * figures no sentence dates.
 */
export function findNumbers(
  articles: readonly Article[],
  dates: readonly DateMention[],
  ctx: RunContext = createRunContext(),
): NumberMention[] {
  return articles.flatMap((a) =>
    numbersOfArticle(
      a,
      dates.filter((d) => d.articleId === a.id),
      ctx,
    ),
  );
}
