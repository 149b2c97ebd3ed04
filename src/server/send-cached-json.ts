import type { Context } from 'hono';
import { gzipOf, type CachedBody } from './report-cache.js';

/** Sends a cached JSON body: 304 when the client has this version, gzip when the client accepts it. */
export function sendCachedJson(c: Context, entry: CachedBody): Response {
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
