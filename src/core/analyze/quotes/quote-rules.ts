import type { Article, Entity } from '../../model.js';
import type { RunContext } from '../../run-context.js';
import { dropNestedReports } from './drop-nested-reports.js';
import { CLAUSE_TAIL_RULE, extendClauseTails } from './extend-clause-tails.js';
import { findEmbedQuotes } from './find-embed-quotes.js';
import { findLearnedCues } from './find-learned-cues.js';
import { findQuotations } from './find-quotations.js';
import { findReportedSpeech } from './find-reported-speech.js';
import { findStanceObjects } from './find-stance-objects.js';
import { findTranscriptTurn } from './find-transcript-turns.js';
import { findAskedQuestion, findFramedSource, findHeadlineLabel, findRaisingAttitude } from './find-sourced-clauses.js';
import type { ArticleState, DraftQuote, SegmentPass } from './quote-pass.js';
import type { Attribution } from './segment-cues.js';

/**
 * A finder of one segment: proposes quotes into the article's state and says whether it found any. The quote's
 * `provenance.rule` names the finder (the quotation finder names how a quotation without a cue got its speaker).
 */
export interface SegmentFinder {
  /** The finder's rule name (`quotes/...`). */
  rule: string;
  /**
   * A source for the whole clause when no cue attributes it: of the finders so marked, only the first that finds
   * something in a segment runs (a labelled headline is not also a framed clause or a bare attitude).
   */
  clauseSource?: true;
  find(p: SegmentPass, atts: readonly Attribution[]): boolean;
}

/**
 * The segment finders, in order. Order matters: reported speech skips content that a quotation already covers, and
 * the clause sources are tried in turn.
 */
export const SEGMENT_FINDERS: readonly SegmentFinder[] = [
  { rule: 'quotes/quotation', find: findQuotations },
  { rule: 'quotes/reported-speech', find: findReportedSpeech },
  { rule: 'quotes/headline-label', clauseSource: true, find: findHeadlineLabel },
  { rule: 'quotes/framed-source', clauseSource: true, find: findFramedSource },
  { rule: 'quotes/raising-attitude', clauseSource: true, find: findRaisingAttitude },
  { rule: 'quotes/asked-question', find: (p) => findAskedQuestion(p) },
  { rule: 'quotes/transcript-turn', find: findTranscriptTurn },
  { rule: 'quotes/stance-object', find: findStanceObjects },
  { rule: 'quotes/learned-cue', find: findLearnedCues },
];

/** Runs the segment finders of one segment, in order. */
export function runSegmentFinders(p: SegmentPass, atts: readonly Attribution[]): void {
  let sourced = false;
  for (const finder of SEGMENT_FINDERS) {
    if (finder.clauseSource && sourced) continue;
    const found = finder.find(p, atts);
    if (finder.clauseSource) sourced = found;
  }
}

/**
 * A refiner of one article's proposed quotes: merges, trims, drops or resolves them, and returns the list it keeps.
 * A refiner that changes a quote sets its `provenance.rule` to its own (`quotes/clause-tail`); the others only drop.
 */
export interface QuoteRefiner {
  rule: string;
  refine(quotes: DraftQuote[], state: ArticleState, article: Article): DraftQuote[];
}

/** The refiners, in order, run once per article after every segment's finders. */
export const REFINERS: readonly QuoteRefiner[] = [
  // Position order, longer first at one start: what the nesting refiner expects (a stable sort keeps finder order).
  { rule: 'quotes/sort-by-position', refine: (quotes) => quotes.sort((x, y) => x.start - y.start || y.end - x.end) },
  { rule: 'quotes/drop-nested-reports', refine: dropNestedReports },
  // Partial quotes no cue governs stay only when reported speech holds them (dropped with it above, else here).
  { rule: 'quotes/drop-loose-partials', refine: (quotes, state) => quotes.filter((q) => !state.loose.has(q)) },
  { rule: CLAUSE_TAIL_RULE, refine: (quotes, _state, article) => extendClauseTails(quotes, article.text) },
];

/** A finder of a whole article's quotes outside the body's segments (embedded posts). */
export interface ArticleFinder {
  rule: string;
  find(article: Article, entities: readonly Entity[], ctx: RunContext): DraftQuote[];
}

/** The article-level finders, run after the body's finders and refiners (their quotes are numbered after). */
export const ARTICLE_FINDERS: readonly ArticleFinder[] = [{ rule: 'quotes/embed-post', find: findEmbedQuotes }];
