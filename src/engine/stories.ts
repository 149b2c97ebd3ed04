import { randomUUID } from 'node:crypto';
import { shortHash } from '../core/hash.js';
import type { ArticleText } from '../core/light-report.js';
import type { InputFailure, RawArticle, Report } from '../core/model.js';
import { articleFromObject } from './inputs/article-object.js';
import {
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  readUploadedFile,
  readUrl,
  type InputResult,
} from './inputs/index.js';
import { mergeResults } from './inputs/result.js';
import { parseAddressRanges } from './net/address-policy.js';
import {
  StoryChangedError,
  type ListedStory,
  type SearchHit,
  type StoryListQuery,
  type StoryRecord,
  type StoryRepository,
  type StorySources,
  type StoredReport,
} from './storage/story-repository.js';
import { packageVersion } from './version.js';
import type { AnalysisPool } from './workers/analysis-pool.js';
import { sharedAnalysisPool } from './workers/shared-pool.js';

/** Default limit of articles in one story (inputs of one request count against it too). */
export const DEFAULT_MAX_ARTICLES_PER_STORY = 50;

/** What a caller gives to create a story or add to one; every list is optional but one input is needed. */
export interface StoryInput {
  title?: string;
  /** Article objects `{text|html, title?, url?, outlet?, byline?, publishedAt?}`, validated here. */
  articles?: readonly unknown[];
  /** Pasted article texts, one article each. */
  texts?: readonly string[];
  /** http(s) URLs of article pages, fetched. */
  urls?: readonly string[];
  /** Uploaded files by name and bytes (never a path): the extension picks the format. */
  files?: readonly { name: string; bytes: Uint8Array }[];
  /** ISO date used to resolve relative dates; kept with the story for later re-analysis. */
  referenceDate?: string;
}

/** Limits of the story service, with their defaults. */
export interface StoryLimits {
  /** Most articles one story may hold (default 50). */
  maxArticlesPerStory: number;
  /** Size limit of one article input in bytes (default 5 MB, as for the CLI). */
  maxArticleBytes: number;
  /** Time limit of one URL fetch in milliseconds (default 15 s). */
  fetchTimeoutMs: number;
}

/** How the story service is wired: the library, limits, and the clock and id source (injectable for tests). */
export interface StoryServiceOptions {
  repo: StoryRepository;
  limits?: Partial<StoryLimits>;
  /** The generator version written into reports. */
  version?: string;
  /** Where analysis runs: worker threads under budgets (default: the shared pool with the default budgets). */
  pool?: AnalysisPool;
  now?: () => Date;
  newId?: () => string;
  /** Fetch URLs on private, loopback and other non-public addresses too (default false: they are refused). */
  allowPrivateUrls?: boolean;
  /** Non-public addresses or CIDR ranges that may be fetched all the same (default none). */
  allowPrivateRanges?: readonly string[];
}

/** A story with its current report and the inputs of the request that could not be read. */
export interface StoryResult {
  story: StoryRecord;
  report: Report;
  failures: InputFailure[];
}

/** The story asked for does not exist. */
export class StoryNotFoundError extends Error {
  /** @param storyId the id that was asked for */
  constructor(readonly storyId: string) {
    super(`no story with id "${storyId}"`);
    this.name = 'StoryNotFoundError';
  }
}

/** None of the inputs of a request could be read (or none was given): nothing was stored. */
export class NoReadableArticlesError extends Error {
  /** @param failures why each input could not be read */
  constructor(
    message: string,
    readonly failures: InputFailure[],
  ) {
    super(message);
    this.name = 'NoReadableArticlesError';
  }
}

/** The request would put more articles into a story than the limit allows: nothing was stored. */
export class TooManyArticlesError extends Error {
  /** @param limit the configured maximum */
  constructor(readonly limit: number) {
    super(`a story holds at most ${limit} articles`);
    this.name = 'TooManyArticlesError';
  }
}

/** A stable hash of a set of raw inputs, to tell whether the same inputs are already stored. */
export function fingerprintArticles(articles: readonly RawArticle[]): string {
  const keys = articles.map((a) => `${a.id}\u0000${a.format}\u0000${a.content}`).sort();
  return shortHash(keys.join('\u0001'));
}

/** The default limits with the caller's overrides. */
export function resolveStoryLimits(limits: Partial<StoryLimits> = {}): StoryLimits {
  return {
    maxArticlesPerStory: limits.maxArticlesPerStory ?? DEFAULT_MAX_ARTICLES_PER_STORY,
    maxArticleBytes: limits.maxArticleBytes ?? DEFAULT_MAX_BYTES,
    fetchTimeoutMs: limits.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
  };
}

/** Create, extend, re-analyze, read, list, search and delete stories: the engine behind the HTTP API. */
export class StoryService {
  /** The limits in force. */
  readonly limits: StoryLimits;
  private readonly repo: StoryRepository;
  private readonly version: string;
  private readonly pool: AnalysisPool;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly urlAccess: { allowPrivateUrls: boolean; allowPrivateRanges: readonly string[] };

