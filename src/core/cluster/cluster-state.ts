import { DocumentFrequency } from './document-frequency.js';
import type { ResolvedClusterOptions } from './options.js';
import { QuietQueue } from './quiet-queue.js';
import { StoryIndex } from './story-index.js';
import { CLOCK_WINDOW } from './stream-clock.js';
import type { StoryState } from './story-profile.js';

/** Milliseconds in a day: time windows are given in days. */
export const DAY_MS = 86_400_000;

/** Counters of the work done, for benchmarks and monitoring. */
export interface ClusterStats {
  /** Articles added. */
  articles: number;
  /** Stories live in the index now (not quiet, not merged away). */
  liveStories: number;
  /** Stories started so far. */
  storiesStarted: number;
  /** Candidate stories the index offered, summed over all articles. */
  candidates: number;
  /** Stories scored in full, summed over all articles. */
  scored: number;
}

/** Everything a clusterer knows; quiet and merged-away stories are dropped from it (their ids still resolve). */
export interface ClusterState {
  /** The stream's clock (ms), which retires quiet stories: see `advanceClock`. */
  clock: number | null;
  /** Dates (ms) of the latest dated articles, in arrival order, that the clock follows. */
  recentTimes: number[];
  nextSeq: number;
  stats: ClusterStats;
  df: DocumentFrequency;
  stories: Map<number, StoryState>;
  index: StoryIndex;
  quiet: QuietQueue;
  /** Merged-away story id to the story it was merged into. */
  aliases: Map<string, string>;
}

/** The serialized state of a clusterer: plain JSON data, checked field by field on restore. */
export interface ClusterSnapshot {
  format: 'parallax-clusterer';
  version: 1;
  /** The options the state was built with (a restore uses them unless told otherwise). */
  options: ResolvedClusterOptions;
  clock: number | null;
  recentTimes: number[];
  nextSeq: number;
  stats: ClusterStats;
  /** Document frequencies: the decayed article count, and per feature `[key, count, time]`. */
  documents: [number, number | null];
  documentFrequency: [string, number, number | null][];
  stories: {
    seq: number;
    size: number;
    first: number | null;
    last: number | null;
    outlets: [string, number][];
    profile: [string, number][];
    norm2: number;
  }[];
  /** The index: feature key to story numbers, least recently updated first. */
  postings: [string, number[]][];
  aliases: [string, string][];
}

/** A snapshot that cannot be restored (not a clusterer snapshot, another version, or damaged). */
export class InvalidSnapshotError extends Error {
  override name = 'InvalidSnapshotError';
}

/** A fresh state for the given options. */
export function emptyState(options: ResolvedClusterOptions): ClusterState {
  return {
    clock: null,
    recentTimes: [],
    nextSeq: 1,
    stats: { articles: 0, liveStories: 0, storiesStarted: 0, candidates: 0, scored: 0 },
    df: new DocumentFrequency(options.idfHalfLifeDays * DAY_MS),
    stories: new Map(),
    index: new StoryIndex(options.postingsLimit),
    quiet: new QuietQueue(),
    aliases: new Map(),
  };
}

/** The state as JSON data (copies: later work on the clusterer does not change a snapshot taken before). */
export function toSnapshot(state: ClusterState, options: ResolvedClusterOptions): ClusterSnapshot {
  return {
    format: 'parallax-clusterer',
    version: 1,
    options: { ...options },
    clock: state.clock,
    recentTimes: [...state.recentTimes],
    nextSeq: state.nextSeq,
    stats: { ...state.stats },
    documents: [state.df.documents.value, state.df.documents.time],
    documentFrequency: [...state.df.counts].map(([key, c]) => [key, c.value, c.time]),
    stories: [...state.stories.values()].map((s) => ({
      seq: s.seq,
      size: s.size,
      first: s.first,
      last: s.last,
      outlets: [...s.outlets],
      profile: [...s.profile],
      norm2: s.norm2,
    })),
    postings: [...state.index.postings].map(([key, list]) => [key, [...list]]),
    aliases: [...state.aliases],
  };
}

