/**
 * The one way Parallax sends a request out. A URL from a user, a feed or a redirect can name any host, including
 * this machine and its network, so reachability is decided by construction: the socket's own DNS lookup hands it
 * only allowed addresses, IP-literal hosts are checked before any connection, redirects are followed by hand with
 * every hop checked again, and proxy settings from the environment are never used (the request goes through its
 * own dispatcher).
 */
import { isIP } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { addressPolicy, isAddressAllowed, type AddressPolicy } from './address-policy.js';
import { FetchError, refusedAddress } from './fetch-error.js';
import { guardedLookup } from './guarded-lookup.js';
import { networkFailure } from './network-failure.js';

export { FetchError, REFUSED_MESSAGE, type FetchErrorCode, type FetchErrorDetails } from './fetch-error.js';

/** Default number of redirects followed before a request fails with `too-many-redirects`. */
export const DEFAULT_MAX_REDIRECTS = 5;

/** Options of one outbound request. */
export interface SafeFetchOptions {
  /** One deadline for every hop: connect, headers and body. */
  timeoutMs: number;
  /** Size limit of the body in bytes: the download is abandoned as soon as it passes it. */
  maxBytes: number;
  /** Redirects followed at most (default 5); each hop is checked again. */
  maxRedirects?: number;
  /** The User-Agent header. */
  userAgent: string;
  /** More request headers, e.g. Accept, If-None-Match, If-Modified-Since. */
  headers?: Record<string, string>;
  /** Every address may be reached, private ones too: the user's opt-in (`--allow-private-urls`). */
  allowPrivate?: boolean;
  /** Addresses or CIDR ranges that may be reached although not public (an intranet the operator names). */
  allowRanges?: readonly string[];
  /** Aborts the request (it then fails with `aborted`). */
  signal?: AbortSignal;
  /** GET (default) or HEAD. */
  method?: 'GET' | 'HEAD';
  /** Decides from the final status and headers whether the body is downloaded (default: always); if not, it is empty. */
  wantBody?: (status: number, headers: Headers) => boolean;
}

/** The final response of a request. */
export interface SafeFetchResult {
  /** The final URL, after redirects. */
  url: string;
  /** Any status is a result (2xx, 304, 4xx, 5xx); only refusals, network failures, timeouts and size overruns throw. */
  status: number;
  headers: Headers;
  /** The body (decoded from any Content-Encoding); empty for 304, HEAD, or when `wantBody` declined it. */
  body: Uint8Array;
  /** The URLs redirected to, in order. */
  redirects: string[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Credentials the caller meant for one origin are not handed to another one a redirect names.
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * Fetches a URL with redirects, one deadline and a size limit, refusing every address that is not public unless the
 * options allow it. Throws only FetchError (and TypeError for invalid options).
 */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  checkOptions(options);
  const policy = addressPolicy(options);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const agent = new Agent({ connect: { lookup: guardedLookup(policy), timeout: options.timeoutMs } });
  try {
    return await followRedirects(url, { options, policy, agent, signal });
  } catch (error) {
    if (deadline.aborted) {
      throw new FetchError('timeout', `no complete answer within ${options.timeoutMs / 1000} s (timed out)`);
    }
    if (options.signal?.aborted) throw new FetchError('aborted', 'the request was cancelled');
    if (error instanceof FetchError) throw error;
    throw networkFailure(error);
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}

interface Request {
  options: SafeFetchOptions;
  policy: AddressPolicy;
  agent: Agent;
  signal: AbortSignal;
}

async function followRedirects(url: string, request: Request): Promise<SafeFetchResult> {
  const maxRedirects = request.options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const redirects: string[] = [];
  let target = checkTarget(url, request.policy, 'the address is not a valid URL');
  let headers = requestHeaders(request.options);
  for (;;) {
    const response = await send(target, headers, request);
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return finish(target, response, redirects, request);
    await response.body?.cancel();
    if (redirects.length >= maxRedirects) {
      throw new FetchError('too-many-redirects', `more than ${maxRedirects} redirects`);
    }
    const next = checkTarget(location, request.policy, 'the server redirected to an address that is not valid', target);
    if (next.origin !== target.origin) headers = withoutOriginBound(headers);
    target = next;
    redirects.push(target.href);
  }
}

function send(target: URL, headers: Record<string, string>, request: Request): Promise<Response> {
  return fetch(target, {
    method: request.options.method ?? 'GET',
    headers,
    redirect: 'manual',
    signal: request.signal,
    dispatcher: request.agent,
  });
}

async function finish(
  target: URL,
  response: Response,
  redirects: string[],
  request: Request,
): Promise<SafeFetchResult> {
  const { options } = request;
  const headers = response.headers as unknown as Headers;
  const result = { url: target.href, status: response.status, headers, redirects };
  const wanted =
    options.method !== 'HEAD' && response.status !== 304 && (options.wantBody?.(response.status, headers) ?? true);
  if (!wanted) {
    await response.body?.cancel();
    return { ...result, body: new Uint8Array() };
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw new FetchError('too-large', `${declared} bytes is over the size limit of ${options.maxBytes} bytes`, {
      declaredBytes: declared,
    });
  }
  return { ...result, body: await readLimited(response, options.maxBytes) };
}

/** Reads the body up to `maxBytes`, cancelling the download as soon as it is larger. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FetchError('too-large', `more than the size limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Parses a URL (relative to `base` for a redirect) and checks what can be checked before connecting: http or https,
 * no credentials, and an IP-literal host allowed by the policy (a socket does not look such a host up, so the
 * guarded lookup would never see it).
 */
function checkTarget(text: string, policy: AddressPolicy, invalid: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new FetchError('bad-url', invalid);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('unsupported-scheme', 'only http and https addresses can be fetched');
  }
  if (url.username || url.password)
    throw new FetchError('bad-url', 'addresses with a user name or password are not fetched');
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) !== 0 && !isAddressAllowed(host, policy)) throw refusedAddress();
  return url;
}

function requestHeaders(options: SafeFetchOptions): Record<string, string> {
  return { ...options.headers, 'user-agent': options.userAgent };
}

function withoutOriginBound(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !ORIGIN_BOUND_HEADERS.includes(name.toLowerCase())),
  );
}

function checkOptions(options: SafeFetchOptions): void {
  const positive = (name: string, value: number | undefined, zeroAllowed = false) => {
    if (value === undefined) return;
    if (!Number.isInteger(value) || value < (zeroAllowed ? 0 : 1)) {
      throw new TypeError(`safeFetch: ${name} must be a ${zeroAllowed ? 'non-negative' : 'positive'} integer`);
    }
  };
  positive('timeoutMs', options.timeoutMs);
  positive('maxBytes', options.maxBytes);
  positive('maxRedirects', options.maxRedirects, true);
}
