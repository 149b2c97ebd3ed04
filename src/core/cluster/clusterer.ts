import { articleFeatures, type RawFeature } from './article-features.js';
import {
  DAY_MS,
  emptyState,
  fromSnapshot,
  toSnapshot,
  type ClusterSnapshot,
  type ClusterState,
  type ClusterStats,
} from './cluster-state.js';
import { resolveClusterOptions, type ClusterOptions, type ResolvedClusterOptions } from './options.js';
import { publicScore, scoreStory, storyIdOf, type NumberedScore, type PreparedArticle } from './score-story.js';
import { noSharedFeatures, sharedFeatures } from './shared-features.js';
import { advanceClock } from './stream-clock.js';
import {
  absorbStory,
  addArticle,
  emptyStory,
  pruneProfile,
  storySimilarity,
  unitVector,
  type StoryState,
} from './story-profile.js';
import { ClusterInputError, type Assignment, type AssignmentReason, type ClusterDoc } from './types.js';

/** An incremental story clusterer: articles in arrival order, each joining a story or starting one. */
export interface Clusterer {
  /** Places one article (arrival order, no look-ahead). Throws ClusterInputError for an empty text or a bad date. */
  add(doc: ClusterDoc): Assignment;
  /** The story an id stands for now: a merged story's id resolves to the story it was merged into. */
  resolve(storyId: string): string;
  /** The whole state as plain JSON data; `restoreClusterer` continues from it with identical decisions. */
  snapshot(): ClusterSnapshot;
  /** Counters of the work done so far. */
  stats(): ClusterStats;
  /** The options in force, every default filled in. */
  readonly options: Readonly<ResolvedClusterOptions>;
}

/** Longest headline and outlet name read (a hostile input may send megabytes of either). */
const MAX_TITLE_CHARS = 1_000;
const MAX_OUTLET_CHARS = 200;

/** An article with its features, ready to be placed. */
interface Prepared extends PreparedArticle {
  features: Map<string, RawFeature>;
}

/** A string field of a doc, trimmed; null when absent, empty or not a string. */
function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The time of a doc's date in ms, null when undated; a date that cannot be read is the caller's input error. */
function timeOf(doc: ClusterDoc): number | null {
  if (doc.date === undefined || doc.date === null) return null;
  const time = typeof doc.date === 'string' ? Date.parse(doc.date) : NaN;
  if (Number.isNaN(time)) {
    throw new ClusterInputError(`article ${doc.id}: the date ${JSON.stringify(doc.date)} is not an ISO 8601 date`);
  }
  return time;
}

/**
 * Creates an incremental story clusterer. Each article is compared with the live stories that the index offers
 * (stories listed under its heaviest names, terms, phrases or numbers), never with every story; it joins the best one
 * when the score reaches the threshold, and a second story close to both may be merged into it. Stories go quiet
 * `quietDays` after their latest article. Deterministic: the same articles in the same order give the same stories.
 */
export function createClusterer(options: ClusterOptions = {}): Clusterer {
  const resolved = resolveClusterOptions(options);
  return clustererOver(emptyState(resolved), resolved);
}

/**
 * Continues a clusterer from a snapshot, with the snapshot's options unless `options` overrides some. Decisions after
 * the restore are those the original clusterer would have made. A damaged snapshot throws InvalidSnapshotError.
 */
export function restoreClusterer(snapshot: unknown, options: ClusterOptions = {}): Clusterer {
  const stored = (snapshot as { options?: unknown } | null)?.options;
  const base = typeof stored === 'object' && stored !== null ? (stored as ClusterOptions) : {};
  const resolved = resolveClusterOptions({ ...base, ...options });
  return clustererOver(fromSnapshot(snapshot, resolved), resolved);
}