  /** Wires the service to a story library (throws a TypeError for an invalid address range). */
  constructor(options: StoryServiceOptions) {
    this.repo = options.repo;
    const allowPrivateRanges = options.allowPrivateRanges ?? [];
    parseAddressRanges(allowPrivateRanges);
    this.urlAccess = { allowPrivateUrls: options.allowPrivateUrls ?? false, allowPrivateRanges };
    this.limits = resolveStoryLimits(options.limits);
    this.version = options.version ?? packageVersion();
    this.pool = options.pool ?? sharedAnalysisPool();
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomUUID().replace(/-/g, '').slice(0, 16));
  }

  /** Reads the inputs, analyzes them and stores a new story; unreadable inputs come back as failures. */
  async create(input: StoryInput): Promise<StoryResult> {
    this.checkCount(countInputs(input), 0);
    const read = await this.readInputs(input);
    return this.createFromArticles(read.articles, read.failures, input);
  }

  /** Analyzes raw articles read elsewhere (e.g. a folder) and stores them as a new story. */
  async createFromArticles(
    articles: readonly RawArticle[],
    inputFailures: readonly InputFailure[],
    options: { title?: string; referenceDate?: string } = {},
  ): Promise<StoryResult> {
    const { raws, repeats } = uniqueIds(articles, []);
    this.checkCount(raws.length, 0);
    const id = this.newId();
    const referenceDate = options.referenceDate ?? null;
    const failed = [...inputFailures, ...repeats];
    const { report, kept, failures } = await this.analyzeNew(id, [], raws, referenceDate, failed);
    const at = this.now().toISOString();
    const story = await this.repo.createStory({
      id,
      title: options.title?.trim() || report.story.title || 'Untitled story',
      fingerprint: fingerprintArticles(kept),
      createdAt: at,
      referenceDate,
      articles: kept,
      analysis: { report, generatedAt: at },
    });
    return { story, report, failures };
  }

  /** Adds articles to a story and replaces its report, recomputed over all of its articles, in one write. */
  async addArticles(storyId: string, input: StoryInput): Promise<StoryResult> {
    // Cheap checks first (the story exists, the count fits) so that a bad request fetches no URL.
    const existing = await this.repo.getStory(storyId);
    if (!existing) throw new StoryNotFoundError(storyId);
    this.checkCount(countInputs(input), existing.articleCount);
    const read = await this.readInputs(input);
    return this.retryOnChange(async () => {
      const sources = await this.requireSources(storyId);
      const { raws, repeats } = uniqueIds(read.articles, sources.articles);
      this.checkCount(raws.length, sources.articles.length);
      const referenceDate = input.referenceDate ?? sources.referenceDate;
      const failed = [...read.failures, ...repeats];
      const { report, kept, failures } = await this.analyzeNew(storyId, sources.articles, raws, referenceDate, failed);
      const at = this.now().toISOString();
      const story = await this.repo.appendArticles({
        storyId,
        expectedRevision: sources.revision,
        articles: kept,
        fingerprint: fingerprintArticles([...sources.articles, ...kept]),
        updatedAt: at,
        referenceDate,
        analysis: { report, generatedAt: at },
      });
      if (!story) throw new StoryNotFoundError(storyId);
      return { story, report, failures };
    });
  }

  /** Recomputes a story's report from its stored articles (e.g. after a Parallax upgrade) and replaces it. */
  async reanalyze(storyId: string): Promise<StoryResult> {
    return this.retryOnChange(async () => {
      const sources = await this.requireSources(storyId);
      const report = await this.analyze(storyId, sources.articles, sources.referenceDate);
      const at = this.now().toISOString();
      const story = await this.repo.replaceAnalysis({
        storyId,
        expectedRevision: sources.revision,
        updatedAt: at,
        analysis: { report, generatedAt: at },
      });
      if (!story) throw new StoryNotFoundError(storyId);
      return { story, report, failures: report.failures };
    });
  }

  /** The story record, or null. */
  getStory(storyId: string): Promise<StoryRecord | null> {
    return this.repo.getStory(storyId);
  }

  /** The story with its stored report as serialized JSON (served without parsing; `light`: without texts), or null. */
  getStoryReport(storyId: string, options: { light?: boolean } = {}): Promise<StoredReport | null> {
    return this.repo.getStoryReport(storyId, options);
  }

  /** One article's cleaned text and what cleaning removed, or null. */
  getArticleText(storyId: string, articleId: string): Promise<ArticleText | null> {
    return this.repo.getArticleText(storyId, articleId);
  }

  /** The story with the same stored inputs, if any (used to skip re-importing unchanged inputs). */
  findByFingerprint(fingerprint: string): Promise<StoryRecord | null> {
    return this.repo.findByFingerprint(fingerprint);
  }

  /** A page of stories with their digests, most recently updated (or biggest) first. */
  list(query: StoryListQuery): Promise<{ stories: ListedStory[]; total: number }> {
    return this.repo.listStories(query);
  }

  /** Full-text search over article titles/texts and fact statements. */
  search(q: string, limit: number): Promise<SearchHit[]> {
    return this.repo.search(q, limit);
  }

  /** Deletes a story with its articles and report. */
  async delete(storyId: string): Promise<void> {
    if (!(await this.repo.deleteStory(storyId))) throw new StoryNotFoundError(storyId);
  }

  /**
   * Runs a read-analyze-write of one story again when another write got in between (the repository refuses a report
   * computed from an older revision), so concurrent additions never leave a report that misses articles.
   */
  private async retryOnChange<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (!(error instanceof StoryChangedError) || attempt >= attempts) throw error;
      }
    }
  }

  private async requireSources(storyId: string): Promise<StorySources> {
    const sources = await this.repo.getSources(storyId);
    if (!sources) throw new StoryNotFoundError(storyId);
    return sources;
  }

  private checkCount(incoming: number, stored: number): void {
    if (incoming + stored > this.limits.maxArticlesPerStory) {
      throw new TooManyArticlesError(this.limits.maxArticlesPerStory);
    }
  }

  /** The report of the story's articles, analyzed on the pool (rejects with JobStoppedError past a budget). */
  private analyze(storyId: string, raws: readonly RawArticle[], referenceDate: string | null): Promise<Report> {
    return this.pool.analyzeStory(raws, {
      storyId,
      version: this.version,
      ...(referenceDate ? { referenceDate } : {}),
    });
  }

  /**
   * Analyzes the stored articles with the new ones. New inputs the reader rejects are not stored, and the report is then
   * recomputed without them so that it is exactly what a later re-analysis of the stored articles gives.
   */
  private async analyzeNew(
    storyId: string,
    stored: readonly RawArticle[],
    incoming: readonly RawArticle[],
    referenceDate: string | null,
    inputFailures: readonly InputFailure[],
  ): Promise<{ report: Report; kept: RawArticle[]; failures: InputFailure[] }> {
    const first = await this.analyze(storyId, [...stored, ...incoming], referenceDate);
    const readIds = new Set(first.articles.map((a) => a.id));
    const kept = incoming.filter((raw) => readIds.has(raw.id));
    const failures = [...inputFailures, ...first.failures.filter((f) => incoming.some((r) => r.source === f.source))];
    if (kept.length === 0) {
      const message =
        incoming.length + inputFailures.length === 0 ? 'no article given' : 'none of the new articles could be read';
      throw new NoReadableArticlesError(message, failures);
    }
    const report =
      kept.length === incoming.length ? first : await this.analyze(storyId, [...stored, ...kept], referenceDate);
    return { report, kept, failures };
  }

  /** Reads every input of a request into raw articles; bad inputs become failures, never exceptions. */
  private async readInputs(input: StoryInput): Promise<InputResult> {
    const maxBytes = this.limits.maxArticleBytes;
    const objects = [
      ...(input.articles ?? []).map((value, i) => ({ value, source: `articles#${i + 1}` })),
      ...(input.texts ?? []).map((text, i) => ({ value: { text }, source: `text#${i + 1}` })),
    ].map(({ value, source }) => articleFromObject(value, { source, maxBytes }));
    const fromObjects: InputResult = {
      articles: objects.flatMap((r) => (r.ok ? [r.value] : [])),
      failures: objects.flatMap((r) => (r.ok ? [] : [r.failure])),
      notes: [],
    };
    const fromFiles = (input.files ?? []).map((file) => readUploadedFile(file.name, file.bytes, { maxBytes }));
    const fromUrls = await Promise.all(
      (input.urls ?? []).map((url) =>
        readUrl(url, { maxBytes, fetchTimeoutMs: this.limits.fetchTimeoutMs, ...this.urlAccess }),
      ),
    );
    return mergeResults([fromObjects, ...fromFiles, ...fromUrls]);
  }
}

