/**
 * The storage of the stream: feeds and their records, the queue of articles to fetch, every article kept once (by its
 * canonical address) with every version of it, the other addresses it was seen at (exact duplicates among them), the
 * story each article was placed in and why, story merges, and the clusterer's checkpoint. Asynchronous, and every
 * method that writes is one transaction, so that a PostgreSQL implementation can follow the SQLite one and pass the
 * same contract tests (`test/helpers/stream-repository-contract.ts`).
 *
 * Stream stories are stories like the hand-made ones: once a report of one is stored, the story is in the story
 * library (`StoryRepository`: the same list, report page and search), with its members' current versions as its
 * articles (referenced, never copied).
 */
import type { AssignmentReason, Decision } from '../../core/cluster/types.js';
import type { RawArticle } from '../../core/model.js';
import type { CoverageOutlet } from '../../core/stream/coverage-split.js';
import type { StoryLeadEntity } from '../../core/stream/lead-entities.js';
import type { FeedEntry } from '../feeds/types.js';
import type { FeedState } from '../fetch/feed-state.js';
import type { StoredAnalysis } from './story-repository.js';
import type { StreamMember, WireLink } from '../../core/stream/stream-member.js';

export type { StreamMember, WireLink };

/** A feed as stored: its record (`FeedState`) and what became of the articles it named. */
export interface FeedRecord {
  id: string;
  url: string;
  title: string | null;
  addedAt: string;
  state: FeedState;
  /** Articles of this feed stored so far. */
  articles: number;
  /** Articles of this feed waiting in the queue. */
  queued: number;
  /** Articles of this feed given up on (unreadable page, 404, ...), and the latest such failure. */
  failedArticles: number;
  lastArticleError: { at: string; url: string | null; code: string; message: string } | null;
}

/** A feed to add. */
export interface NewFeed {
  url: string;
  title?: string | null;
  /** Its first record (`newFeedState`): due at once. */
  state: FeedState;
  addedAt: string;
}

/** An article to fetch (or to read from the entry itself), as queued. */
export interface QueueEntry {
  /** The canonical key of the entry's address (or of its id, for an entry without one). */
  urlKey: string;
  /**
   * `new`: an address not stored yet; `revisit`: a stored article whose entry changed (fetched conditionally);
   * `probe`: an address the user gave, a feed or an article page (it is fetched and becomes one or the other).
   */
  kind: 'new' | 'revisit' | 'probe';
  feedId: string | null;
  /** Where the entry came from (the feed's address, a file name). */
  source: string;
  entry: FeedEntry;
  /** True when the entry carries the article itself and no page is fetched (JSON Lines articles). */
  useEntryContent: boolean;
  /** A hash of what the entry says (title, dates, content): a later entry with another signature is a revisit. */
  signature: string;
  /**
   * Where the article goes in the queue's order (ISO time): its publication date, so that a backlog arrives in time
   * order; null or absent keeps the order it was queued in (a JSON Lines stream is in the order its author gave).
   */
  orderKey?: string | null;
}

/** A queued article. */
export interface QueueItem extends QueueEntry {
  pk: number;
  attempts: number;
  enqueuedAt: string;
  lastError: string | null;
}

/** What the stream knows of an address: a stored article, or another address of one (a duplicate, a redirect). */
export interface KnownAddress {
  urlKey: string;
  kind: 'article' | 'alias';
  articleId: string;
  /** The stored article's entry signature and validators (for a conditional revisit). */
  signature: string | null;
  etag: string | null;
  lastModified: string | null;
}

/** One fetched version of an article. */
export interface NewVersion {
  fetchedAt: string;
  format: RawArticle['format'];
  /** The raw content as fetched (decoded), or the entry's content. */
  content: string;
  title: string | null;
  /** The cleaned text as read. */
  text: string;
  /** SHA-256 of the cleaned text, white space collapsed (`fingerprintText(...).contentHash`). */
  contentHash: string;
}

