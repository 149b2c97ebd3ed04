import type { Article, Citation, Summary } from '../model.js';
import { findCharged } from './charged-wording.js';
import { compressSentence } from './compress-sentence.js';
import { buildCentroids, consensusOf } from './consensus.js';
import { citationOf, type FactGroup } from './facts.js';
import { isAttributed } from './keep-attribution.js';
import { pickHeadline, titleSentence, type HeadlineWeights } from './headline.js';
import { buildTermIndex, candidatePairs, cosine, type SparseVector, type TermIndex } from './similarity.js';
import type { Statement } from './statements.js';
import { textVector } from './text-vector.js';

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
}

/** Openings that refer back to an earlier sentence of the article ("It's right because", "This comes as"). */
const DANGLING_START =
  /^(?:it|its|it’s|it's|this|that|these|those|he|she|they|his|her|their|them|except|but|and|so|yet|still|rather|instead)\b/iu;
const FIRST_PERSON = /(?:^|\s)(?:I|we|We|my|our|Our|My)\s/u;
/** Weight of a title in an article's centroid, relative to one body sentence. */
const TITLE_WEIGHT = 2;

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
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * How much the other articles say the same, per statement: the best similarity to each other article, averaged.
 * Pairs come from the inverted index, so the cost follows the real overlaps.
 */
function crossSupport(index: TermIndex, articleCount: number): number[] {
  const best = index.statements.map(() => new Map<string, number>());
  for (const [i, j] of candidatePairs(index)) {
    const sim = cosine(index.vectors[i]!, index.vectors[j]!);
    const a = index.statements[i]!;
    const b = index.statements[j]!;
    if (sim > (best[i]!.get(b.articleId) ?? 0)) best[i]!.set(b.articleId, sim);
    if (sim > (best[j]!.get(a.articleId) ?? 0)) best[j]!.set(a.articleId, sim);
  }
  return best.map((m) => {
    let total = 0;
    for (const v of m.values()) total += v;
    return articleCount > 1 ? total / (articleCount - 1) : 0;
  });
}

/** Penalties of wording that does not suit a neutral summary: charged, quoted, first person, questions, length. */
function wordingPenalty(s: Statement, w: SummaryWeights): number {
  const words = s.words.length;
  const charged = findCharged(s.text, s.tokens, { ownVoiceOnly: true }).length;
  const length = words < 8 ? 0.3 : words > 45 ? 0.2 : 0;
  const voice = w.quoted * s.quotedShare + (FIRST_PERSON.test(s.text) && s.quotedShare < 0.2 ? 0.2 : 0);
  const question = /\?\s*["”’]?$/u.test(s.text) ? 0.4 : 0;
  const dangling = s.position > 0 && DANGLING_START.test(s.text.trim()) ? w.dangling : 0;
  return w.charged * charged + length + voice + question + dangling;
}

/** Titles' vectors under the statement index, to count titles in each article's centroid. */
function titleItems(
  articles: readonly Article[],
  index: TermIndex,
  titleVector: (title: string) => SparseVector,
): { articleId: string; vector: SparseVector; weight: number }[] {
  return articles
    .filter((a) => a.title)
    .map((a) => ({ articleId: a.id, vector: titleVector(a.title!), weight: TITLE_WEIGHT }))
    .filter((x) => x.vector.size > 0 && index.statements.length > 0);
}

function candidates(
  index: TermIndex,
  facts: readonly FactGroup[],
  articles: readonly Article[],
  titleVector: (title: string) => SparseVector,
  w: SummaryWeights,
  options: SummaryOptions,
): Candidate[] {
  const keep = options.keepAttribution ?? new Set<number>();
  const contested = options.contested ?? new Set<number>();
  const articleCount = articles.length;
  const support = crossSupport(index, articleCount);
  const centroids = buildCentroids([
    ...titleItems(articles, index, titleVector),
    ...index.statements.map((s, i) => ({ articleId: s.articleId, vector: index.vectors[i]!, weight: 1 })),
  ]);
  const factOf = new Map<number, FactGroup>();
  for (const f of facts) for (const m of f.members) factOf.set(m.id, f);
  return index.statements.map((s, at) => {
    const fact = factOf.get(s.id);
    const factArticles = fact?.fact.articleIds.length ?? 1;
    const shared = articleCount > 1 ? (factArticles - 1) / (articleCount - 1) : 0;
    const text = compressSentence(s.text, {
      dropTrailingAttribution: (fact?.fact.independentSources ?? 1) > 1 && !keep.has(s.id),
    });
    const unattributed = contested.has(s.id) && !isAttributed(text) ? w.unattributed : 0;
    const others = (fact?.members ?? []).filter((m) => m.id !== s.id).map(citationOf);
    const relevance =
      w.consensus * consensusOf(index.vectors[at]!, s.articleId, centroids) +
      w.support * (support[at] ?? 0) +
      w.shared * shared +
      w.lead / (1 + s.position) -
      wordingPenalty(s, w) -
      unattributed;
    const words = wordCount(text);
    const score = relevance / Math.pow(Math.max(1, words) / 20, w.density);
    return {
      statement: s,
      factId: fact?.fact.id ?? null,
      at,
      text,
      words,
      score,
      citations: [citationOf(s), ...others],
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
): Candidate[] {
  const chosen: Candidate[] = [];
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
      const value = w.lambda * c.score - (1 - w.lambda) * redundancy - crowding;
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
    used += pick.words;
    perArticle.set(pick.statement.articleId, (perArticle.get(pick.statement.articleId) ?? 0) + 1);
  }
  return chosen;
}

/**
 * Writes the neutral summary: a headline-like first sentence from the titles when one is supported by the text, then
 * source sentences (lightly compressed) chosen by how much the other outlets say the same (consensus with their
 * centroid, best matches, shared facts), early position, neutral and attributed wording, with an MMR redundancy check;
 * every sentence cited. Contested claims and figures keep their attribution ("according to X").
 */
export function writeSummary(
  statements: readonly Statement[],
  facts: readonly FactGroup[],
  articles: readonly Article[],
  options: SummaryOptions,
): Summary {
  const w: SummaryWeights = { ...SUMMARY_WEIGHTS, ...options.weights };
  const usable = statements.filter((s) => !s.junk);
  if (usable.length === 0) return { text: '', sentences: [] };
  const index = buildTermIndex(usable);
  const sentences: Summary['sentences'] = [];
  let budget = options.words;
  const headline = options.headline === false ? null : pickHeadline(articles, index, options.headlineWeights);
  if (headline) {
    sentences.push({ text: headline.text, citations: headline.citations });
    budget -= wordCount(headline.text);
  }
  const titleVector = (title: string): SparseVector => textVector(titleSentence(title), index);
  const pool = candidates(index, facts, articles, titleVector, w, options);
  for (const c of select(pool, index, budget, w, headline && w.headlineRedundancy > 0 ? [headline.vector] : []))
    sentences.push({ text: c.text, citations: c.citations });
  return { text: sentences.map((s) => s.text).join(' '), sentences };
}
