/** The typed client of the Parallax HTTP API (see the API contract); the only module that calls `fetch`. */
import type { InputFailure, Report } from '../../src/core/model.js';
import type { CoverageByLean } from './lean.js';
import { forgetToken, storedToken, storeToken } from './token-store.js';

/** A story as listed by the API. */
export interface StorySummary {
  id: string;
  title: string | null;
  articleCount: number;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/stories` */
export interface StoryList {
  stories: StorySummary[];
  total: number;
}

/** `GET /api/stories/:id` */
export interface StoryWithReport {
  story: StorySummary;
  report: Report;
  /** The story's outlets by lean, when the server has the user's outlet ratings. */
  coverage?: CoverageByLean | null;
}

/** `POST /api/stories` and `POST /api/stories/:id/articles` */
export interface StoryWrite extends StoryWithReport {
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
  return isRecord(value) && typeof value.source === 'string' && typeof value.message === 'string';
}

/** Finds input failures in an error's `details`, whichever shape the server chose (array or `{failures}`). */
function failuresIn(details: unknown): InputFailure[] {
  const list = Array.isArray(details) ? details : isRecord(details) ? details.failures : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .filter(isFailure)
    .map((f) => ({ source: f.source, code: String(f.code ?? 'failed'), message: f.message }));
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

/** Request headers with the stored access token, when there is one. */
function withToken(init: Record<string, string>): Headers {
  const headers = new Headers(init);
  const token = storedToken();
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  return headers;
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

/** Lists stories, optionally filtered by a query. */
export function listStories(options: { q?: string; limit?: number; offset?: number } = {}): Promise<StoryList> {
  return request(`/api/stories${query(options)}`);
}

/** Full-text search over articles and facts. */
export async function search(q: string): Promise<SearchResult[]> {
  const body = await request<{ results: SearchResult[] }>(`/api/search${query({ q })}`);
  return body.results;
}

/** Loads one story with its report. */
export function getStory(id: string): Promise<StoryWithReport> {
  return request(`/api/stories/${encodeURIComponent(id)}`);
}

/**
 * Loads one story for a preview in the list, or resolves to null when its answer is larger than `maxBytes` (read
 * bytes, stopped as soon as they pass it) or the request fails: a preview is worth a little transfer, never a huge
 * one. The answer stays in the browser's cache (the server sends an entity tag), so opening the story afterwards
 * costs a revalidation only.
 */
export async function getStoryPreview(id: string, maxBytes: number): Promise<StoryWithReport | null> {
  const controller = new AbortController();
  try {
    const response = await fetch(`/api/stories/${encodeURIComponent(id)}`, {
      headers: withToken({ accept: 'application/json' }),
      signal: controller.signal,
    });
    if (!response.ok || !response.body) {
      controller.abort();
      return null;
    }
    const decoder = new TextDecoder();
    let text = '';
    let size = 0;
    const reader = response.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.byteLength;
      if (size > maxBytes) {
        controller.abort();
        return null;
      }
      text += decoder.decode(part.value, { stream: true });
    }
    return JSON.parse(text + decoder.decode()) as StoryWithReport;
  } catch {
    return null;
  }
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
