import type { Article } from '../model.js';
import { findCharged } from './charged-wording.js';
import { buildCentroids, consensusOf } from './consensus.js';
import type { FactGroup } from './facts.js';
import { isAttributed } from './keep-attribution.js';
import { candidatePairs, cosine, type SparseVector, type TermIndex } from './similarity.js';
import type { Statement } from './statements.js';

/** Names of the features of a summary candidate, in the order of `candidateFeatures` rows. */
export const FEATURE_NAMES = [
  'consensus',
  'support',
  'shared',
  'lead',
  'first',
  'relativePosition',
  'words',
  'short',
  'long',
  'quoted',
  'firstPerson',
  'question',
  'dangling',
  'ownTitle',
  'otherTitles',
  'entityDensity',
  'figures',
  'dates',
  'charged',
  'attributed',
  'contested',
  'independent',
  'capitalized',
] as const;

/** One named feature of a summary candidate. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** What the features of a story's candidates are computed from. */
export interface FeatureInputs {
  index: TermIndex;
  facts: readonly FactGroup[];
  articles: readonly Article[];
  /** Unit vector of a title under the statement index. */
  titleVector: (title: string) => SparseVector;
  /** Statement ids that are claims of a difference. */
  contested: ReadonlySet<number>;
  /** Length in words of each candidate's (compressed) text, in index order. */
  words: readonly number[];
}

