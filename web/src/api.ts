/**
 * The typed client of the Parallax HTTP API: Hono's client over the server's own app type (`AppType`), so every
 * route, parameter and answer is the server's declaration, not a copy. The only module that calls `fetch`.
 */
import { hc, type ClientResponse, type InferResponseType } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { LightReport } from '../../src/core/light-report.js';
import { isFailureCode, type InputFailure } from '../../src/core/model.js';
import type { ApiErrorBody, ApiErrorCode } from '../../src/server/api-error.js';
import type { AppType } from '../../src/server/app.js';
import type { StoryReportView } from '../../src/server/story-views.js';
import { forgetToken, storedToken, storeToken } from './token-store.js';

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

/** What the page says went wrong besides the server's own codes: no answer, an answer not in the API's error shape. */
export type ClientErrorCode = ApiErrorCode | 'network' | 'unexpected' | `http-${number}`;

/** An error answer of the API (or of the network), with the failures it names when there are any. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly failures: InputFailure[] = [],
  ) {
    super(message);
  }
}

async function send(input: RequestInfo | URL, init: RequestInit | undefined, token: string | null): Promise<Response> {
  const headers = new Headers(init?.headers);
  headers.set('accept', 'application/json');
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  try {
    return await fetch(input, { ...init, headers });
  } catch (err) {
    throw new ApiError(0, 'network', `The server could not be reached (${String(err)}).`);
  }
}

/**
 * The client's `fetch`: sends with the stored token. On 401 it asks the reader for a token (once for all requests
 * waiting), keeps it and sends the request again; a refused token is forgotten and asked for again, until the reader
 * declines.
 */
async function authorizedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let token = storedToken();
  let response = await send(input, init, token);
  while (response.status === 401 && tokenPrompt) {
    if (token !== null && storedToken() === token) forgetToken();
    // Another request may have stored a good token meanwhile: try it before asking.
    const next = storedToken() ?? (await askForToken(token !== null));
    if (next === null) break;
    storeToken(next);
    token = next;
    response = await send(input, init, token);
  }
  return response;
}

/** The typed client of this server's API (same origin). */
const client = hc<AppType>('/', { fetch: authorizedFetch });
const api = client.api;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A failure as the server lists it (`{source, code, message}`); anything else in the list is left out. */
function isFailure(value: unknown): value is InputFailure {
  return (
    isRecord(value) &&
    typeof value.source === 'string' &&
    typeof value.message === 'string' &&
    isFailureCode(value.code)
  );
}

/** The error of an answer that is not ok: the server's `ApiErrorBody`, or the status when a proxy answered. */
async function toApiError(response: { status: number; statusText: string; json(): Promise<unknown> }) {
  const body: unknown = await response.json().catch(() => null);
  const error = isRecord(body) && isRecord(body.error) ? (body.error as Partial<ApiErrorBody['error']>) : {};
  const code = typeof error.code === 'string' ? error.code : (`http-${response.status}` as const);
  const message = typeof error.message === 'string' ? error.message : response.statusText || 'Request failed';
  const listed: unknown[] = Array.isArray(error.details?.failures) ? error.details.failures : [];
  const failures = listed.filter(isFailure).map((f) => ({ source: f.source, code: f.code, message: f.message }));
  return new ApiError(response.status, code, message, failures);
}

/** The JSON body of a typed answer's success statuses. */
type OkBody<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends 'json'
        ? T
        : never
      : never
    : never;

/** The body of a typed answer, or the API's error thrown. */
async function bodyOf<R extends ClientResponse<unknown>>(pending: Promise<R>): Promise<OkBody<R>> {
  const response = await pending;
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as OkBody<R>;
}

/** Waits for an answer without a body (204), or throws the API's error. */
async function done(pending: Promise<ClientResponse<unknown>>): Promise<void> {
  const response = await pending;
  if (!response.ok) throw await toApiError(response);
}

/** Path parameters as the client puts them into the address: each one encoded (ids are untrusted text). */
function pathParams<K extends string>(params: Record<K, string>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(params) as K[]) out[key] = encodeURIComponent(params[key]);
  return out;
}

/** Query parameters as text, those without a value left out. */
function queryParams<K extends string>(
  params: Partial<Record<K, string | number | undefined>>,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [key, value] of Object.entries(params) as [K, string | number | undefined][])
    if (value !== undefined && value !== '') out[key] = String(value);
  return out;
}

