/** A unit-length weighted feature vector of one article, heaviest feature first. */
export interface ArticleVector {
  entries: (readonly [string, number])[];
  weights: Map<string, number>;
}

/** What the clusterer keeps of a live story: enough to score an article against it, never the articles themselves. */
export interface StoryState {
  /** Creation number; the story's id is derived from it. */
  seq: number;
  /** Articles in the story. */
  size: number;
  /** Times (ms) of its earliest and latest dated article; null while it has none. */
  first: number | null;
  last: number | null;
  /** Articles per outlet. */
  outlets: Map<string, number>;
  /** Sum of the member articles' vectors: the story's profile. */
  profile: Map<string, number>;
  /** Squared length of the profile, kept up to date as articles are added. */
  norm2: number;
}

/** Builds a unit vector of the heaviest `limit` weighted features (ties broken by key, so the result is stable). */
export function unitVector(weighted: readonly (readonly [string, number])[], limit: number): ArticleVector {
  const kept = heaviest(
    weighted.filter(([, w]) => w > 0),
    limit,
  );
  const norm = Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0));
  const entries = kept.map(([k, w]) => [k, w / norm] as const);
  return { entries, weights: new Map(entries) };
}

/**
 * Similarity of an article and a story: the mean cosine of the article and each of the story's articles (group
 * average), read off the profile in one pass. Unlike the cosine with the story's centroid, it does not rise as a story
 * gathers varied articles, so a big story does not pull in every article of its topic.
 */
export function similarity(article: ArticleVector, story: StoryState): number {
  if (story.size === 0) return 0;
  let dot = 0;
  for (const [key, w] of article.entries) dot += w * (story.profile.get(key) ?? 0);
  return dot / story.size;
}

/** Cosine similarity of two stories' profiles. */
export function storySimilarity(a: StoryState, b: StoryState): number {
  if (a.norm2 <= 0 || b.norm2 <= 0) return 0;
  const [small, large] = a.profile.size <= b.profile.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, w] of small.profile) dot += w * (large.profile.get(key) ?? 0);
  return dot / Math.sqrt(a.norm2 * b.norm2);
}

/** A new story holding nothing yet. */
export function emptyStory(seq: number): StoryState {
  return { seq, size: 0, first: null, last: null, outlets: new Map(), profile: new Map(), norm2: 0 };
}

/** Widens a story's time span to include a time. */
function widen(story: StoryState, time: number | null): void {
  if (time === null) return;
  story.first = story.first === null ? time : Math.min(story.first, time);
  story.last = story.last === null ? time : Math.max(story.last, time);
}

/** Adds an article to a story: its vector into the profile (the squared length updated in place), its time, its outlet. */
export function addArticle(
  story: StoryState,
  article: { vector: ArticleVector; time: number | null; outlet: string | null },
): void {
  for (const [key, w] of article.vector.entries) {
    const old = story.profile.get(key) ?? 0;
    story.profile.set(key, old + w);
    story.norm2 += 2 * old * w + w * w;
  }
  widen(story, article.time);
  if (article.outlet !== null) story.outlets.set(article.outlet, (story.outlets.get(article.outlet) ?? 0) + 1);
  story.size += 1;
}

/** Folds story `from` into story `into` (profiles summed, spans and outlets joined). */
export function absorbStory(into: StoryState, from: StoryState): void {
  for (const [key, w] of from.profile) into.profile.set(key, (into.profile.get(key) ?? 0) + w);
  into.norm2 = squaredLength(into.profile);
  widen(into, from.first);
  widen(into, from.last);
  for (const [outlet, n] of from.outlets) into.outlets.set(outlet, (into.outlets.get(outlet) ?? 0) + n);
  into.size += from.size;
}

/** Keeps the heaviest `limit` features of a profile once it has grown half as large again (bounds memory and cost). */
export function pruneProfile(story: StoryState, limit: number): void {
  if (story.profile.size <= limit * 1.5) return;
  story.profile = new Map(heaviest([...story.profile], limit));
  story.norm2 = squaredLength(story.profile);
}

/** The heaviest `limit` weighted keys, ties broken by key (so the choice never depends on input order). */
function heaviest<T extends readonly [string, number]>(entries: readonly T[], limit: number): T[] {
  return [...entries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
}

/** Sum of squares of a profile's weights. */
function squaredLength(profile: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const w of profile.values()) sum += w * w;
  return sum;
}