/** How many inputs a request names before reading (a JSON file may still hold several articles). */
function countInputs(input: StoryInput): number {
  return (
    (input.articles?.length ?? 0) + (input.texts?.length ?? 0) + (input.urls?.length ?? 0) + (input.files?.length ?? 0)
  );
}

/**
 * Gives every new article an id unused in the story: an input identical to one already there (same id, same content)
 * is dropped as a repeat; a different input with a taken id gets a numbered suffix.
 */
function uniqueIds(
  incoming: readonly RawArticle[],
  stored: readonly RawArticle[],
): { raws: RawArticle[]; repeats: InputFailure[] } {
  const taken = new Map(stored.map((a) => [a.id, a.content]));
  const raws: RawArticle[] = [];
  const repeats: InputFailure[] = [];
  for (const raw of incoming) {
    if (taken.get(raw.id) === raw.content) {
      const message = `${raw.source}: the same article (${raw.id}) is already in the story`;
      repeats.push({ source: raw.source, code: 'duplicate', message });
      continue;
    }
    let id = raw.id;
    for (let n = 2; taken.has(id); n++) id = `${raw.id}-${n}`;
    taken.set(id, raw.content);
    raws.push(id === raw.id ? raw : { ...raw, id });
  }
  return { raws, repeats };
}