/** The story an article was placed in when it arrived, and why. */
export interface StreamAssignment {
  /** Position in the clusterer's input (1, 2, ...): the checkpoint's unit. */
  seq: number;
  storyId: string;
  decision: Decision;
  reason: AssignmentReason;
  /** Stories the article merged into `storyId`. */
  mergedStoryIds?: string[];
}

/** A new article with its first version and its place in the stories, stored in one transaction. */
export interface ArticleIngest {
  /** The queue item this completes (deleted in the same transaction), or null. */
  queuePk: number | null;
  id: string;
  urlKey: string;
  url: string | null;
  feedId: string | null;
  outlet: string | null;
  /** Publication date as stated (feed or page), or null. */
  publishedAt: string | null;
  /** The date the article was clustered with (stated, clamped to the fetch time, or the fetch time). */
  clusterDate: string;
  etag: string | null;
  lastModified: string | null;
  signature: string | null;
  wire: WireLink | null;
  version: NewVersion;
  assignment: StreamAssignment;
  /** Other addresses of the article seen with it (the feed's link when the page names another canonical one). */
  aliases: { urlKey: string; url: string | null }[];
  at: string;
}

/** A changed version of a stored article. */
export interface VersionAppend {
  queuePk: number | null;
  articleId: string;
  version: NewVersion;
  etag: string | null;
  lastModified: string | null;
  signature: string | null;
  aliases: { urlKey: string; url: string | null }[];
  at: string;
}

/** A stored article seen again unchanged (304, or the same text): its validators and signature move on. */
export interface RevisitRecord {
  queuePk: number | null;
  articleId: string;
  etag: string | null;
  lastModified: string | null;
  signature: string | null;
  aliases: { urlKey: string; url: string | null }[];
  at: string;
}

/** An address whose article is already stored under another one (the same text): kept as an alias, not an article. */
export interface DuplicateRecord {
  queuePk: number | null;
  urlKey: string;
  url: string | null;
  feedId: string | null;
  of: string;
  at: string;
}

/** A queued article that could not be fetched or read: tried again at `retryAt`, or given up (`retryAt` null). */
export interface QueueFailure {
  queuePk: number;
  code: string;
  message: string;
  retryAt: string | null;
  at: string;
}

/** A named entity that leads a story (from its report), with the number of its articles naming it. */
export type LeadEntity = StoryLeadEntity;

/** A stream story as listed. */
export interface StreamStorySummary {
  id: string;
  title: string;
  articleCount: number;
  /** Each outlet once, with an article address on its site (for the coverage split), in arrival order. */
  outlets: CoverageOutlet[];
  createdAt: string;
  /** The latest arrival or new version of an article. */
  updatedAt: string;
  /** When its current report was stored, or null (no report yet: not in the story library yet). */
  reportAt: string | null;
  /** True when articles arrived or changed since the report. */
  reportPending: boolean;
  leadEntities: LeadEntity[];
}

/** A stream story with its members in arrival order and the stories merged into it. */
export interface StreamStoryDetail {
  story: StreamStorySummary;
  members: StreamMember[];
  mergedFrom: string[];
}

/** The summary of one version. */
export interface VersionInfo {
  version: number;
  fetchedAt: string;
  title: string | null;
  contentHash: string;
  /** Length of the cleaned text in characters. */
  textLength: number;
}

/** One version in full. */
export interface StoredVersion extends VersionInfo {
  format: RawArticle['format'];
  content: string;
  text: string;
}

/** A feed's record after a poll, with the articles it named to queue. */
export interface FeedPoll {
  feedId: string;
  state: FeedState;
  title?: string | null;
  queue: readonly QueueEntry[];
}

