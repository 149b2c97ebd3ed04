import type { Statement } from './statements.js';

/** A sparse TF-IDF vector (unit length). */
export type SparseVector = ReadonlyMap<string, number>;

/** TF-IDF vectors of a set of statements and the inverted index over their terms. */
export interface TermIndex {
  /** Statements indexed, in the order of `vectors`. */
  statements: readonly Statement[];
  vectors: SparseVector[];
  idf: ReadonlyMap<string, number>;
  /** Term to positions in `statements`. */
  postings: ReadonlyMap<string, number[]>;
  /** The idf given to terms not in the index (the highest possible). */
  maxIdf: number;
  /** Per entity id: how informative sharing it is, in (0, 1] (an entity named in most statements says little). */
  entityWeight: ReadonlyMap<string, number>;
}

/** Builds unit-length TF-IDF vectors (smoothed idf, sublinear tf) and the inverted index. */
export function buildTermIndex(statements: readonly Statement[]): TermIndex {
  const postings = new Map<string, number[]>();
  statements.forEach((s, i) => {
    for (const term of new Set(s.terms)) {
      const list = postings.get(term) ?? [];
      list.push(i);
      postings.set(term, list);
    }
  });
  const n = statements.length;
  const idf = new Map<string, number>();
  for (const [term, list] of postings) idf.set(term, Math.log((n + 1) / (list.length + 1)) + 1);
  const maxIdf = Math.log(n + 1) + 1;
  const vectors = statements.map((s) => vectorOf(s.terms, idf, maxIdf));
  const entityDf = new Map<string, number>();
  for (const s of statements) for (const e of new Set(s.entityIds)) entityDf.set(e, (entityDf.get(e) ?? 0) + 1);
  const entityWeight = new Map<string, number>();
  for (const [e, df] of entityDf) entityWeight.set(e, (Math.log((n + 1) / (df + 1)) + 1) / maxIdf);
  return { statements, vectors, idf, postings, maxIdf, entityWeight };
}

/** The unit TF-IDF vector of a bag of terms under a given idf table (unknown terms get the highest idf). */
export function vectorOf(
  terms: readonly string[],
  idf: ReadonlyMap<string, number>,
  maxIdf: number,
): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [t, count] of tf) {
    const w = (1 + Math.log(count)) * (idf.get(t) ?? maxIdf);
    vector.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of vector) vector.set(t, w / norm);
  return vector;
}

/** Cosine of two unit vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v !== undefined) dot += w * v;
  }
  return dot;
}

/**
 * Jaccard overlap of two entity sets, scaled by how informative the shared entities are: two statements that share
 * only the story's main actors (named in most statements) are not thereby about the same thing.
 */
function entityOverlap(index: TermIndex, a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setA = new Set(a);
  const setB = new Set(b);
  const shared = [...setB].filter((x) => setA.has(x));
  if (shared.length === 0) return 0;
  const weight = shared.reduce((sum, e) => sum + (index.entityWeight.get(e) ?? 1), 0) / shared.length;
  return (shared.length / (setA.size + setB.size - shared.length)) * weight;
}

/** Similarity of two indexed statements: lexical cosine, plus shared entities, figures and dates. */
export function statementSimilarity(index: TermIndex, i: number, j: number): number {
  const a = index.statements[i]!;
  const b = index.statements[j]!;
  const lexical = cosine(index.vectors[i]!, index.vectors[j]!);
  const entities = entityOverlap(index, a.entityIds, b.entityIds);
  const figures = a.figures.some((f) => b.figures.includes(f)) ? 0.1 : 0;
  const dates = a.dates.some((d) => b.dates.includes(d)) ? 0.05 : 0;
  return Math.min(1, 0.8 * lexical + 0.25 * entities + figures + dates);
}

/**
 * Terms found in more statements than this propose no pairs: a fixed bound keeps the pairs per term bounded, so the
 * number of pairs grows linearly with the story (rarer shared terms, names and figures, still bring paraphrases together).
 */
const MAX_POSTING = 64;

/** Options for candidate pair generation. */
export interface CandidateOptions {
  /** Only pairs of statements from different articles. Default true. */
  crossArticleOnly?: boolean;
  /** Terms found in more postings than this are too common to propose pairs (they still count in the cosine). */
  maxPosting?: number;
  /** Minimum number of shared proposing terms. Default 2. */
  minShared?: number;
}

/**
 * Candidate pairs: statements that share at least `minShared` informative terms, found through the inverted index so
 * that cost follows the number of real overlaps, not the square of the number of statements.
 */
export function candidatePairs(index: TermIndex, options: CandidateOptions = {}): [number, number][] {
  const n = index.statements.length;
  const maxPosting = options.maxPosting ?? MAX_POSTING;
  const minShared = options.minShared ?? 2;
  const crossOnly = options.crossArticleOnly ?? true;
  const shared = new Map<number, number>();
  for (const list of index.postings.values()) {
    if (list.length < 2 || list.length > maxPosting) continue;
    for (let x = 0; x < list.length; x++) {
      const i = list[x]!;
      for (let y = x + 1; y < list.length; y++) {
        const j = list[y]!;
        if (crossOnly && index.statements[i]!.articleId === index.statements[j]!.articleId) continue;
        const key = i * n + j;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: [number, number][] = [];
  for (const [key, count] of shared) if (count >= minShared) pairs.push([Math.floor(key / n), key % n]);
  return pairs;
}
