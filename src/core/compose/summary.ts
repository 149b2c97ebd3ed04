import type { Article, Citation, DateMention, Summary } from '../model.js';
import { createRunContext, type RunContext } from '../run-context.js';
import { compressSentence } from './compress-sentence.js';
import { citationOf, type FactGroup } from './facts.js';
import { isAttributed } from './keep-attribution.js';
import { pickHeadline, titleSentence, type HeadlineWeights } from './headline.js';
import { buildTermIndex, cosine, type SparseVector, type TermIndex } from './similarity.js';
import type { Statement } from './statements.js';
import { placeSummaryInTime } from './summary-dates.js';
import { candidateFeatures, FEATURE_NAMES, type FeatureName } from './summary-features.js';
import { modelMatchesFeatures, scoreFeatures, type ScorerModel } from './summary-scorer.js';
import { SUMMARY_SCORER } from './summary-scorer-model.js';
import { conceptsOf, conceptWeights, coverageGain, type ConceptWeights } from './summary-concepts.js';
import { termsOfText, textVector } from './text-vector.js';

/** Weights of sentence selection (tuned on NeuS train; see scripts/eval-summary.ts). */
export interface SummaryWeights {
  /** Similarity to the centroid of the other articles. */
  consensus: number;
  /** Mean best similarity to each other article. */
  support: number;
  /** Share of the articles whose statements were grouped into the same fact. */
  shared: number;
  /** Weight of the position prior 1 / (1 + position). */
  lead: number;
  /** Per charged word in the outlet's voice. */
  charged: number;
  /** Times the share of the sentence inside quotation marks. */
  quoted: number;
  /** Maximum similarity of a new sentence to one already chosen (above it, it repeats the summary). */
  redundant: number;
  /** Trade-off between relevance and novelty in MMR selection (1 = relevance only). */
  lambda: number;
  /** Counts the headline among chosen sentences in the redundancy check (1) or not (0). */
  headlineRedundancy: number;
  /** A sentence that leans on what came before in its article (starts with a pronoun or a connective). */
  dangling: number;
  /** Exponent of the length normalization of relevance (0 = none, 1 = relevance per word). */
  density: number;
  /** A contested claim stated without saying who holds it. */
  unattributed: number;
  /** How far past the budget the last sentence may run, as a share of the budget. */
  overshoot: number;
  /** Weight of the new shared concepts a sentence adds to the summary (share of the story's concept weight). */
  coverage: number;
  /**
   * Cosine similarity to the headline above which a chosen sentence restates it (often the sentence it was written
   * from), so that the headline gives way (above 1: never).
   */
  restated: number;
}

/** Default weights. */
export const SUMMARY_WEIGHTS: Readonly<SummaryWeights> = {
  consensus: 1,
  support: 0.5,
  shared: 0.2,
  lead: 0.35,
  charged: 0.2,
  quoted: 0.4,
  redundant: 0.45,
  lambda: 0.75,
  overshoot: 0.15,
  headlineRedundancy: 0,
  dangling: 0.2,
  density: 0,
  unattributed: 0.3,
  coverage: 2,
  restated: 0.55,
};

/** Options of the summary. */
export interface SummaryOptions {
  /** Target length in words. */
  words: number;
  /** Start with a headline-like sentence taken from the article titles. Default true. */
  headline?: boolean;
  /** Selection weights (defaults: SUMMARY_WEIGHTS). */
  weights?: Partial<SummaryWeights>;
  /** Headline weights (defaults: HEADLINE_WEIGHTS). */
  headlineWeights?: Partial<HeadlineWeights>;
  /** Statement ids that are claims of a difference: stated without attribution they read as settled fact. */
  contested?: ReadonlySet<number>;
  /** Statement ids whose trailing attribution must be kept (contested claims, figures). */
  keepAttribution?: ReadonlySet<number>;
  /** Learned sentence scorer (default: SUMMARY_SCORER); null scores with the hand weights instead. */
  scorer?: ScorerModel | null;
  /** The story's resolved dates: when given, the summary follows the story's time order and writes known days. */
  dates?: readonly DateMention[];
  /** The run's context (default: a context of this summary alone). */
  ctx?: RunContext;
}