/** A stored article with its versions, addresses and place in the stories. */
export interface StreamArticleRecord {
  id: string;
  url: string | null;
  urlKey: string;
  feedId: string | null;
  outlet: string | null;
  publishedAt: string | null;
  clusterDate: string;
  firstSeenAt: string;
  updatedAt: string;
  seq: number;
  /** The story it belongs to now (merges followed). */
  storyId: string;
  assignedStoryId: string;
  decision: Decision;
  reason: AssignmentReason;
  wire: WireLink | null;
  versions: VersionInfo[];
  /** Other addresses it was seen at: exact duplicates and other spellings. */
  aliases: { url: string | null; urlKey: string; kind: 'duplicate' | 'address'; seenAt: string }[];
}

/** An article as the clusterer saw it, for replaying the stream after the checkpoint. */
export interface ClusterInput {
  seq: number;
  id: string;
  title: string | null;
  /** The cleaned text of the first version. */
  text: string;
  clusterDate: string;
  outlet: string | null;
  publishedAt: string | null;
  urlKey: string;
  /** The decision stored when it arrived. */
  assignedStoryId: string;
  decision: Decision;
}

/** The clusterer's state at a position of the stream. */
export interface StreamCheckpoint {
  /** The last article (`seq`) the snapshot includes. */
  seq: number;
  snapshot: unknown;
  savedAt: string;
}

/** A stream story whose report is older than its members. */
export interface DirtyStory {
  id: string;
  revision: number;
  articleCount: number;
  /** The first change not in the report, and the latest change. */
  dirtySince: string;
  lastChangeAt: string;
  reportAt: string | null;
}

/** What a stream story's report is computed from: its members' current versions (and articles added by hand). */
export interface StreamStorySources {
  revision: number;
  articles: RawArticle[];
}

/** A report of a stream story, to store (and to publish the story in the story library with). */
export interface StreamReport {
  storyId: string;
  /** The stream revision the report was computed from: the story stays pending when it has changed since. */
  revision: number;
  title: string;
  fingerprint: string;
  analysis: StoredAnalysis;
  leadEntities: LeadEntity[];
  at: string;
}

/** Who holds the right to write the stream (one watcher per library). */
export interface StreamLease {
  owner: string;
  heartbeatAt: string;
}

/** Every story of the library (stream and hand-made) with its article ids: the `parallax stories` listing. */
export interface StoryListing {
  id: string;
  kind: 'stream' | 'manual';
  title: string;
  articleIds: string[];
  outlets: CoverageOutlet[];
  createdAt: string;
  updatedAt: string;
  hasReport: boolean;
}

/** Sort orders of the stream story list. */
export type StreamStorySort = 'updated' | 'size';

/** The stream's storage. Every write is one transaction. */
export interface StreamRepository {
  // Feeds
  /** Adds feeds not stored yet (by address); returns the added ones and the ones already there. */
  addFeeds(feeds: readonly NewFeed[]): Promise<{ added: FeedRecord[]; existing: FeedRecord[] }>;
  listFeeds(): Promise<FeedRecord[]>;
  getFeed(id: string): Promise<FeedRecord | null>;
  /** Removes a feed and its queued articles (its stored articles stay); false when there was none. */
  removeFeed(id: string): Promise<boolean>;
  /** Feeds due for a poll at `now`, the most overdue first. */
  dueFeeds(now: string, limit: number): Promise<FeedRecord[]>;
  /** The time of the next poll of any feed, or null when there are no feeds. */
  nextPollAt(): Promise<string | null>;
  /** Stores a feed's record after a poll and queues the articles it named, together. */
  savePoll(poll: FeedPoll): Promise<void>;

