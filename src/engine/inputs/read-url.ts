import { STATUS_CODES } from 'node:http';
import { shortHash } from '../../core/hash.js';
import type { Diagnostic } from '../../core/model.js';
import type { FileKind } from './detect-format.js';
import { formatBytes, resolveInputOptions, type ResolvedInputOptions } from './options.js';
import { readNamedBytes } from './read-named-bytes.js';
import { failureResult, type InputResult } from './result.js';
import { FetchError, REFUSED_MESSAGE, safeFetch } from '../net/safe-fetch.js';

/** Settings of one fetch; the defaults are those of `InputOptions`. */
export interface FetchSettings {
  maxBytes?: number;
  fetchTimeoutMs?: number;
  userAgent?: string;
  /** Private, loopback and other non-public addresses may be fetched (default false). */
  allowPrivateUrls?: boolean;
  /** Non-public addresses or CIDR ranges that may be fetched all the same (default none). */
  allowPrivateRanges?: readonly string[];
}

/** True for inputs that are web addresses (`http://` or `https://`). */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

const ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1';

/**
 * Fetches a web page through `safeFetch` and reads it like a file: redirects followed (each hop checked), one time
 * limit for headers and body, the body streamed and abandoned once it passes the size limit, the Content-Type's
 * charset honoured, `meta.url` set to the final address. Addresses that are not public are refused unless allowed.
 * Every problem is a failure naming the URL; only invalid options throw (a TypeError).
 */
export async function readUrl(url: string, options: FetchSettings = {}): Promise<InputResult> {
  const settings = resolveInputOptions(options);
  try {
    new URL(url);
  } catch {
    return failureResult(url, 'bad-url', `${url}: not a valid URL`);
  }
  try {
    return await fetchAndRead(url, settings);
  } catch (error) {
    if (error instanceof FetchError) return fetchFailure(url, error, settings);
    throw error;
  }
}

async function fetchAndRead(url: string, settings: ResolvedInputOptions): Promise<InputResult> {
  const response = await safeFetch(url, {
    timeoutMs: settings.fetchTimeoutMs,
    maxBytes: settings.maxBytes,
    userAgent: settings.userAgent,
    headers: { accept: ACCEPT },
    allowPrivate: settings.allowPrivateUrls,
    allowRanges: settings.allowPrivateRanges,
    // Neither an error page nor an image is worth downloading.
    wantBody: (status, headers) => isSuccess(status) && kindOfMediaType(mediaTypeOf(headers)) !== null,
  });
  if (!isSuccess(response.status)) {
    const reason = STATUS_CODES[response.status];
    const status = `${response.status}${reason ? ` ${reason}` : ''}`;
    return failureResult(url, 'http-error', `${url}: the server answered HTTP ${status}`);
  }
  const type = parseContentType(response.headers.get('content-type'));
  const kind = kindOfMediaType(type.mediaType);
  if (!kind) {
    const shown = /^[\w.+-]{1,60}\/[\w.+-]{1,60}$/.test(type.mediaType) ? type.mediaType : 'not recognized';
    return failureResult(url, 'unsupported-content-type', `${url}: not HTML or text (Content-Type: ${shown})`);
  }
  const finalUrl = response.url;
  const diagnostics: Diagnostic[] =
    finalUrl !== url ? [{ level: 'info', code: 'redirected', message: `redirected to ${finalUrl}` }] : [];
  return readNamedBytes(
    {
      source: url,
      bytes: response.body,
      kind,
      id: shortHash(url),
      meta: { url: finalUrl },
      diagnostics,
      ...(type.charset ? { declaredCharset: type.charset } : {}),
    },
    settings,
  );
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function mediaTypeOf(headers: Headers): string {
  return parseContentType(headers.get('content-type')).mediaType;
}

/** The media type (lower case, no parameters) and charset of a Content-Type header. */
export function parseContentType(header: string | null): { mediaType: string; charset: string | null } {
  if (!header) return { mediaType: '', charset: null };
  const [mediaType = '', ...params] = header.split(';').map((p) => p.trim());
  const charset = params.map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1]).find((c) => c) ?? null;
  return { mediaType: mediaType.toLowerCase(), charset };
}

/** How a fetched body is read, by media type; null for types that are not HTML or text. */
function kindOfMediaType(mediaType: string): FileKind | 'sniff' | null {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (mediaType === 'text/markdown' || mediaType === 'text/x-markdown') return 'markdown';
  // A missing type or plain text may still be HTML: look at it.
  if (mediaType === '' || mediaType === 'text/plain') return 'sniff';
  return null;
}

/** The failure of a fetch, worded from its code: what the user can act on, never the internal detail. */
function fetchFailure(url: string, error: FetchError, settings: ResolvedInputOptions): InputResult {
  switch (error.code) {
    case 'refused-private-address':
      return failureResult(url, error.code, REFUSED_MESSAGE);
    case 'timeout':
    case 'aborted':
      return failureResult(url, 'fetch-timeout', `${url}: ${error.message}`);
    case 'too-large': {
      const limit = formatBytes(settings.maxBytes);
      const declared = error.details.declaredBytes;
      const message =
        declared === undefined
          ? `${url}: more than the size limit of ${limit}`
          : `${url}: ${formatBytes(declared)} is over the size limit of ${limit}`;
      return failureResult(url, 'too-large', message);
    }
    case 'bad-url':
    case 'unsupported-scheme':
      return failureResult(url, 'bad-url', `${url}: ${error.message}`);
    case 'too-many-redirects':
      return failureResult(url, error.code, `${url}: ${error.message}`);
    case 'network':
      return failureResult(url, 'fetch-failed', `${url}: ${error.message}`);
  }
}
