/**
 * Options of the story clusterer, every one with its default. The defaults were chosen on the first half (April-May)
 * of the AllSides 2021 stream, with dates jittered by up to 36 hours so that no choice rests on equal timestamps,
 * and are reported on the second half and on NeuS (`npm run eval:clustering`).
 */
export interface ClusterOptions {
  /**
   * Least score for an article to join a story: the mean cosine similarity with the story's articles after the time
   * and outlet factors. Below it the article starts a story. Default 0.13.
   */
  joinThreshold?: number;
  /**
   * Least score a second story must also reach for the article to merge it into the best one; the two stories must be
   * alike themselves too (`mergeStorySimilarity`). Default 0.25.
   */
  mergeThreshold?: number;
  /** Least cosine similarity of two stories' profiles for an article to merge them. Default 0.3. */
  mergeStorySimilarity?: number;
  /**
   * Days without a new article after which a story goes quiet: it leaves the index and no later article joins it, so
   * the same kind of event weeks later starts a new story. Default 3.
   */
  quietDays?: number;
  /**
   * Scale of the time gap in days: the score is multiplied by `exp(-gapDays / timeDecayDays)`, where the gap is the
   * distance from the article's date to the span of the story's dates (0 inside it). Default 5.
   */
  timeDecayDays?: number;
  /**
   * Factor on the score when the article or the story has no date: without time to tell a new event from an old one
   * of the same kind, the text must be more alike. Default 0.7.
   */
  undatedFactor?: number;
  /** Factor on the score when the story already has an article from the same outlet. Default 0.7. */
  sameOutletFactor?: number;
  /**
   * Half-life in days of the document frequencies that weigh rare features up, so that words common this week weigh
   * less this week; 0 counts every article ever seen alike (undated streams always do). Default 0.
   */
  idfHalfLifeDays?: number;
  /** Weight of a headline word against a body word. Default 3. */
  titleWeight?: number;
  /** Weight of a word of the lede (the first sentence of the body) against a later one. Default 1.5. */
  ledeWeight?: number;
  /** Weight of a name (person, organization, place, other) against a term. Default 0.5 (its words are terms too). */
  nameWeight?: number;
  /** Weight of a phrase (two content words in a row: "second dose", "executive order") against a term. Default 0.75. */
  phraseWeight?: number;
  /** Weight of a stated number ("52%", "1.2 trillion") against a term. Default 1. */
  numberWeight?: number;
  /** Words of the body read per article (the headline is always read): bounds the cost of long articles. Default 300. */
  bodyWords?: number;
  /** Most features kept per article (the heaviest): bounds the cost of full-length articles. Default 150. */
  articleFeatures?: number;
  /** Most features kept in a story's profile (the heaviest, pruned as it grows). Default 600. */
  storyFeatures?: number;
  /** Heaviest features of an article used to look up candidate stories, and under which its story is listed. Default 20. */
  queryFeatures?: number;
  /** Most stories listed under one feature in the index (the most recently updated are kept). Default 50. */
  postingsLimit?: number;
  /** Most candidate stories scored in full per article (those sharing the most query weight with it). Default 12. */
  maxScored?: number;
  /** The runner-up story is named in the reason when its score is within this margin of the best. Default 0.1. */
  runnerUpMargin?: number;
  /** Most shared features of each kind named in a reason. Default 6. */
  sharedShown?: number;
  /**
   * Every this many articles, forget what a long stream no longer needs: document frequencies of features seen in one
   * article and not within the quiet window, and the merge aliases of stories that have gone quiet (their ids then
   * resolve to themselves: a caller that keeps merges elsewhere, as the stream storage does, still resolves them).
   * Keeps the state's size bounded in a stream that never ends. 0 (the default) never forgets.
   */
  pruneEvery?: number;
}

/** Every option filled in. */
export type ResolvedClusterOptions = Required<ClusterOptions>;

/** The default options (see `ClusterOptions` for what each does). */
export const DEFAULT_CLUSTER_OPTIONS: Readonly<ResolvedClusterOptions> = Object.freeze({
  joinThreshold: 0.13,
  mergeThreshold: 0.25,
  mergeStorySimilarity: 0.3,
  quietDays: 3,
  timeDecayDays: 5,
  undatedFactor: 0.7,
  sameOutletFactor: 0.7,
  idfHalfLifeDays: 0,
  titleWeight: 3,
  ledeWeight: 1.5,
  nameWeight: 0.5,
  phraseWeight: 0.75,
  numberWeight: 1,
  bodyWords: 300,
  articleFeatures: 150,
  storyFeatures: 600,
  queryFeatures: 20,
  postingsLimit: 50,
  maxScored: 12,
  runnerUpMargin: 0.1,
  sharedShown: 6,
  pruneEvery: 0,
});

/** Options that count things: positive whole numbers. */
const COUNTS = new Set<keyof ClusterOptions>([
  'bodyWords',
  'articleFeatures',
  'storyFeatures',
  'queryFeatures',
  'postingsLimit',
  'maxScored',
  'sharedShown',
]);

/**
 * Fills in the defaults (the caller's object is not changed; unknown keys are ignored). A value of the wrong kind is a
 * programming mistake and throws a RangeError naming the option.
 */
export function resolveClusterOptions(options: ClusterOptions = {}): ResolvedClusterOptions {
  const resolved: ResolvedClusterOptions = { ...DEFAULT_CLUSTER_OPTIONS };
  for (const name of Object.keys(DEFAULT_CLUSTER_OPTIONS) as (keyof ClusterOptions)[]) {
    const value: unknown = options[name];
    if (value === undefined) continue;
    const count = COUNTS.has(name);
    // pruneEvery counts articles, 0 included (never).
    const whole = count || name === 'pruneEvery';
    const valid =
      (whole ? Number.isSafeInteger(value) : Number.isFinite(value)) && (value as number) >= (count ? 1 : 0);
    if (!valid) {
      const kind = count ? 'positive whole' : whole ? 'non-negative whole' : 'non-negative';
      throw new RangeError(`cluster option ${name} must be a ${kind} number (got ${String(value)})`);
    }
    resolved[name] = value as number;
  }
  return resolved;
}