/** Throws the snapshot error for a field. */
function bad(what: string): never {
  throw new InvalidSnapshotError(`not a valid clusterer snapshot: ${what}`);
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isTime = (x: unknown): x is number | null => x === null || isNumber(x);
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** Checks that a value is an array, naming the field otherwise. */
function arrayOf(value: unknown, what: string): unknown[] {
  return Array.isArray(value) ? value : bad(`${what} must be an array`);
}

/** Reads `[string, number]` pairs, checking each. */
function weightPairs(value: unknown, what: string): [string, number][] {
  return arrayOf(value, what).map((pair) =>
    Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && isNumber(pair[1])
      ? [pair[0], pair[1]]
      : bad(`${what} holds an entry that is not [text, number]`),
  );
}

/** Reads one stored story, checking every field. */
function storyOf(value: unknown): StoryState {
  const s = (typeof value === 'object' && value !== null ? value : bad('a story is not an object')) as Record<
    string,
    unknown
  >;
  if (!isCount(s.seq) || !isCount(s.size) || !isTime(s.first) || !isTime(s.last) || !isNumber(s.norm2)) {
    bad(`story ${String(s.seq)} has a bad number`);
  }
  return {
    seq: s.seq,
    size: s.size,
    first: s.first,
    last: s.last,
    outlets: new Map(weightPairs(s.outlets, 'story outlets')),
    profile: new Map(weightPairs(s.profile, 'story profile')),
    norm2: s.norm2,
  };
}

/** The snapshot as an object whose format, version, clock and next story number are checked. */
function checkedHeader(value: unknown): Record<string, unknown> & { clock: number | null; nextSeq: number } {
  const snap = (typeof value === 'object' && value !== null ? value : bad('not an object')) as Record<string, unknown>;
  if (snap.format !== 'parallax-clusterer') bad('the format is not "parallax-clusterer"');
  if (snap.version !== 1) bad(`version ${JSON.stringify(snap.version)} is not supported (expected 1)`);
  if (!isTime(snap.clock) || !isCount(snap.nextSeq)) bad('clock or nextSeq');
  return snap as Record<string, unknown> & { clock: number | null; nextSeq: number };
}

/** Restores the recent arrival times and the counters. */
function restoreClockAndStats(state: ClusterState, snap: Record<string, unknown>): void {
  const recent = arrayOf(snap.recentTimes, 'recentTimes');
  state.recentTimes = recent.every(isNumber) && recent.length <= CLOCK_WINDOW ? recent : bad('recentTimes');
  const stats = (snap.stats ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(state.stats) as (keyof ClusterStats)[]) {
    const n = stats[key];
    state.stats[key] = isCount(n) ? n : bad(`stats.${key}`);
  }
}

/** Restores the decayed document count and the document frequency of every key. */
function restoreDocumentFrequency(state: ClusterState, snap: Record<string, unknown>): void {
  const documents = arrayOf(snap.documents, 'documents');
  if (documents.length !== 2 || !isNumber(documents[0]) || !isTime(documents[1])) bad('documents');
  state.df.documents = { value: documents[0] as number, time: documents[1] as number | null };
  for (const entry of arrayOf(snap.documentFrequency, 'documentFrequency')) {
    const ok = Array.isArray(entry) && entry.length === 3 && typeof entry[0] === 'string';
    if (!ok || !isNumber(entry[1]) || !isTime(entry[2])) bad('a documentFrequency entry');
    const [key, count, time] = entry as [string, number, number | null];
    state.df.counts.set(key, { value: count, time });
  }
}

/** Restores the stories (each numbered below `nextSeq`, once) and their place in the quiet queue. */
function restoreStories(state: ClusterState, snap: Record<string, unknown>): void {
  for (const story of arrayOf(snap.stories, 'stories').map(storyOf)) {
    if (story.seq >= state.nextSeq || state.stories.has(story.seq)) bad(`story number ${story.seq}`);
    state.stories.set(story.seq, story);
    if (story.last !== null) state.quiet.push({ time: story.last, seq: story.seq });
  }
}

/** The postings of the snapshot, each naming stories the state holds. */
function checkedPostings(state: ClusterState, snap: Record<string, unknown>): [string, number[]][] {
  return arrayOf(snap.postings, 'postings').map((entry): [string, number[]] => {
    const ok = Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && Array.isArray(entry[1]);
    if (!ok) bad('a postings entry');
    const [key, list] = entry as [string, unknown[]];
    if (!list.every((seq) => isCount(seq) && state.stories.has(seq))) bad(`postings of ${key}`);
    return [key, list as number[]];
  });
}

/** Restores the name aliases. */
function restoreAliases(state: ClusterState, snap: Record<string, unknown>): void {
  for (const pair of arrayOf(snap.aliases, 'aliases')) {
    const ok = Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string';
    if (!ok) bad('an alias entry');
    state.aliases.set(pair[0] as string, pair[1] as string);
  }
}

/**
 * Rebuilds a state from a snapshot, checking every field (a snapshot read from disk is untrusted input): a bad one
 * throws InvalidSnapshotError naming what is wrong, and nothing half-restored is returned.
 */
export function fromSnapshot(value: unknown, options: ResolvedClusterOptions): ClusterState {
  const snap = checkedHeader(value);
  const state = emptyState(options);
  state.clock = snap.clock;
  state.nextSeq = snap.nextSeq;
  restoreClockAndStats(state, snap);
  restoreDocumentFrequency(state, snap);
  restoreStories(state, snap);
  state.index = StoryIndex.fromPostings(options.postingsLimit, checkedPostings(state, snap));
  restoreAliases(state, snap);
  if (state.stats.liveStories !== state.stories.size) bad('stats.liveStories does not match the stories');
  return state;
}
