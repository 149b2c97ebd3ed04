/** The typed client of the Parallax HTTP API (see the API contract); the only module that calls `fetch`. */
import type { ArticleText, LightReport } from '../../src/core/light-report.js';
import { isFailureCode, type InputFailure, type Report } from '../../src/core/model.js';
import type { CoverageSplit } from '../../src/core/stream/coverage-split.js';
import type { StoryLeadEntity } from '../../src/core/stream/lead-entities.js';
import type { StreamMember } from '../../src/core/stream/stream-member.js';
import type { StoryCoverage } from './lean.js';
import { forgetToken, storedToken, storeToken } from './token-store.js';

/** A story as the API gives it. */
export interface StorySummary {
  id: string;
  title: string | null;
  articleCount: number;
  createdAt: string;
  updatedAt: string;
  /** `stream`: found by the stream (its articles' arrival and reasons are in `GET /api/stream/stories/:id`). */
  kind?: 'stream' | 'manual';
}

/** A story of the list, with what the server keeps of its report for the list. */
export interface ListedStory extends StorySummary {
  outletCount: number;
  /** Each outlet once with its number of articles, in order of first article. */
  outlets: { name: string; articles: number }[];
  lede: string | null;
  leadEntities: StoryLeadEntity[];
  /** The outlets by lean, when the server has the user's outlet ratings. */
  coverage?: CoverageSplit;
}

/** Sort orders of the story list. */
export type StorySort = 'updated' | 'size';

/** `GET /api/stories` */
export interface StoryList {
  stories: ListedStory[];
  total: number;
}

/** `GET /api/stories/:id?texts=0`: the report without article texts (each is fetched when it is needed). */
export interface StoryWithReport {
  story: StorySummary;
  report: LightReport;
  /** The story's outlets by lean and each rated article's lean, when the server has the user's outlet ratings. */
  coverage?: StoryCoverage | null;
}

/** `POST /api/stories` and `POST /api/stories/:id/articles`: the full report. */
export interface StoryWrite {
  story: StorySummary;
  report: Report;
  failures: InputFailure[];
}

/** One hit of `GET /api/search`. */
export interface SearchResult {
  storyId: string;
  storyTitle: string | null;
  kind: 'article' | 'fact';
  articleId?: string;
  factId?: string;
  snippet: string;
}

/** An error answer of the API (or of the network), with the failures it names when there are any. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly failures: InputFailure[] = [],
  ) {
    super(message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFailure(value: unknown): value is InputFailure {
  return (
    isRecord(value) &&
    typeof value.source === 'string' &&
    typeof value.message === 'string' &&
    isFailureCode(value.code)
  );
}

/** Finds input failures in an error's `details`, whichever shape the server chose (array or `{failures}`). */
function failuresIn(details: unknown): InputFailure[] {
  const list = Array.isArray(details) ? details : isRecord(details) ? details.failures : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(isFailure).map((f) => ({ source: f.source, code: f.code, message: f.message }));
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A non-JSON error body (e.g. from a proxy): fall back to the status text.
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : `http-${response.status}`;
  const message = typeof error.message === 'string' ? error.message : response.statusText || 'Request failed';
  const failures = [...failuresIn(error.details), ...(isRecord(body) ? failuresIn(body.failures) : [])];
  return new ApiError(response.status, code, message, failures);
}

/**
 * Asks the reader for the server's access token: `rejected` says the last one was refused. Resolves to the token, or
 * null when the reader declines.
 */
export type TokenPrompt = (rejected: boolean) => Promise<string | null>;

let tokenPrompt: TokenPrompt | null = null;
/** The prompt on screen, shared by every request refused meanwhile, so the reader is asked once. */
let openPrompt: Promise<string | null> | null = null;

/** Sets how the page asks for the token when the server answers 401 (without one, a 401 is an error like any other). */
export function setTokenPrompt(prompt: TokenPrompt): void {
  tokenPrompt = prompt;
}

function askForToken(rejected: boolean): Promise<string | null> {
  if (!tokenPrompt) return Promise.resolve(null);
  openPrompt ??= tokenPrompt(rejected).finally(() => {
    openPrompt = null;
  });
  return openPrompt;
}

async function send(path: string, init: RequestInit, token: string | null): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  try {
    return await fetch(path, { ...init, headers });
  } catch (err) {
    throw new ApiError(0, 'network', `The server could not be reached (${String(err)}).`);
  }
}

/**
 * Sends a request with the stored token. On 401 it asks the reader for a token (once for all requests waiting),
 * keeps it and sends the request again; a refused token is forgotten and asked for again, until the reader declines.
 */