  // Queue
  /** Queues articles (an address already queued is left as it is); returns how many were queued. */
  enqueue(entries: readonly QueueEntry[], at: string): Promise<number>;
  /** Turns a probed address into feeds: adds those not stored yet and removes the queue item, together. */
  resolveProbe(probe: {
    queuePk: number;
    feeds: readonly NewFeed[];
  }): Promise<{ added: FeedRecord[]; existing: FeedRecord[] }>;
  /** Queued articles due at `now`, in queue order (by `orderKey`, else the time queued; then as queued). */
  dueQueue(now: string, limit: number): Promise<QueueItem[]>;
  /** Articles and addresses in the queue (due now or waiting for a retry). */
  queueSize(): Promise<number>;
  /** The time the next queued article is due, or null when the queue is empty. */
  nextQueuedAt(): Promise<string | null>;
  /** Records a failed attempt: retried at `retryAt`, or given up (removed and recorded as the feed's failure). */
  failQueued(failure: QueueFailure): Promise<void>;
  /** The given-up failure of an address with this signature, if any (so that it is not queued again unchanged). */
  hasFailed(urlKey: string, signature: string): Promise<boolean>;
  /** Addresses of these keys that are queued. */
  queuedKeys(urlKeys: readonly string[]): Promise<Set<string>>;

  // Articles
  /** What is stored under these address keys (articles and aliases). */
  findAddresses(urlKeys: readonly string[]): Promise<Map<string, KnownAddress>>;
  /** The article one of whose versions has this cleaned-text hash, or null. */
  findByContentHash(contentHash: string): Promise<string | null>;
  /** The current version of an article: its number, text hash and headline; null when there is no such article. */
  currentVersion(articleId: string): Promise<{ version: number; contentHash: string; title: string | null } | null>;
  /** Whether an article id is taken. */
  articleIdTaken(id: string): Promise<boolean>;
  /** Stores a new article, its first version and its story assignment (with the story's changes), together. */
  ingestArticle(ingest: ArticleIngest): Promise<void>;
  /** Stores a new version of an article and marks its story changed, together; returns the version's number. */
  appendVersion(append: VersionAppend): Promise<number>;
  /** Records an unchanged revisit. */
  recordRevisit(revisit: RevisitRecord): Promise<void>;
  /** Records an address as a duplicate of a stored article. */
  recordDuplicate(duplicate: DuplicateRecord): Promise<void>;
  getArticle(id: string): Promise<StreamArticleRecord | null>;
  getVersion(articleId: string, version: number): Promise<StoredVersion | null>;

  // Clustering
  /** The highest `seq` stored (0 for an empty stream). */
  lastSeq(): Promise<number>;
  /** Articles as the clusterer saw them, with `seq` in `(afterSeq, upToSeq]`, in order, at most `limit`. */
  clusterInputs(afterSeq: number, upToSeq: number, limit: number): Promise<ClusterInput[]>;
  saveCheckpoint(checkpoint: StreamCheckpoint): Promise<void>;
  loadCheckpoint(): Promise<StreamCheckpoint | null>;

  // Stories
  /** The story an id stands for now (merges followed), or null when no stream story had it. */
  resolveStory(id: string): Promise<string | null>;
  listStreamStories(query: {
    sort: StreamStorySort;
    limit: number;
    offset: number;
  }): Promise<{ stories: StreamStorySummary[]; total: number }>;
  getStreamStory(id: string): Promise<StreamStoryDetail | null>;
  /** Stories of at least `minArticles` whose report is older than their members, the longest waiting first. */
  dirtyStories(limit: number, minArticles: number): Promise<DirtyStory[]>;
  storySources(id: string): Promise<StreamStorySources | null>;
  /** Stores a report and publishes the story in the story library; false when the story is gone (merged away). */
  storeReport(report: StreamReport): Promise<boolean>;
  /** Every story of the library with its article ids, oldest first. */
  listAllStories(): Promise<StoryListing[]>;

  // Lease
  /** Takes the lease when it is free, already ours, or held by `replaceOwner`; returns the holder after the call. */
  acquireLease(owner: string, at: string, options?: { replaceOwner?: string }): Promise<StreamLease>;
  /** Releases the lease if it is ours. */
  releaseLease(owner: string): Promise<void>;

  close(): Promise<void>;
}
