import type { Context, TypedResponse } from 'hono';
import { gzipOf, type CachedBody } from './report-cache.js';

/** A cached JSON answer, typed by the value it serializes (for the typed client), or a 304. */
export type CachedJsonResponse<T> = Response & (TypedResponse<T, 200, 'json'> | TypedResponse<null, 304, 'body'>);

/**
 * Sends a cached JSON body: 304 when the client has this version, gzip when the client accepts it. `T` is the type of
 * the value the body serializes: the caller, who built the body, vouches for it.
 */
export function sendCachedJson<T>(c: Context, entry: CachedBody): CachedJsonResponse<T> {
  return cachedAnswer(c, entry) as CachedJsonResponse<T>;
}

function cachedAnswer(c: Context, entry: CachedBody): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=UTF-8',
    ETag: entry.etag,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
  if (/\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) {
    return c.body(gzipOf(entry), 200, { ...headers, 'Content-Encoding': 'gzip' });
  }
  return c.body(entry.body, 200, headers);
}
