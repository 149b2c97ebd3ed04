import { shortHash } from '../../core/hash.js';
import type { Diagnostic } from '../../core/model.js';
import type { FileKind } from './detect-format.js';
import { formatBytes, resolveInputOptions, type ResolvedInputOptions } from './options.js';
import { readNamedBytes } from './read-named-bytes.js';
import { failureResult, type InputResult } from './result.js';

/** Settings of one fetch; the defaults are those of `InputOptions`. */
export interface FetchSettings {
  maxBytes?: number;
  fetchTimeoutMs?: number;
  userAgent?: string;
}

/** True for inputs that are web addresses (`http://` or `https://`). */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Fetches a web page and reads it like a file: redirects followed, one time limit for headers and body, the body
 * streamed and abandoned once it passes the size limit, the Content-Type's charset honoured, `meta.url` set to the
 * final address. Every problem is a failure naming the URL; nothing is thrown.
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
    return fetchFailure(url, error, settings.fetchTimeoutMs);
  }
}

async function fetchAndRead(url: string, settings: ResolvedInputOptions): Promise<InputResult> {
  const response = await fetch(url, {
    redirect: 'follow',
    signal: AbortSignal.timeout(settings.fetchTimeoutMs),
    headers: {
      'user-agent': settings.userAgent,
      accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1',
    },
  });
  if (!response.ok) {
    await response.body?.cancel();
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return failureResult(url, 'http-error', `${url}: the server answered HTTP ${status}`);
  }
  const type = parseContentType(response.headers.get('content-type'));
  const kind = kindOfMediaType(type.mediaType);
  if (!kind) {
    await response.body?.cancel();
    return failureResult(url, 'unsupported-content-type', `${url}: not HTML or text (Content-Type: ${type.mediaType})`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > settings.maxBytes) {
    await response.body?.cancel();
    const message = `${url}: ${formatBytes(declared)} is over the size limit of ${formatBytes(settings.maxBytes)}`;
    return failureResult(url, 'too-large', message);
  }
  const bytes = await readLimited(response, settings.maxBytes);
  if (bytes === null) {
    return failureResult(url, 'too-large', `${url}: more than the size limit of ${formatBytes(settings.maxBytes)}`);
  }
  const finalUrl = response.url || url;
  const diagnostics: Diagnostic[] =
    finalUrl !== url ? [{ level: 'info', code: 'redirected', message: `redirected to ${finalUrl}` }] : [];
  return readNamedBytes(
    {
      source: url,
      bytes,
      kind,
      id: shortHash(url),
      meta: { url: finalUrl },
      diagnostics,
      ...(type.charset ? { declaredCharset: type.charset } : {}),
    },
    settings,
  );
}

/** Reads the body up to `maxBytes`; null (and the download cancelled) as soon as it is larger. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | null> {
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
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
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

function fetchFailure(url: string, error: unknown, timeoutMs: number): InputResult {
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return failureResult(url, 'fetch-timeout', `${url}: no complete answer within ${timeoutMs / 1000} s (timed out)`);
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return failureResult(url, 'fetch-failed', `${url}: could not be fetched (${reason})`);
}