interface Candidate {
  statement: Statement;
  /** The fact the statement belongs to (statements of one fact repeat each other). */
  factId: string | null;
  /** Position in the term index. */
  at: number;
  text: string;
  words: number;
  score: number;
  citations: Citation[];
  /** Content terms and adjacent-term pairs of the (compressed) text. */
  concepts: Set<string>;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The hand-weighted relevance of a feature row (used when no learned scorer applies). */
function handScore(f: Record<FeatureName, number>, w: SummaryWeights): number {
  const length = f.short ? 0.3 : f.long ? 0.2 : 0;
  const voice = w.quoted * f.quoted + 0.2 * f.firstPerson;
  const penalty = length + voice + 0.4 * f.question + w.dangling * f.dangling;
  const relevance = w.consensus * f.consensus + w.support * f.support + w.shared * f.shared + w.lead * f.lead - penalty;
  return relevance / Math.pow(Math.max(1, f.words * 30) / 20, w.density);
}

function named(row: readonly number[]): Record<FeatureName, number> {
  return Object.fromEntries(FEATURE_NAMES.map((n, k) => [n, row[k] ?? 0])) as Record<FeatureName, number>;
}

/** The compressed text of a statement as a summary sentence (attribution kept where the neutrality rule needs it). */
function summaryText(s: Statement, fact: FactGroup | undefined, keep: ReadonlySet<number>): string {
  return compressSentence(s.text, {
    dropTrailingAttribution: (fact?.fact.independentSources ?? 1) > 1 && !keep.has(s.id),
  });
}

/** Every usable statement as a summary candidate, with its compressed text, feature row and citations. */
export function summaryCandidates(
  index: TermIndex,
  facts: readonly FactGroup[],
  articles: readonly Article[],
  options: Pick<SummaryOptions, 'contested' | 'keepAttribution' | 'ctx'>,
): {
  statement: Statement;
  factId: string | null;
  text: string;
  words: number;
  features: number[];
  citations: Citation[];
}[] {
  const ctx = options.ctx ?? createRunContext();
  const keep = options.keepAttribution ?? new Set<number>();
  const contested = options.contested ?? new Set<number>();
  const factOf = new Map<number, FactGroup>();
  for (const f of facts) for (const m of f.members) factOf.set(m.id, f);
  const texts = index.statements.map((s) => summaryText(s, factOf.get(s.id), keep));
  const words = texts.map(wordCount);
  const titleVector = (title: string): SparseVector => textVector(titleSentence(title), index, ctx);
  const rows = candidateFeatures({ index, facts, articles, titleVector, contested, words });
  return index.statements.map((s, at) => {
    const fact = factOf.get(s.id);
    const others = (fact?.members ?? []).filter((m) => m.id !== s.id).map(citationOf);
    return {
      statement: s,
      factId: fact?.fact.id ?? null,
      text: texts[at]!,
      words: words[at]!,
      features: rows[at]!,
      citations: [citationOf(s), ...others],
    };
  });
}

function candidates(
  index: TermIndex,
  facts: readonly FactGroup[],
  articles: readonly Article[],
  w: SummaryWeights,
  options: SummaryOptions & { ctx: RunContext },
): Candidate[] {
  const scorer = options.scorer === undefined ? SUMMARY_SCORER : options.scorer;
  const learned = scorer && modelMatchesFeatures(scorer) ? scorer : null;
  return summaryCandidates(index, facts, articles, options).map((c, at) => {
    const f = named(c.features);
    // Neutrality is not what ROUGE rewards, so it stays a fixed penalty on top of the learned score: charged wording
    // in the outlet's own voice, and a contested claim stated without saying who holds it.
    const unattributed = f.contested && !isAttributed(c.text) ? w.unattributed : 0;
    // The learned score refines the hand-weighted relevance (the model's gain, chosen on train, sets how much).
    const base = handScore(f, w) + (learned ? scoreFeatures(c.features, learned) : 0);
    const score = base - w.charged * f.charged - unattributed;
    return {
      statement: c.statement,
      factId: c.factId,
      at,
      text: c.text,
      words: c.words,
      score,
      citations: c.citations,
      concepts: conceptsOf(termsOfText(c.text, options.ctx)),
    };
  });
}

/** MMR selection under a word budget, drawing on every outlet before taking a third sentence from any one. */
function select(
  pool: Candidate[],
  index: TermIndex,
  budget: number,
  w: SummaryWeights,
  already: readonly SparseVector[],
  concepts: { weights: ConceptWeights; covered: ReadonlySet<string> },
): Candidate[] {
  const chosen: Candidate[] = [];
  const covered = new Set(concepts.covered);
  const chosenVectors = [...already];
  const perArticle = new Map<string, number>();
  let used = 0;
  const remaining = [...pool];
  while (remaining.length > 0 && used < budget) {
    let bestAt = -1;
    let bestValue = -Infinity;
    remaining.forEach((c, k) => {
      const v = index.vectors[c.at]!;
      const redundancy = Math.max(0, ...chosenVectors.map((x) => cosine(v, x)));
      if (redundancy > w.redundant || (c.factId && chosen.some((x) => x.factId === c.factId))) return;
      const crowding = (perArticle.get(c.statement.articleId) ?? 0) >= 2 ? 0.3 : 0;
      // What the sentence adds that several outlets state and the summary does not say yet (headline included).
      const gain = w.coverage > 0 ? w.coverage * coverageGain(c.concepts, covered, concepts.weights) : 0;
      const value = w.lambda * c.score - (1 - w.lambda) * redundancy - crowding + gain;
      if (value > bestValue) {
        bestValue = value;
        bestAt = k;
      }
    });
    if (bestAt < 0) break;
    const [pick] = remaining.splice(bestAt, 1);
    if (!pick) break;
    // A sentence that would overshoot the budget by far is skipped for a shorter one.
    if (used > 0 && used + pick.words > budget * (1 + w.overshoot)) continue;
    chosen.push(pick);
    chosenVectors.push(index.vectors[pick.at]!);
    for (const c of pick.concepts) covered.add(c);
    used += pick.words;
    perArticle.set(pick.statement.articleId, (perArticle.get(pick.statement.articleId) ?? 0) + 1);
  }
  return chosen;
}

/**
 * Writes the neutral summary: a headline-like first sentence from the titles when one is supported by the text, then
 * source sentences (lightly compressed) chosen by how much the other outlets say the same (consensus with their
 * centroid, best matches, shared facts), early position, neutral and attributed wording, with an MMR redundancy check
 * and a bonus for the shared concepts (terms and term pairs several outlets state) that a sentence adds, and no
 * headline when a chosen sentence restates it; every
 * sentence cited. Contested claims and figures keep their attribution ("according to X"). With the story's dates,
 * the chosen sentences follow its time order and weekdays are written with their known days.
 */
export function writeSummary(
  statements: readonly Statement[],
  facts: readonly FactGroup[],
  articles: readonly Article[],
  options: SummaryOptions,
): Summary {
  const w: SummaryWeights = { ...SUMMARY_WEIGHTS, ...options.weights };
  const ctx = options.ctx ?? createRunContext();
  const usable = statements.filter((s) => !s.junk);
  if (usable.length === 0) return { text: '', sentences: [] };
  const index = buildTermIndex(usable);
  // One weighting of the story's shared concepts serves the headline choice and the sentence selection.
  const weights = conceptWeights(articles, usable, ctx);
  const picked =
    options.headline === false ? null : pickHeadline(articles, index, weights, options.headlineWeights ?? {}, ctx);
  const pool = candidates(index, facts, articles, w, { ...options, ctx });
  let headline = picked;
  let chosen = select(
    pool,
    index,
    options.words - (headline ? wordCount(headline.text) : 0),
    w,
    headline && w.headlineRedundancy > 0 ? [headline.vector] : [],
    { weights, covered: headline ? conceptsOf(termsOfText(headline.text, ctx)) : new Set<string>() },
  );
  // A chosen sentence that says what the headline says (often the sentence it was written from) would state it twice:
  // the summary then opens with that sentence, in its outlet's fuller words, and the headline only titles it (its
  // words still count against the length, as a reader still sees it). Another title instead is often one outlet's
  // angle, not the story.
  const restating = headline ? chosen.filter((c) => cosine(index.vectors[c.at]!, headline!.vector) >= w.restated) : [];
  if (restating.length > 0) {
    headline = null;
    chosen = [...restating, ...chosen.filter((c) => !restating.includes(c))];
  }
  const sentences: Summary['sentences'] = headline ? [{ text: headline.text, citations: headline.citations }] : [];
  for (const c of chosen) sentences.push({ text: c.text, citations: c.citations });
  const ordered = options.dates
    ? placeSummaryInTime(sentences, options.dates, { keepFirst: picked !== null })
    : sentences;
  const text = ordered.map((s) => s.text).join(' ');
  // A headline a body sentence restates still titles the story (as a title above its lede), but is not said twice.
  return picked ? { text, headline: picked.text, sentences: ordered } : { text, sentences: ordered };
}
