/** The typed client of the Parallax HTTP API (see the API contract); the only module that calls `fetch`. */
import type { InputFailure, Report } from '../../src/core/model.js';

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

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (err) {
    throw new ApiError(0, 'network', `The server could not be reached (${String(err)}).`);
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