/** A clusterer working on a given state (fresh or restored). */
function clustererOver(state: ClusterState, options: ResolvedClusterOptions): Clusterer {
  const kindWeight = { name: options.nameWeight, term: 1, phrase: options.phraseWeight, number: options.numberWeight };

  /** Checks a doc before anything changes: a rejected article leaves the state as it was. */
  const check = (doc: ClusterDoc): { id: string; time: number | null } => {
    const id = text(doc.id);
    if (id === null) throw new ClusterInputError('an article needs a non-empty id');
    if (text(doc.text) === null) throw new ClusterInputError(`article ${id}: the text is empty`);
    return { id, time: timeOf(doc) };
  };

  const prepare = (doc: ClusterDoc, checked: { id: string; time: number | null }): Prepared => {
    const raw = articleFeatures(
      { title: text(doc.title)?.slice(0, MAX_TITLE_CHARS) ?? null, text: doc.text },
      { title: options.titleWeight, lede: options.ledeWeight, bodyWords: options.bodyWords },
    );
    // Rarity is weighed as of the stream's clock (robust to one article's wrong date).
    const now = state.clock ?? checked.time;
    const weighted = raw.map(
      (f) => [f.key, kindWeight[f.kind] * Math.log1p(f.count) * state.df.idf(f.key, now)] as const,
    );
    state.df.observe(
      raw.map((f) => f.key),
      now,
    );
    return {
      id: checked.id,
      time: checked.time,
      outlet: text(doc.outlet)?.slice(0, MAX_OUTLET_CHARS).toLowerCase() ?? null,
      vector: unitVector(weighted, options.articleFeatures),
      features: new Map(raw.map((f) => [f.key, f])),
    };
  };

  const retire = (seq: number): void => {
    state.index.remove(seq);
    state.stories.delete(seq);
    state.stats.liveStories -= 1;
  };

  /** Retires the stories whose latest article is older than the quiet window before the clock. */
  const retireQuiet = (): void => {
    if (state.clock === null) return;
    const limit = state.clock - options.quietDays * DAY_MS;
    for (let entry = state.quiet.popBefore(limit); entry; entry = state.quiet.popBefore(limit)) {
      // An entry is stale when its story has gained a later article since (a newer entry stands for it).
      if (state.stories.get(entry.seq)?.last === entry.time) retire(entry.seq);
    }
  };

  /** Candidate stories from the index; the most promising (most query weight shared) scored in full, best first. */
  const rank = (article: Prepared): { scores: NumberedScore[]; candidates: number } => {
    const found = state.index.lookup(article.vector.entries.slice(0, options.queryFeatures));
    const promising = [...found].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, options.maxScored);
    const scores = promising
      .map(([seq]) => scoreStory(article, state.stories.get(seq)!, options))
      .filter((s): s is NumberedScore => s !== null)
      .sort((a, b) => b.score - a.score || a.seq - b.seq);
    return { scores, candidates: found.size };
  };

  /** Lists a story under the article's query features and queues it for going quiet. */
  const touch = (story: StoryState, article: Prepared): void => {
    state.index.touch(
      story.seq,
      article.vector.entries.slice(0, options.queryFeatures).map(([key]) => key),
    );
    if (story.last !== null) state.quiet.push({ time: story.last, seq: story.seq });
  };

  /** Other stories the article bridges to the best one: close to the article and alike themselves. */
  const bridged = (best: NumberedScore, scores: readonly NumberedScore[], target: StoryState): StoryState[] =>
    scores
      .filter((s) => s.seq !== best.seq && s.score >= options.mergeThreshold)
      .map((s) => state.stories.get(s.seq)!)
      .filter((story) => storySimilarity(target, story) >= options.mergeStorySimilarity);

  const start = (article: Prepared, base: Omit<AssignmentReason, 'chosen' | 'shared'>): Assignment => {
    const story = emptyStory(state.nextSeq++);
    addArticle(story, { vector: article.vector, time: article.time ?? state.clock, outlet: article.outlet });
    state.stories.set(story.seq, story);
    state.stats.storiesStarted += 1;
    state.stats.liveStories += 1;
    touch(story, article);
    return {
      id: article.id,
      storyId: storyIdOf(story.seq),
      decision: 'started',
      reason: { chosen: null, shared: noSharedFeatures(), ...base },
    };
  };

  const join = (
    article: Prepared,
    scores: readonly NumberedScore[],
    base: Omit<AssignmentReason, 'chosen' | 'shared'>,
  ): Assignment => {
    const best = scores[0]!;
    const target = state.stories.get(best.seq)!;
    const shared = sharedFeatures(article, target, options.sharedShown);
    const second = scores[1];
    const runnerUp = second && best.score - second.score <= options.runnerUpMargin ? publicScore(second) : undefined;
    const together = [target, ...bridged(best, scores, target)];
    // The biggest story keeps its id (the oldest among equals); the others resolve to it from now on.
    const survivor = [...together].sort((a, b) => b.size - a.size || a.seq - b.seq)[0]!;
    const absorbed = together.filter((s) => s !== survivor);
    for (const story of absorbed) {
      absorbStory(survivor, story);
      retire(story.seq);
      state.aliases.set(storyIdOf(story.seq), storyIdOf(survivor.seq));
    }
    addArticle(survivor, { vector: article.vector, time: article.time ?? state.clock, outlet: article.outlet });
    pruneProfile(survivor, options.storyFeatures);
    touch(survivor, article);
    const reason: AssignmentReason = { chosen: publicScore(best), shared, ...base, ...(runnerUp ? { runnerUp } : {}) };
    const storyId = storyIdOf(survivor.seq);
    if (absorbed.length === 0) return { id: article.id, storyId, decision: 'joined', reason };
    return {
      id: article.id,
      storyId,
      decision: 'merged',
      reason,
      mergedStoryIds: absorbed.map((s) => storyIdOf(s.seq)),
    };
  };

  /**
   * Forgets what a long stream no longer needs (see `pruneEvery`): rare features not seen within the quiet window,
   * and the aliases of stories that are no longer live. Runs at fixed article counts, so a restored clusterer prunes
   * at the same moments as the original.
   */
  const prune = (): void => {
    if (state.clock !== null) state.df.forgetRare(state.clock - options.quietDays * DAY_MS, 1);
    const live = new Set([...state.stories.keys()].map(storyIdOf));
    for (const from of [...state.aliases.keys()]) {
      if (!live.has(resolve(from))) state.aliases.delete(from);
    }
  };

  const add = (doc: ClusterDoc): Assignment => {
    const checked = check(doc);
    if (checked.time !== null) advanceClock(state, checked.time);
    const article = prepare(doc, checked);
    retireQuiet();
    const { scores, candidates } = rank(article);
    state.stats.articles += 1;
    if (options.pruneEvery > 0 && state.stats.articles % options.pruneEvery === 0) prune();
    state.stats.candidates += candidates;
    state.stats.scored += scores.length;
    const best = scores[0];
    const base = {
      threshold: options.joinThreshold,
      candidates,
      scored: scores.length,
      features: article.vector.entries.length,
    };
    if (best && best.score >= options.joinThreshold) return join(article, scores, base);
    return start(article, best ? { ...base, nearest: publicScore(best) } : base);
  };

  const resolve = (storyId: string): string => {
    let id = storyId;
    // Aliases form chains (a merged story merged again) but never cycles; the bound is a guard all the same.
    for (let hops = 0; hops <= state.aliases.size; hops++) {
      const next = state.aliases.get(id);
      if (next === undefined) return id;
      id = next;
    }
    return id;
  };

  return {
    add,
    resolve,
    snapshot: () => toSnapshot(state, options),
    stats: () => ({ ...state.stats }),
    options,
  };
}