async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let token = storedToken();
  let response = await send(path, init, token);
  while (response.status === 401 && tokenPrompt) {
    if (token !== null && storedToken() === token) forgetToken();
    // Another request may have stored a good token meanwhile: try it before asking.
    const next = storedToken() ?? (await askForToken(token !== null));
    if (next === null) break;
    storeToken(next);
    token = next;
    response = await send(path, init, token);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Lists stories, optionally filtered by a query: the latest update first, or the biggest. */
export function listStories(
  options: { q?: string; sort?: StorySort; limit?: number; offset?: number } = {},
): Promise<StoryList> {
  return request(`/api/stories${query(options)}`);
}

/** Full-text search over articles and facts. */
export async function search(q: string): Promise<SearchResult[]> {
  const body = await request<{ results: SearchResult[] }>(`/api/search${query({ q })}`);
  return body.results;
}

/**
 * Loads one story with its report, without the article texts. The id of a merged stream story leads to the story it
 * is part of now (the server answers 308 and the browser follows): compare the answer's `story.id`.
 */
export function getStory(id: string): Promise<StoryWithReport> {
  return request(`/api/stories/${encodeURIComponent(id)}?texts=0`);
}

/** One article's cleaned text and what cleaning removed. */
export function getArticleText(storyId: string, articleId: string): Promise<ArticleText> {
  return request(`/api/stories/${encodeURIComponent(storyId)}/articles/${encodeURIComponent(articleId)}`);
}

/** Creates a story from a multipart form (fields `title`, `text`, `urls`, `files`, `referenceDate`). */
export function createStory(form: FormData): Promise<StoryWrite> {
  return request('/api/stories', { method: 'POST', body: form });
}

/** Adds articles to a story; the report is recomputed over all its articles. */
export function addArticles(id: string, form: FormData): Promise<StoryWrite> {
  return request(`/api/stories/${encodeURIComponent(id)}/articles`, { method: 'POST', body: form });
}

/** Deletes a story. */
export function deleteStory(id: string): Promise<void> {
  return request(`/api/stories/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** An article of a stream story, with why it is there (`GET /api/stream/stories/:id`). */
export type { StreamMember };

/** A stream story's articles in arrival order, and the stories merged into it. */
export interface StreamStory {
  story: { id: string; title: string };
  members: StreamMember[];
  mergedFrom: string[];
}

/** The articles of a story the stream found, in arrival order with the reason of each. */
export function getStreamStory(id: string): Promise<StreamStory> {
  return request(`/api/stream/stories/${encodeURIComponent(id)}`);
}

/** A sentence of one version: offsets into that version's cleaned text, and its words. */
export interface DiffSentence {
  start: number;
  end: number;
  text: string;
}

/** Figures or quotes only in the older version, and only in the newer one. */
export interface ChangedValues {
  before: string[];
  after: string[];
}

/** What changed from one version of an article to another (the server's `diffVersions`, docs/api.md). */
export interface VersionDiff {
  headline: { before: string | null; after: string | null } | null;
  added: DiffSentence[];
  removed: DiffSentence[];
  changed: {
    before: DiffSentence;
    after: DiffSentence;
    similarity: number;
    figures: ChangedValues;
    quotes: ChangedValues;
  }[];
  figures: ChangedValues;
  quotes: ChangedValues;
  unchanged: number;
  rewritten: boolean;
}

/** One side of a version diff. */
export interface DiffSide {
  version: number;
  fetchedAt: string;
  title: string | null;
}

/** `GET /api/articles/:id/diff`: what changed between two versions of an article. */
export interface ArticleDiff {
  articleId: string;
  from: DiffSide;
  to: DiffSide;
  diff: VersionDiff;
}

/** What changed in an article between two versions (default: the latest against the one before). */
export function getArticleDiff(articleId: string, versions: { from?: number; to?: number } = {}): Promise<ArticleDiff> {
  return request(`/api/articles/${encodeURIComponent(articleId)}/diff${query(versions)}`);
}

/** A feed with its record, as `GET /api/feeds` lists it. */
export interface Feed {
  id: string;
  url: string;
  title: string | null;
  addedAt: string;
  status: 'new' | 'ok' | 'failing';
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastChangeAt: string | null;
  lastError: { at: string; code: string; message: string } | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  articles: number;
  queued: number;
  failedArticles: number;
  lastArticleError: { at: string; url: string | null; code: string; message: string } | null;
}

/** The feeds the server's stream follows. */
export async function listFeeds(): Promise<Feed[]> {
  return (await request<{ feeds: Feed[] }>('/api/feeds')).feeds;
}

/** Adds a feed (polled by the stream's watcher, not by this request); `added` is false when it was there already. */
export async function addFeed(url: string, title?: string): Promise<{ feed: Feed; added: boolean }> {
  const body = JSON.stringify(title ? { url, title } : { url });
  const answer = await request<{ added: Feed[]; existing: Feed[] }>('/api/feeds', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const added = answer.added[0];
  const feed = added ?? answer.existing[0];
  if (!feed) throw new ApiError(500, 'unexpected', 'The server did not say which feed it stored.');
  return { feed, added: added !== undefined };
}

/** Stops following a feed (its stored articles stay). */
export function removeFeed(id: string): Promise<void> {
  return request(`/api/feeds/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