/** Openings that refer back to an earlier sentence of the article ("It's right because", "This comes as"). */
const DANGLING_START =
  /^(?:it|its|it’s|it's|this|that|these|those|he|she|they|his|her|their|them|except|but|and|so|yet|still|rather|instead)\b/iu;
const FIRST_PERSON = /(?:^|\s)(?:I|we|We|my|our|Our|My)\s/u;
/** Weight of a title in an article's centroid, relative to one body sentence. */
const TITLE_WEIGHT = 2;

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

/** Share of a sentence's words that start with a capital letter, the first word aside (names, places). */
function capitalizedShare(s: Statement): number {
  const words = s.tokens.filter((t) => t.type === 'word');
  if (words.length < 2) return 0;
  const caps = words.slice(1).filter((t) => /^\p{Lu}/u.test(s.text.slice(t.start - s.start, t.end - s.start)));
  return caps.length / (words.length - 1);
}

/** A group of named features. */
type Features<K extends FeatureName> = Record<K, number>;

/** What the agreement features of a story's statements are measured against (built once per story). */
interface StoryMeasures {
  index: TermIndex;
  articleCount: number;
  support: number[];
  centroids: ReturnType<typeof buildCentroids>;
  titlesOnly: ReturnType<typeof buildCentroids>;
  ownTitle: Map<string, SparseVector>;
  factOf: Map<number, FactGroup>;
  /** Statements per article (the last position plus one). */
  perArticle: Map<string, number>;
}

/** Agreement with the other outlets: their centroid, best matches, shared facts and titles. */
function agreementFeatures(
  s: Statement,
  at: number,
  story: StoryMeasures,
): Features<'consensus' | 'support' | 'shared' | 'ownTitle' | 'otherTitles' | 'independent'> {
  const vector = story.index.vectors[at]!;
  const fact = story.factOf.get(s.id);
  const own = story.ownTitle.get(s.articleId);
  const { articleCount, titlesOnly } = story;
  return {
    consensus: consensusOf(vector, s.articleId, story.centroids),
    support: story.support[at] ?? 0,
    shared: articleCount > 1 ? ((fact?.fact.articleIds.length ?? 1) - 1) / (articleCount - 1) : 0,
    ownTitle: own ? cosine(vector, own) : 0,
    otherTitles: titlesOnly.articleCount > 0 ? consensusOf(vector, s.articleId, titlesOnly) : 0,
    independent: (fact?.fact.independentSources ?? 1) > 1 ? 1 : 0,
  };
}

/** Place in the article and length. */
function positionFeatures(
  s: Statement,
  words: number,
  statementsInArticle: number,
): Features<'lead' | 'first' | 'relativePosition' | 'words' | 'short' | 'long' | 'dangling'> {
  return {
    lead: 1 / (1 + s.position),
    first: s.position === 0 ? 1 : 0,
    relativePosition: s.position / Math.max(1, statementsInArticle),
    words: words / 30,
    short: s.words.length < 8 ? 1 : 0,
    long: s.words.length > 45 ? 1 : 0,
    dangling: s.position > 0 && DANGLING_START.test(s.text.trim()) ? 1 : 0,
  };
}

/** Voice and content: quotation, first person, questions, charged words, attribution, names, figures and dates. */
function voiceFeatures(
  s: Statement,
  contested: ReadonlySet<number>,
): Features<
  | 'quoted'
  | 'firstPerson'
  | 'question'
  | 'charged'
  | 'attributed'
  | 'contested'
  | 'capitalized'
  | 'entityDensity'
  | 'figures'
  | 'dates'
> {
  return {
    quoted: s.quotedShare,
    firstPerson: FIRST_PERSON.test(s.text) && s.quotedShare < 0.2 ? 1 : 0,
    question: /\?\s*["”’]?$/u.test(s.text) ? 1 : 0,
    charged: findCharged(s.text, s.tokens, { ownVoiceOnly: true }).length,
    attributed: isAttributed(s.text) ? 1 : 0,
    contested: contested.has(s.id) ? 1 : 0,
    capitalized: capitalizedShare(s),
    entityDensity: s.entityMentions.length / Math.max(1, s.words.length),
    figures: s.figures.length > 0 ? 1 : 0,
    dates: s.dates.length > 0 ? 1 : 0,
  };
}

/** What every statement's agreement is measured against: centroids, titles, facts and cross support. */
function storyMeasures(inputs: FeatureInputs): StoryMeasures {
  const { index, facts, articles, titleVector } = inputs;
  const titled = articles
    .filter((a): a is Article & { title: string } => Boolean(a.title))
    .map((a) => ({ articleId: a.id, vector: titleVector(a.title) }))
    .filter((t) => t.vector.size > 0);
  const centroids = buildCentroids([
    ...titled.map((t) => ({ ...t, weight: TITLE_WEIGHT })),
    ...index.statements.map((s, i) => ({ articleId: s.articleId, vector: index.vectors[i]!, weight: 1 })),
  ]);
  const factOf = new Map<number, FactGroup>();
  for (const f of facts) for (const m of f.members) factOf.set(m.id, f);
  const perArticle = new Map<string, number>();
  for (const s of index.statements)
    perArticle.set(s.articleId, Math.max(perArticle.get(s.articleId) ?? 0, s.position + 1));
  return {
    index,
    articleCount: articles.length,
    support: crossSupport(index, articles.length),
    centroids,
    titlesOnly: buildCentroids(titled.map((t) => ({ ...t, weight: 1 }))),
    ownTitle: new Map(titled.map((t) => [t.articleId, t.vector])),
    factOf,
    perArticle,
  };
}

/**
 * The features of every statement of the index as a summary sentence, one row per statement in index order, columns
 * in FEATURE_NAMES order: agreement with the other outlets, position, length, title overlap, content density
 * (entities, figures, dates, names), voice (quotes, first person, questions, charged words) and attribution.
 */
export function candidateFeatures(inputs: FeatureInputs): number[][] {
  const story = storyMeasures(inputs);
  return inputs.index.statements.map((s, at) => {
    const row: Record<FeatureName, number> = {
      ...agreementFeatures(s, at, story),
      ...positionFeatures(s, inputs.words[at] ?? s.words.length, story.perArticle.get(s.articleId) ?? 1),
      ...voiceFeatures(s, inputs.contested),
    };
    return FEATURE_NAMES.map((name) => row[name]);
  });
}
