import type { ArticleText } from '../../core/light-report.js';
import type { RawArticle, Report } from '../../core/model.js';
import type { StoryDigest } from '../../core/story-digest.js';

/** A story as listed and returned by the API (no articles, no report). */
export interface StoryRecord {
  id: string;
  title: string;
  articleCount: number;
  /** ISO 8601 date-time, set by the engine when the story was created. */
  createdAt: string;
  /** ISO 8601 date-time of the last change (articles added, report recomputed). */
  updatedAt: string;
  /** `stream`: a story the stream found (its members and their reasons are in the stream); `manual`: made by hand. */
  kind: 'stream' | 'manual';
}

/** A story as listed: the record and what the list shows of its report (null when it has none yet). */
export interface ListedStory extends StoryRecord {
  digest: StoryDigest | null;
}

/** A story with its stored report, serialized. */
export interface StoredReport {
  story: StoryRecord;
  /** The report JSON as stored (served without parsing): in full, or without article texts when asked. */
  reportJson: string;
  digest: StoryDigest | null;
}

/** A computed report as stored: the report plus when the engine generated it. */
export interface StoredAnalysis {
  report: Report;
  /** ISO 8601 date-time passed in by the engine (core reads no clock). */
  generatedAt: string;
}

/** Everything needed to create a story in one write. */
export interface NewStory {
  id: string;
  title: string;
  /** A hash of the stored raw inputs, used to tell whether the same inputs are already stored. */
  fingerprint: string;
  createdAt: string;
  /** The caller's reference date for relative dates, kept for re-analysis (null: from the articles). */
  referenceDate: string | null;
  articles: readonly RawArticle[];
  analysis: StoredAnalysis;
}

/** New articles for an existing story plus the report recomputed over all of its articles. */
export interface ArticleAppend {
  storyId: string;
  /** The story revision the report was computed from; another write since then makes this one fail. */
  expectedRevision: number;
  articles: readonly RawArticle[];
  fingerprint: string;
  updatedAt: string;
  referenceDate: string | null;
  analysis: StoredAnalysis;
}

/** A recomputed report replacing the stored one (the articles stay as they are). */
export interface AnalysisReplacement {
  storyId: string;
  /** The story revision the report was computed from; another write since then makes this one fail. */
  expectedRevision: number;
  updatedAt: string;
  analysis: StoredAnalysis;
}

/** The inputs of a story's analysis as stored. */
export interface StorySources {
  articles: RawArticle[];
  referenceDate: string | null;
  /** Counts the story's writes: a report computed from these sources may replace the stored one only at this revision. */
  revision: number;
}

/** The story was written by someone else between reading its sources and writing a report computed from them. */
export class StoryChangedError extends Error {
  /** @param storyId the story that changed */
  constructor(readonly storyId: string) {
    super(`story ${storyId} changed while its report was being computed`);
    this.name = 'StoryChangedError';
  }
}

/** Sort orders of the story list: the latest update first, or the most articles first (then the latest). */
export type StoryListSort = 'updated' | 'size';

/** Paging and filtering for the story list. */
export interface StoryListQuery {
  /** Free text: keeps stories whose title, articles or facts match. */
  q?: string;
  /** Default `updated`. */
  sort?: StoryListSort;
  limit: number;
  offset: number;
}

/** One full-text search hit, in an article (title/text) or in a fact statement. */
export interface SearchHit {
  storyId: string;
  storyTitle: string;
  kind: 'article' | 'fact';
  articleId?: string;
  factId?: string;
  /** Plain text around the match (no markup), with "…" where it was cut. */
  snippet: string;
}

/**
 * The story library: stories, their raw articles (as received) and the current report.
 * Every method that writes is one transaction: it either happens completely or not at all.
 * Asynchronous so that a client/server database (PostgreSQL) can implement it beside SQLite.
 */
export interface StoryRepository {
  /** Stores a new story with its articles and report. */
  createStory(story: NewStory): Promise<StoryRecord>;
  /** Adds articles to a story and replaces its report; null when the story does not exist; StoryChangedError. */
  appendArticles(append: ArticleAppend): Promise<StoryRecord | null>;
  /** Replaces a story's report (keeping its articles); null when the story does not exist; StoryChangedError. */
  replaceAnalysis(replacement: AnalysisReplacement): Promise<StoryRecord | null>;
  /** The story, or null. */
  getStory(id: string): Promise<StoryRecord | null>;
  /** What the story's report is computed from: its raw articles in the order added, and its reference date. */
  getSources(id: string): Promise<StorySources | null>;
  /**
   * The story with its stored report as serialized JSON (served as is, without parsing) and its digest, read
   * together; `light`: the report without article texts (`LightReport`). Null when there is no such story or report.
   */
  getStoryReport(id: string, options?: { light?: boolean }): Promise<StoredReport | null>;
  /** One article's cleaned text and what cleaning removed, as the stored report read them; or null. */
  getArticleText(storyId: string, articleId: string): Promise<ArticleText | null>;
  /** The most recently updated story whose stored inputs have this fingerprint, or null. */
  findByFingerprint(fingerprint: string): Promise<StoryRecord | null>;
  /** A page of stories (most recently updated first, or biggest first) with their digests, and the total that match. */
  listStories(query: StoryListQuery): Promise<{ stories: ListedStory[]; total: number }>;
  /** Full-text search over article titles/texts and fact statements. */
  search(q: string, limit: number): Promise<SearchHit[]>;
  /** Deletes the story with its articles and report; false when it did not exist. */
  deleteStory(id: string): Promise<boolean>;
  /** Releases the connection. */
  close(): Promise<void>;
}
