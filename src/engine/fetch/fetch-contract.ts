/**
 * The contract of the one outbound request function, `safeFetch` (src/engine/net/safe-fetch.ts): the polite fetcher is
 * written against this shape and takes the function as an option, so that it can be tested against a local server
 * and so that every request it makes goes through the address checks of the real one.
 */
import { FETCH_ERROR_CODES, type FetchErrorCode } from '../net/fetch-error.js';
import type { SafeFetchOptions, SafeFetchResult } from '../net/safe-fetch.js';

/** Options of one outbound request (as `safeFetch` takes them; the polite fetcher always GETs the body). */
export type OutboundOptions = Omit<SafeFetchOptions, 'method' | 'wantBody'>;

/** The final response of a request: any status is a response; only failures to get one throw. */
export type OutboundResponse = SafeFetchResult;

/** A function with the contract of `safeFetch`: throws an error with a `code` (see `FETCH_ERROR_CODES`). */
export type OutboundFetch = (url: string, options: OutboundOptions) => Promise<OutboundResponse>;

/** The code and message of an error thrown by the outbound function (`network` for anything unexpected). */
export function describeFetchError(error: unknown): { code: FetchErrorCode; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && (FETCH_ERROR_CODES as readonly string[]).includes(code)) {
    return { code: code as FetchErrorCode, message };
  }
  return { code: 'network', message: `the request failed (${message})` };
}
