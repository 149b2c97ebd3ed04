import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';
import { requestHostOf } from './host-check.js';
import { sameHost } from './host-names.js';

/** Methods that change nothing: a browser may send them from any page, so they are not checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** `Sec-Fetch-Site` values of requests made by this server's own page or typed by the user. */
const OWN_SITE = new Set(['same-origin', 'none']);

/** Why a state-changing request is not from this server's own page, or null when nothing says it is not. */
function crossOriginReason(c: Context): string | null {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && !OWN_SITE.has(site.trim().toLowerCase())) {
    return `the browser says it comes from another site (Sec-Fetch-Site: ${site.slice(0, 40)})`;
  }
  const origin = c.req.header('origin');
  if (origin !== undefined && !isOwnOrigin(origin, c)) {
    return `it comes from the page of another origin (${JSON.stringify(origin.slice(0, 200))})`;
  }
  return null;
}

/**
 * True when an `Origin` names this server as the client reached it: http or https (a TLS proxy in front), the host of
 * the request's `Host` header (already checked against the allowed hosts) and the same port, defaults included.
 * `null` (sandboxed frames, privacy redirects) is never this server.
 */
function isOwnOrigin(origin: string, c: Context): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.replace(/\/$/, '')) return false;
  const host = requestHostOf(c);
  if (host === null) return false;
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  const originPort = url.port === '' ? defaultPort : Number(url.port);
  return sameHost(url.hostname, host.hostname) && originPort === (host.port ?? defaultPort);
}

/**
 * Refuses state-changing requests (every method but GET, HEAD and OPTIONS) that a browser marks as coming from
 * another page: `Sec-Fetch-Site` other than `same-origin`/`none`, or an `Origin` other than this server's. This stops
 * cross-site form posts of every content type (multipart, urlencoded, text/plain), and it runs before any body is
 * read. Requests with neither header (curl, scripts) pass; beyond loopback the token stops those.
 */
export function sameOriginCheck(): MiddlewareHandler {
  return async function checkSameOrigin(c, next) {
    if (!SAFE_METHODS.has(c.req.method)) {
      const reason = crossOriginReason(c);
      if (reason !== null) {
        throw new ApiError(403, 'cross-origin', `refused: ${reason}; only this server's own page may change data`);
      }
    }
    await next();
  };
}
