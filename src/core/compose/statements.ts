import { stemmer } from 'stemmer';
import type { Span } from '../model.js';
import { analyzeText, type Token } from '../nlp/wink.js';
import { SpanIndex, spanAt } from '../span-index.js';
import type { RunContext } from '../run-context.js';
import type { AnalyzedStory } from '../stage-types.js';
import { attributionSpans } from './attribution-spans.js';
import { junkReason, type JunkReason } from './is-junk-statement.js';
import { CALL_FOR_STEMS, EXTRA_STOP_WORDS, STEM_CLASSES } from './lexicons.js';

/** One sentence of one article, prepared for comparison. */
export interface Statement {
  /** Index in the story-wide statement list. */
  id: number;
  articleId: string;
  articleIndex: number;
  /** Index of the statement within its article (0 = lead). */
  position: number;
  start: number;
  end: number;
  text: string;
  tokens: readonly Token[];
  /**
   * Content terms: Porter stems of non-stop words, folded into classes so that paraphrases meet; the words that only
   * say who said it ("White House press secretary Jen Psaki said") are not content.
   */
  terms: string[];
  /** Lower-cased word forms, in order (for shared-run detection). */
  words: string[];
  entityIds: string[];
  /** Entity mentions inside the sentence, in text order. */
  entityMentions: { entityId: string; start: number; end: number }[];
  /** Figures stated in the sentence (from the numbers stage), as value strings. */
  figures: string[];
  /** ISO dates mentioned in the sentence. */
  dates: string[];
  junk: JunkReason;
  /** Share of the sentence's characters inside quotation marks. */
  quotedShare: number;
}

const QUOTE_OPEN = new Set(['"', '“', '«']);
const QUOTE_CLOSE = new Set(['"', '”', '»']);

/** Normalizes a word to its comparison term (stem folded into its class), or null for stop words and symbols. */
export function termOf(token: Token, next: Token | undefined): string | null {
  if (token.type !== 'word') return null;
  const normal = token.normal.replace(/[’'-]/g, '');
  if (normal.length < 2 || !/\p{L}/u.test(normal)) return null;
  const stem = stemmer(normal);
  if (CALL_FOR_STEMS.has(stem) && next?.normal === 'for') return 'support';
  if (token.stopWord || EXTRA_STOP_WORDS.has(token.normal)) return null;
  return STEM_CLASSES.get(stem) ?? stem;
}

function quotedShare(text: string): number {
  let inside = 0;
  let open = false;
  for (const ch of text) {
    if (!open && QUOTE_OPEN.has(ch)) open = true;
    else if (open && QUOTE_CLOSE.has(ch)) open = false;
    else if (open) inside++;
  }
  return text.length === 0 ? 0 : inside / text.length;
}

/** A value attached to a span of an article (an entity id, a figure, a date). */
interface SpanValue extends Span {
  value: string;
}

/**
 * The values attached to spans, per article, indexed by position: each sentence's lookup is a binary search, not a scan
 * of the whole article's items (which made statements take time in the square of an article's length).
 */
type SpanValues = Map<string, SpanIndex<SpanValue>>;

function indexByArticle(items: readonly (SpanValue & { articleId: string })[]): SpanValues {
  const lists = new Map<string, SpanValue[]>();
  for (const item of items) {
    let list = lists.get(item.articleId);
    if (!list) lists.set(item.articleId, (list = []));
    list.push({ start: item.start, end: item.end, value: item.value });
  }
  return new Map([...lists].map(([articleId, list]) => [articleId, new SpanIndex(list)]));
}

function valuesIn(index: SpanValues, articleId: string, span: Span): string[] {
  return [...new Set((index.get(articleId)?.within(span) ?? []).map((item) => item.value))];
}

function mentionsIn(index: SpanValues, articleId: string, span: Span): Statement['entityMentions'] {
  return (index.get(articleId)?.within(span) ?? [])
    .map((m) => ({ entityId: m.value, start: m.start, end: m.end }))
    .sort((a, b) => a.start - b.start);
}

function tokensIn(tokens: readonly Token[], span: Span, from: number): { slice: Token[]; next: number } {
  let i = from;
  while (i < tokens.length && tokens[i]!.end <= span.start) i++;
  const slice: Token[] = [];
  let j = i;
  while (j < tokens.length && tokens[j]!.start < span.end) slice.push(tokens[j++]!);
  return { slice, next: i };
}

/** Spans sorted by start with the overlapping ones merged (the form `spanAt` searches). */
function mergedSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Splits every article into statements with their terms, entities, figures and dates. */
export function buildStatements(story: AnalyzedStory, ctx: RunContext): Statement[] {
  const entityIndex = indexByArticle(
    story.entities.flatMap((e) =>
      e.mentions.map((m) => ({ articleId: m.articleId, start: m.start, end: m.end, value: e.id })),
    ),
  );
  const figureIndex = indexByArticle(
    story.numbers
      .filter((n) => n.value !== null)
      .map((n) => ({ articleId: n.articleId, start: n.start, end: n.end, value: String(n.value) })),
  );
  const dateIndex = indexByArticle(
    story.dates
      .filter((d) => d.date !== null)
      .map((d) => ({ articleId: d.articleId, start: d.start, end: d.end, value: d.date!.slice(0, 10) })),
  );
  const statements: Statement[] = [];
  story.articles.forEach((article, articleIndex) => {
    const tokens = analyzeText(article.text, ctx).tokens;
    const attribution = mergedSpans(attributionSpans(article.id, tokens, story.quotes));
    let cursor = 0;
    // The reader's sentences (articleFromText fills them too): the one segmenter every stage cites by.
    article.sentences.forEach((span, position) => {
      const { slice, next } = tokensIn(tokens, span, cursor);
      cursor = next;
      const text = article.text.slice(span.start, span.end);
      const terms: string[] = [];
      slice.forEach((t, k) => {
        if (spanAt(attribution, t.start)) return;
        const term = termOf(t, slice[k + 1]);
        if (term) terms.push(term);
      });
      statements.push({
        id: statements.length,
        articleId: article.id,
        articleIndex,
        position,
        start: span.start,
        end: span.end,
        text,
        tokens: slice,
        terms,
        words: slice.filter((t) => t.type === 'word' || t.type === 'number').map((t) => t.normal),
        entityIds: valuesIn(entityIndex, article.id, span),
        entityMentions: mentionsIn(entityIndex, article.id, span),
        figures: valuesIn(figureIndex, article.id, span),
        dates: valuesIn(dateIndex, article.id, span),
        junk: junkReason(text, slice),
        quotedShare: quotedShare(text),
      });
    });
  });
  return statements;
}
