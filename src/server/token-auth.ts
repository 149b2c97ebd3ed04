import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { ApiError } from './api-error.js';
import { errorResponse } from './error-handler.js';

/** Shortest accepted token: long enough that guessing it over the network is hopeless. */
export const MIN_TOKEN_LENGTH = 16;
/** Longest accepted token (a header's worth). */
const MAX_TOKEN_LENGTH = 1024;
/** The characters of an RFC 6750 bearer token (token68): what a client can send without quoting. */
const TOKEN_SYNTAX = /^[A-Za-z0-9._~+/-]+=*$/;

/** Checks an operator's token; returns why it cannot be used, or null when it can. */
export function tokenProblem(token: string): string | null {
  if (token.length < MIN_TOKEN_LENGTH || token.length > MAX_TOKEN_LENGTH) {
    return `the token must be ${MIN_TOKEN_LENGTH} to ${MAX_TOKEN_LENGTH} characters long (try: openssl rand -hex 32)`;
  }
  if (!TOKEN_SYNTAX.test(token)) return 'the token may hold only letters, digits and . _ ~ + / - (then = signs)';
  return null;
}

/** Apps built with a token, so `startServer` can refuse to expose an app without one beyond loopback. */
const protectedApps = new WeakSet<object>();

/** Records that an app asks every API request for a token. */
export function markTokenProtected(app: object): void {
  protectedApps.add(app);
}

/** True when the app was built with a token. */
export function isTokenProtected(app: object): boolean {
  return protectedApps.has(app);
}

/** A 401 in the API's error format; bearerAuth adds the `WWW-Authenticate: Bearer ...` challenge. */
function unauthorized(message: string): (c: Context) => Response {
  return (c) => errorResponse(c, new ApiError(401, 'unauthorized', message));
}

/** True for the one API request that needs no token: the liveness check, so monitors need no secret. */
function isHealthCheck(c: Context): boolean {
  return (c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.path === '/api/health';
}

/**
 * Asks every API request but `GET /api/health` for `Authorization: Bearer TOKEN`, compared in constant time (Hono's
 * bearerAuth). Missing, malformed and wrong tokens all get 401 with a `WWW-Authenticate: Bearer` challenge.
 * @throws Error when the token is not usable (see tokenProblem)
 */
export function tokenAuth(token: string): MiddlewareHandler {
  const problem = tokenProblem(token);
  if (problem !== null) throw new Error(`token: ${problem}`);
  const check = bearerAuth({
    token,
    noAuthenticationHeader: {
      message: unauthorized('this server needs an access token: send "Authorization: Bearer <token>"'),
    },
    invalidAuthenticationHeader: {
      message: unauthorized('the Authorization header is not "Bearer <token>" with a well-formed token'),
    },
    invalidToken: { message: unauthorized('the access token is wrong') },
  });
  return function requireToken(c, next) {
    return isHealthCheck(c) ? next() : check(c, next);
  };
}
