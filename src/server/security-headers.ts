import type { MiddlewareHandler } from 'hono';

/** The Content-Security-Policy of the contract: nothing but the server's own scripts, styles and images. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
  "base-uri 'none'; frame-ancestors 'none'";

/**
 * Sends the CSP and `nosniff` on every response. Setting them on JSON too costs nothing and means no HTML response
 * (static page, error page, fallback) can ever go out without them.
 */
export function securityHeaders(): MiddlewareHandler {
  return async function setSecurityHeaders(c, next) {
    await next();
    c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
  };
}