/** `GET /api/stories` */
export type StoryList = InferResponseType<typeof api.stories.$get, 200>;
/** A story of the list, with what the server keeps of its report for the list. */
export type ListedStory = StoryList['stories'][number];
/** A story as the API gives it. */
export type StorySummary = StoryReportView['story'];
/** Sort orders of the story list. */
export type StorySort = 'updated' | 'size';
/** `GET /api/stories/:id?texts=0`: the report without article texts (each is fetched when it is needed). */
export type StoryWithReport = Omit<StoryReportView, 'report'> & { report: LightReport };
/** `POST /api/stories` and `POST /api/stories/:id/articles`: the full report. */
export type StoryWrite = InferResponseType<typeof api.stories.$post, 201>;
/** One hit of `GET /api/search`. */
export type SearchResult = InferResponseType<typeof api.search.$get, 200>['results'][number];
/** One article's cleaned text and what cleaning removed. */
export type ArticleText = InferResponseType<(typeof api.stories)[':id']['articles'][':articleId']['$get'], 200>;
/** A stream story's articles in arrival order, and the stories merged into it. */
export type StreamStory = InferResponseType<(typeof api.stream.stories)[':id']['$get'], 200>;
/** An article of a stream story, with why it is there (`GET /api/stream/stories/:id`). */
export type StreamMember = StreamStory['members'][number];
/** `GET /api/articles/:id/diff`: what changed between two versions of an article. */
export type ArticleDiff = InferResponseType<(typeof api.articles)[':id']['diff']['$get'], 200>;
/** What changed from one version of an article to another (the server's `diffVersions`, docs/api.md). */
export type VersionDiff = ArticleDiff['diff'];
/** A sentence of one version: offsets into that version's cleaned text, and its words. */
export type DiffSentence = VersionDiff['added'][number];
/** Figures or quotes only in the older version, and only in the newer one. */
export type ChangedValues = VersionDiff['figures'];
/** A feed with its record, as `GET /api/feeds` lists it. */
export type Feed = InferResponseType<typeof api.feeds.$get, 200>['feeds'][number];

/** Lists stories, optionally filtered by a query: the latest update first, or the biggest. */
export function listStories(
  options: { q?: string; sort?: StorySort; limit?: number; offset?: number } = {},
): Promise<StoryList> {
  return bodyOf(api.stories.$get({ query: queryParams(options) }));
}

/** Full-text search over articles and facts. */
export async function search(q: string): Promise<SearchResult[]> {
  return (await bodyOf(api.search.$get({ query: { q } }))).results;
}

/** True when a story's report is the light form (article texts left out), as `?texts=0` asks. */
function isLight(report: StoryReportView['report']): report is LightReport {
  return report.articles.every((a) => 'textLength' in a);
}

/**
 * Loads one story with its report, without the article texts. The id of a merged stream story leads to the story it
 * is part of now (the server answers 308 and the browser follows): compare the answer's `story.id`.
 */
export async function getStory(id: string): Promise<StoryWithReport> {
  const answer = await bodyOf(api.stories[':id'].$get({ param: pathParams({ id }), query: { texts: '0' } }));
  const { report } = answer;
  if (!isLight(report)) throw new ApiError(500, 'unexpected', 'The server sent the report with its texts.');
  return { ...answer, report };
}

/** One article's cleaned text and what cleaning removed. */
export function getArticleText(storyId: string, articleId: string): Promise<ArticleText> {
  return bodyOf(api.stories[':id'].articles[':articleId'].$get({ param: pathParams({ id: storyId, articleId }) }));
}

/** Creates a story from a multipart form (fields `title`, `text`, `urls`, `files`, `referenceDate`). */
export function createStory(form: FormData): Promise<StoryWrite> {
  // The form goes as it is (files included): the server reads and checks it (`readStoryInput`).
  return bodyOf(api.stories.$post(undefined, { init: { body: form } }));
}

/** Adds articles to a story; the report is recomputed over all its articles. */
export function addArticles(id: string, form: FormData): Promise<StoryWrite> {
  return bodyOf(api.stories[':id'].articles.$post({ param: pathParams({ id }) }, { init: { body: form } }));
}

/** Deletes a story. */
export function deleteStory(id: string): Promise<void> {
  return done(api.stories[':id'].$delete({ param: pathParams({ id }) }));
}

/** The articles of a story the stream found, in arrival order with the reason of each. */
export function getStreamStory(id: string): Promise<StreamStory> {
  return bodyOf(api.stream.stories[':id'].$get({ param: pathParams({ id }) }));
}

/** What changed in an article between two versions (default: the latest against the one before). */
export function getArticleDiff(articleId: string, versions: { from?: number; to?: number } = {}): Promise<ArticleDiff> {
  return bodyOf(api.articles[':id'].diff.$get({ param: pathParams({ id: articleId }), query: queryParams(versions) }));
}

/** The feeds the server's stream follows. */
export async function listFeeds(): Promise<Feed[]> {
  return (await bodyOf(api.feeds.$get())).feeds;
}

/** Adds a feed (polled by the stream's watcher, not by this request); `added` is false when it was there already. */
export async function addFeed(url: string, title?: string): Promise<{ feed: Feed; added: boolean }> {
  const body = JSON.stringify(title ? { url, title } : { url });
  const init = { headers: { 'content-type': 'application/json' }, body };
  const answer = await bodyOf(api.feeds.$post(undefined, { init }));
  const added = answer.added[0];
  const feed = added ?? answer.existing[0];
  if (!feed) throw new ApiError(500, 'unexpected', 'The server did not say which feed it stored.');
  return { feed, added: added !== undefined };
}

/** Stops following a feed (its stored articles stay). */
export function removeFeed(id: string): Promise<void> {
  return done(api.feeds[':id'].$delete({ param: pathParams({ id }) }));
}
