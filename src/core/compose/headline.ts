import type { Article, Citation } from '../model.js';
import { analyzeText } from '../nlp/wink.js';
import type { RunContext } from '../run-context.js';
import { findCharged } from './charged-wording.js';
import { buildCentroids, consensusOf } from './consensus.js';
import { cosine, type SparseVector, type TermIndex } from './similarity.js';
import { conceptsOf, coverageGain, type ConceptWeights } from './summary-concepts.js';
import { termsOfText, textVector } from './text-vector.js';

/** A headline-like first sentence for the summary, built from the most central and least charged article title. */
export interface Headline {
  text: string;
  /** The body sentences that support it (titles are metadata, so the headline cites what backs it in the text). */
  citations: Citation[];
  /** Unit TF-IDF vector of the headline (for redundancy checks against body sentences). */
  vector: SparseVector;
}

/** Weights of headline choice (tuned on NeuS train). */
export interface HeadlineWeights {
  /** Similarity to the centroid of the other articles (titles and sentences). */
  consensus: number;
  /** Similarity to the other articles' titles. */
  titles: number;
  /** Summed similarity of the best backing sentence per article, over the number of articles. */
  support: number;
  charged: number;
  question: number;
  quotes: number;
  personal: number;
  /** Per word under and over the ideal length. */
  short: number;
  long: number;
  /** Consider the standalone parts of a title ("X: Y") as well as the whole. */
  parts: number;
  /** Share of the story's shared concepts (terms and term pairs several articles state) the headline covers. */
  coverage: number;
}

/** Default headline weights. */
export const HEADLINE_WEIGHTS: Readonly<HeadlineWeights> = {
  consensus: 1,
  titles: 0.5,
  support: 0.1,
  charged: 0.3,
  question: 0.3,
  quotes: 0.1,
  personal: 0.2,
  short: 0.05,
  long: 0.02,
  parts: 1,
  coverage: 1,
};

/** Minimum similarity of a body sentence to a title to count as backing it. */
const MIN_SUPPORT = 0.2;
/** Outlet names appended to titles ("... | Reuters", "... - The Hill"). */
const OUTLET_SUFFIX = /\s+[|–—-]\s+[^|–—-]{2,40}$/u;
/** Section labels before a title ("VIDEO:", "Opinion |", "BREAKING -"). */
const TITLE_LABEL =
  /^\s*(?:[\p{Lu}\d]{2,}(?:\s+[\p{Lu}\d]{2,})?|opinion|analysis|editorial|commentary|watch|video|live|exclusive)\s*[:|]\s*/iu;
/** Places where a title splits into parts that can stand alone ("X: Y", "X. But Y", "X | Y"). */
const PART_SPLIT = /\s*(?::|\||[.?!](?=\s+\p{Lu})|\s[–—]\s)\s*/u;
/** Words that address the reader or speak for the outlet: not a neutral headline. */
const PERSONAL = /\b(?:you|your|we|our|us|I|my)\b/u;
/** Candidates whose backing sentences are looked up (the best by consensus and wording). */
const FINALISTS = 8;
/** A headline length that reads as a headline (words). */
const IDEAL_WORDS = { min: 5, max: 14 };

function sentenceOf(text: string): string {
  const cleaned = text.replace(/[\s:;,|–—-]+$/u, '').trim();
  return /[.!?]$/u.test(cleaned) ? cleaned : `${cleaned}.`;
}

/** Cleans a title for use as a sentence: drops an outlet suffix and a section label and ends it with a period. */
export function titleSentence(title: string): string {
  const text = title.replace(/\s+/g, ' ').trim().replace(OUTLET_SUFFIX, '').replace(TITLE_LABEL, '');
  return sentenceOf(text);
}

