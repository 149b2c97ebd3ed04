import type { Article, Entity, Span } from '../../model.js';
import type { RunContext } from '../../run-context.js';
import { articleUnits } from '../entities/article-units.js';
import { wordUnits, type WordUnit } from '../entities/word-units.js';
import { colonSpeaker } from './colon-speaker.js';
import { findQuotedSpans, type QuotedSpan } from './find-quoted-spans.js';
import { quoteAwareSegments, type Segment } from './quote-aware-segments.js';
import { remember, speakerContext, type ArticleState, type DraftQuote, type SegmentPass } from './quote-pass.js';
import { REFINERS, runSegmentFinders } from './quote-rules.js';
import { resolveSpeaker, type LinkedMention } from './resolve-speaker.js';
import { attachPhrases, segmentCues, type Attribution, type SegmentView } from './segment-cues.js';

export type { DraftQuote } from './quote-pass.js';

/** The article's entity mentions with their entities, sorted by position. */
function linkedMentions(article: Article, entities: readonly Entity[]): LinkedMention[] {
  const out: LinkedMention[] = [];
  for (const entity of entities) {
    for (const mention of entity.mentions) if (mention.articleId === article.id) out.push({ mention, entity });
  }
  return out.sort((x, y) => x.mention.start - y.mention.start);
}

/** The unit range of a segment. */
function unitRange(units: readonly WordUnit[], seg: Span, from: number): { a: number; b: number } {
  let a = from;
  while (a < units.length && units[a]!.start < seg.start) a++;
  let b = a;
  while (b < units.length && units[b]!.end <= seg.end) b++;
  return { a, b: b - 1 };
}

/** Resolves the speakers of a segment's attributions, in order (so that "she" can see a speaker named earlier). */
function resolveAll(p: SegmentPass, atts: Omit<Attribution, 'speaker'>[]): Attribution[] {
  const out: Attribution[] = [];
  for (const at of atts) {
    const speaker = at.phrase ? resolveSpeaker(speakerContext(p), at.phrase) : null;
    out.push({ ...at, speaker });
    remember(p.state, speaker, p.entities, p.seg.paragraph);
  }
  return out;
}

/** What stays the same for every segment of one article. */
interface ArticleScan {
  article: Article;
  units: readonly WordUnit[];
  paragraphs: readonly Span[];
  quoted: readonly QuotedSpan[];
  mentions: readonly LinkedMention[];
  entities: ReadonlyMap<string, Entity>;
  state: ArticleState;
  run: RunContext;
}

/** Where the scan of an article's segments stands: the first unit and the first quotation not yet passed. */
interface Cursor {
  unit: number;
  quote: number;
}

/** The quotations opening in a segment, from the cursor's quotation on (which it moves to the segment's first). */
function segmentQuotes(scan: ArticleScan, seg: Segment, cursor: Cursor): QuotedSpan[] {
  const { quoted } = scan;
  while (cursor.quote < quoted.length && quoted[cursor.quote]!.open < seg.start) cursor.quote++;
  const quotes: QuotedSpan[] = [];
  for (let k = cursor.quote; k < quoted.length && quoted[k]!.open < seg.end; k++) quotes.push(quoted[k]!);
  return quotes;
}

/** The pass over one segment: its units and quotations, and what earlier segments left for it. */
function segmentPass(scan: ArticleScan, seg: Segment, cursor: Cursor): SegmentPass {
  const { a, b } = unitRange(scan.units, seg, cursor.unit);
  cursor.unit = a;
  const quotes = segmentQuotes(scan, seg, cursor);
  const colon = scan.state.colon;
  const before = scan.quoted[cursor.quote - 1];
  const paragraph = scan.paragraphs[seg.paragraph] ?? seg;
  return {
    article: scan.article,
    units: scan.units,
    seg,
    paragraph,
    paragraphs: scan.paragraphs,
    searchFrom: (scan.paragraphs[seg.paragraph - 1] ?? paragraph).start,
    view: { units: scan.units, a, b, quotes } satisfies SegmentView,
    mentions: scan.mentions,
    entities: scan.entities,
    state: scan.state,
    introduced: colon && colon.paragraph === seg.paragraph - 1 ? colon.speaker : null,
    runOn: before && (before.close ?? before.end) > seg.start ? before : null,
    run: scan.run,
  };
}

/** Finds the direct, partial and indirect quotes of one article's body text: its finders, then its refiners. */
export function findArticleQuotes(article: Article, entities: readonly Entity[], ctx: RunContext): DraftQuote[] {
  const text = article.text;
  const units = wordUnits(text, ctx);
  const { sentences, paragraphs } = articleUnits(article);
  const quoted = findQuotedSpans(text, paragraphs);
  const segments = quoteAwareSegments(text, paragraphs, sentences, quoted);
  const mentions = linkedMentions(article, entities);
  const state: ArticleState = {
    last: null,
    lastBody: null,
    colon: null,
    attributed: null,
    out: [],
    reaching: { seen: 0, quotes: [] },
    loose: new Set(),
  };
  const byId = new Map(entities.map((e) => [e.id, e]));
  const scan: ArticleScan = { article, units, paragraphs, quoted, mentions, entities: byId, state, run: ctx };
  const cursor: Cursor = { unit: 0, quote: 0 };
  for (const seg of segments) {
    const pass = segmentPass(scan, seg, cursor);
    const atts = resolveAll(pass, attachPhrases(pass.view, segmentCues(pass.view), mentions));
    runSegmentFinders(pass, atts);
    state.colon = /:$/.test(text.slice(seg.start, seg.end))
      ? { speaker: colonSpeaker(text, seg, atts, mentions, units), paragraph: seg.paragraph }
      : null;
  }
  return REFINERS.reduce((quotes, refiner) => refiner.refine(quotes, state, scan.article), state.out);
}
