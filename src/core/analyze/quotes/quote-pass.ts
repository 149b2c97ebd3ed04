import type { Article, Entity, Provenance, Quote, Span, Speaker, SpeakerSearchReason } from '../../model.js';
import type { RunContext } from '../../run-context.js';
import type { WordUnit } from '../entities/word-units.js';
import type { QuotedSpan } from './find-quoted-spans.js';
import type { Segment } from './quote-aware-segments.js';
import type { LastSpeaker, LinkedMention, SpeakerContext } from './resolve-speaker.js';
import type { SegmentView } from './segment-cues.js';

/** A quote before ids are given. */
export type DraftQuote = Omit<Quote, 'id'>;

/** The provenance of a quote proposed by the finder rule `rule` (`quotes/...`). */
export function quoteProvenance(rule: string): Provenance {
  return { stage: 'quotes', rule };
}

/** State carried from segment to segment of one article. */
export interface ArticleState {
  last: LastSpeaker | null;
  /** The last organization that spoke: what "the readout" or "the statement" speaks for. */
  lastBody: LastSpeaker | null;
  /** The speaker of a segment ending in a colon, for a quotation opening the next paragraph. */
  colon: { speaker: Speaker | null; paragraph: number } | null;
  /** The last quotation attributed by a named speaker and a cue, and where its segment ends. */
  attributed: { speaker: Speaker; cue: string; paragraph: number; end: number } | null;
  out: DraftQuote[];
  /**
   * The quotes of `out` that may reach into the segment being read: those of `out` up to `seen`, less those that end
   * before an earlier segment's start (segments come in text order, so such a quote reaches no later segment).
   */
  reaching: { seen: number; quotes: DraftQuote[] };
  /** Partial quotes their cue does not govern: kept only while reported speech may hold them, then dropped. */
  loose: Set<DraftQuote>;
}

/** What every segment finder reads: one segment of an article, with the article's state so far. */
export interface SegmentPass {
  article: Article;
  units: readonly WordUnit[];
  seg: Segment;
  /** The paragraph holding the segment. */
  paragraph: Span;
  /** The article's paragraphs (`seg.paragraph` indexes them). */
  paragraphs: readonly Span[];
  /** Where a search for a carried speaker starts: the paragraph before the segment's (a speaker goes on that far). */
  searchFrom: number;
  view: SegmentView;
  mentions: readonly LinkedMention[];
  entities: ReadonlyMap<string, Entity>;
  state: ArticleState;
  /** The speaker that the previous paragraph introduced with a colon, if it did. */
  introduced: Speaker | null;
  /** A quotation opened in an earlier paragraph that runs on into this segment. */
  runOn: QuotedSpan | null;
  run: RunContext;
}

/** What speaker resolution sees at this point of the pass (read fresh: earlier speakers update the state). */
export function speakerContext(p: SegmentPass): SpeakerContext {
  return {
    text: p.article.text,
    units: p.units,
    mentions: p.mentions,
    last: p.state.last,
    lastBody: p.state.lastBody,
    paragraph: p.seg.paragraph,
    run: p.run,
  };
}

/**
 * The quotes found so far that reach into the segment or past it, for the finders that ask what is already covered: a
 * window kept as the pass goes on, so that each finder's check reads the quotes near the segment, not the article's.
 */
export function quotesReaching(p: SegmentPass): readonly DraftQuote[] {
  const { out, reaching } = p.state;
  for (; reaching.seen < out.length; reaching.seen++) reaching.quotes.push(out[reaching.seen]!);
  if (reaching.quotes.some((q) => q.end <= p.seg.start)) {
    reaching.quotes = reaching.quotes.filter((q) => q.end > p.seg.start);
  }
  return reaching.quotes;
}

/** Records a speaker as the article's last one. */
export function remember(
  state: ArticleState,
  speaker: Speaker | null,
  entities: ReadonlyMap<string, Entity>,
  paragraph: number,
): void {
  if (!speaker) return;
  const entity = speaker.entityId ? (entities.get(speaker.entityId) ?? null) : null;
  state.last = { speaker, type: entity?.type ?? null, entity, paragraph };
  if (entity?.type === 'organization') state.lastBody = state.last;
}

/** Where the speaker of a quote was looked for, when none was found: the segment, or from `from` to its end. */
export function searched(
  p: SegmentPass,
  speaker: Speaker | null,
  reason: SpeakerSearchReason,
  from = p.seg.start,
): Pick<DraftQuote, 'speakerSearch'> {
  return speaker ? {} : { speakerSearch: { start: from, end: p.seg.end, reason } };
}

/** Reported (indirect) speech found by a finder rule over a content span of the segment. */
export interface Reported {
  rule: string;
  content: Span;
  cue: string;
  speaker: Speaker | null;
  /** Why no speaker was found, when none was (default: a cue with nobody named as its subject). */
  reason?: SpeakerSearchReason;
  /** Content that opens with quoted words its cue governs: a partial quote. */
  partial?: boolean;
}

/** Records reported (indirect) speech over a content span of the segment's article. */
export function emitReported(p: SegmentPass, found: Reported): void {
  const { start, end } = found.content;
  p.state.out.push({
    ...searched(p, found.speaker, found.reason ?? 'cue-without-speaker'),
    articleId: p.article.id,
    start,
    end,
    text: p.article.text.slice(start, end),
    kind: found.partial ? 'partial' : 'indirect',
    cue: found.cue,
    speaker: found.speaker,
    provenance: quoteProvenance(found.rule),
  });
}
