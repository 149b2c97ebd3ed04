/**
 * The contract of the one outbound request function, `safeFetch` (src/engine/net/safe-fetch.ts): the polite fetcher is
 * written against this shape and takes the function as an option, so that it can be tested against a local server
 * and so that every request it makes goes through the address checks of the real one.
 */

/** Options of one outbound request (as `safeFetch` takes them). */
export interface OutboundOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  userAgent: string;
  headers?: Record<string, string>;
  /** Every address may be reached, private ones too (the user's opt-in; tests against 127.0.0.1). */
  allowPrivate?: boolean;
  /** Addresses or CIDR ranges that may be reached although not public. */
  allowRanges?: readonly string[];
  signal?: AbortSignal;
}

/** The final response of a request: any status is a response; only failures to get one throw. */
export interface OutboundResponse {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  headers: Headers;
  body: Uint8Array;
  redirects: string[];
}

/** A function with the contract of `safeFetch`: throws an error with a `code` (see `FETCH_ERROR_CODES`). */
export type OutboundFetch = (url: string, options: OutboundOptions) => Promise<OutboundResponse>;

/** The codes the outbound function's errors carry. */
export const FETCH_ERROR_CODES = [
  'refused-private-address',
  'bad-url',
  'unsupported-scheme',
  'too-many-redirects',
  'timeout',
  'too-large',
  'network',
  'aborted',
] as const;

/** A code of the outbound function's errors. */
export type FetchFailureCode = (typeof FETCH_ERROR_CODES)[number];

/** The code and message of an error thrown by the outbound function (`network` for anything unexpected). */
export function describeFetchError(error: unknown): { code: FetchFailureCode; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && (FETCH_ERROR_CODES as readonly string[]).includes(code)) {
    return { code: code as FetchFailureCode, message };
  }
  return { code: 'network', message: `the request failed (${message})` };
}