/** The title and the parts of it that can stand alone as a headline (each at least three words long). */
export function titleCandidates(title: string): string[] {
  const whole = titleSentence(title);
  const parts = whole
    .replace(/[.]$/u, '')
    .split(PART_SPLIT)
    .filter((p) => p.split(' ').length >= 3);
  const out = [whole, ...(parts.length > 1 ? parts.map(sentenceOf) : [])];
  return [...new Set(out)];
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** How far a headline's length is from what reads as a headline, as a penalty. */
function lengthPenalty(words: number, w: HeadlineWeights): number {
  if (words < IDEAL_WORDS.min) return w.short * (IDEAL_WORDS.min - words);
  if (words > IDEAL_WORDS.max) return w.long * (words - IDEAL_WORDS.max);
  return 0;
}

/** Body sentences backing a headline: per article, the best match above MIN_SUPPORT. */
function backing(vector: SparseVector, index: TermIndex): { citations: Citation[]; support: number } {
  const sharing = new Set<number>();
  for (const term of vector.keys()) for (const i of index.postings.get(term) ?? []) sharing.add(i);
  const bestPerArticle = new Map<string, { sim: number; at: number }>();
  for (const i of sharing) {
    const s = index.statements[i]!;
    const sim = cosine(vector, index.vectors[i]!);
    const prev = bestPerArticle.get(s.articleId);
    if (!prev || sim > prev.sim) bestPerArticle.set(s.articleId, { sim, at: i });
  }
  const matches = [...bestPerArticle.values()].filter((m) => m.sim >= MIN_SUPPORT).sort((a, b) => b.sim - a.sim);
  const citations = matches.map((m) => {
    const s = index.statements[m.at]!;
    return { articleId: s.articleId, start: s.start, end: s.end };
  });
  return { citations, support: matches.reduce((sum, m) => sum + m.sim, 0) };
}

/**
 * Picks the headline among the article titles and their standalone parts: the one closest to what the OTHER articles
 * say (their titles and sentences), in neutral wording (no charged words, questions, quotation marks or addressing the
 * reader), of a headline's length, backed by at least one body sentence that it cites, and covering the story's shared
 * concepts (`concepts`, weighed once per story by `conceptWeights`).
 */
export function pickHeadline(
  articles: readonly Article[],
  index: TermIndex,
  concepts: ConceptWeights,
  weights: Partial<HeadlineWeights>,
  ctx: RunContext,
): Headline | null {
  const w: HeadlineWeights = { ...HEADLINE_WEIGHTS, ...weights };
  const titled = articles
    .filter((a): a is Article & { title: string } => Boolean(a.title))
    .map((a) => ({ article: a, candidates: w.parts > 0 ? titleCandidates(a.title) : [titleSentence(a.title)] }));
  const titleVectors = titled.map((t) => textVector(titleSentence(t.article.title), index, ctx));
  const centroids = buildCentroids([
    ...titled.map((t, k) => ({ articleId: t.article.id, vector: titleVectors[k]!, weight: 2 })),
    ...index.statements.map((s, i) => ({ articleId: s.articleId, vector: index.vectors[i]!, weight: 1 })),
  ]);
  const titlesOnly = buildCentroids(
    titled.map((t, k) => ({ articleId: t.article.id, vector: titleVectors[k]!, weight: 1 })),
  );
  // Scored in two rounds: consensus and wording for every candidate (cheap), then the backing sentences, found through
  // the inverted index, only for the best few, so that the cost stays linear in the number of titles.
  const scored = titled.flatMap(({ article, candidates }) =>
    candidates.map((text) => {
      const vector = textVector(text, index, ctx);
      const charged = findCharged(text, analyzeText(text, ctx).tokens).length;
      const penalty =
        w.charged * charged +
        (/\?/u.test(text) ? w.question : 0) +
        (/["“”‘’]/u.test(text.replace(/\b’\b/gu, '')) ? w.quotes : 0) +
        (PERSONAL.test(text) ? w.personal : 0) +
        lengthPenalty(wordCount(text), w);
      const score =
        w.consensus * consensusOf(vector, article.id, centroids) +
        w.titles * consensusOf(vector, article.id, titlesOnly) +
        (w.coverage > 0 ? w.coverage * coverageGain(conceptsOf(termsOfText(text, ctx)), new Set(), concepts) : 0) -
        penalty;
      return { text, vector, score };
    }),
  );
  const finalists = scored
    .filter((c) => c.vector.size >= 3)
    .sort((a, b) => b.score - a.score)
    .slice(0, FINALISTS);
  let best: { score: number; headline: Headline } | null = null;
  for (const c of finalists) {
    const { citations, support } = backing(c.vector, index);
    if (citations.length === 0) continue;
    const score = c.score + (w.support * support) / Math.max(1, articles.length);
    if (!best || score > best.score) best = { score, headline: { text: c.text, citations, vector: c.vector } };
  }
  return best?.headline ?? null;
}
