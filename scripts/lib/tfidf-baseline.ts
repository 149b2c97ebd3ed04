// The plain baseline of the clustering evaluation: TF-IDF vectors of the headline and text (lower-case words, stop
// words dropped, no stemming, no names, no dates), single pass in arrival order, each article joining the story whose
// centroid is most similar when the cosine reaches a threshold, else starting one. Every story is compared (an
// inverted index only skips the stories that share no word, whose cosine is 0).
import { STOP_WORDS } from '../../src/core/cluster/stop-words.js';
import type { LabelledArticle } from './clustering-data.js';

/** The stories so far: their centroids (with their lengths) and, by word, the stories whose centroid has it. */
interface Stories {
  centroids: Map<string, number>[];
  norms: number[];
  storiesOf: Map<string, number[]>;
}

/** Story labels (article id -> story number) given by the baseline at a similarity threshold. */
export function tfidfBaseline(articles: readonly LabelledArticle[], threshold: number): Map<string, string> {
  const df = new Map<string, number>();
  let documents = 0;
  const stories: Stories = { centroids: [], norms: [], storiesOf: new Map() };
  const labels = new Map<string, string>();
  for (const article of articles) {
    const vector = tfidfVector(article, df, documents);
    documents += 1;
    const { best, bestScore } = closestStory(vector, stories);
    const story = best >= 0 && bestScore >= threshold ? joinStory(stories, best, vector) : startStory(stories, vector);
    labels.set(article.id, String(story));
  }
  return labels;
}

/** The article's TF-IDF vector (unit length) against the documents before it; counts its words into `df`. */
function tfidfVector(article: LabelledArticle, df: Map<string, number>, documents: number): Map<string, number> {
  const words = `${article.title ?? ''} ${article.text}`.toLowerCase().match(/\p{L}+/gu) ?? [];
  const tf = new Map<string, number>();
  for (const w of words) if (!STOP_WORDS.has(w) && w.length > 2) tf.set(w, (tf.get(w) ?? 0) + 1);
  const vector = new Map<string, number>();
  for (const [w, n] of tf) vector.set(w, n * (Math.log((documents + 1) / ((df.get(w) ?? 0) + 1)) + 1));
  for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  normalize(vector);
  return vector;
}

/** The story whose centroid is most similar (the first of equals), among those sharing a word; -1 when none does. */
function closestStory(vector: ReadonlyMap<string, number>, stories: Stories): { best: number; bestScore: number } {
  let best = -1;
  let bestScore = -1;
  const sharing = new Set<number>();
  for (const w of vector.keys()) for (const i of stories.storiesOf.get(w) ?? []) sharing.add(i);
  for (const i of [...sharing].sort((a, b) => a - b)) {
    const score = dot(vector, stories.centroids[i]!) / stories.norms[i]!;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return { best, bestScore };
}

/** Adds the vector to a story's centroid; returns the story. */
function joinStory(stories: Stories, story: number, vector: ReadonlyMap<string, number>): number {
  const c = stories.centroids[story]!;
  for (const [w, x] of vector) {
    if (!c.has(w)) listUnder(stories.storiesOf, w).push(story);
    c.set(w, (c.get(w) ?? 0) + x);
  }
  stories.norms[story] = length(c);
  return story;
}

/** Starts a story with the vector as its centroid; returns the new story. */
function startStory(stories: Stories, vector: ReadonlyMap<string, number>): number {
  stories.centroids.push(new Map(vector));
  stories.norms.push(length(vector) || 1);
  const story = stories.centroids.length - 1;
  for (const w of vector.keys()) listUnder(stories.storiesOf, w).push(story);
  return story;
}

/** The list under a key, created empty when missing. */
function listUnder(map: Map<string, number[]>, key: string): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function length(v: ReadonlyMap<string, number>): number {
  return Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
}

function normalize(v: Map<string, number>): void {
  const norm = length(v) || 1;
  for (const [k, x] of v) v.set(k, x / norm);
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const [k, x] of a) sum += x * (b.get(k) ?? 0);
  return sum;
}
