import { FetchError } from './fetch-error.js';

/** What a user can do something about, by system error code; anything else is just "network error". */
const PHRASES: Record<string, string> = {
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was closed by the server',
  EPIPE: 'the connection was closed by the server',
  UND_ERR_SOCKET: 'the connection was closed by the server',
  ETIMEDOUT: 'could not connect in time',
  UND_ERR_CONNECT_TIMEOUT: 'could not connect in time',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  UND_ERR_HEADERS_OVERFLOW: 'the response headers are too large',
  HPE_INVALID_CONSTANT: 'the server did not answer in HTTP',
};

/**
 * Turns what undici threw (a `TypeError('fetch failed')` with the socket's error as its cause, or the cause itself)
 * into a FetchError. A refusal raised by the guarded lookup comes back as the cause and is passed on unchanged. Only
 * the system code is kept, never the error's text, which can name internal addresses and ports.
 */
export function networkFailure(error: unknown): FetchError {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    if (cause instanceof FetchError) return cause;
    const code = systemCode(cause);
    if (code) return new FetchError('network', `could not be fetched (${describeCode(code)})`, { systemCode: code });
    // Fetch refuses ports of other protocols (SMTP, IRC, ...) with this fixed text and no code.
    if ((cause as Error).message === 'bad port') {
      return new FetchError('network', 'could not be fetched (the port is not one web pages are served on)');
    }
    cause = (cause as { cause?: unknown }).cause ?? (cause as { errors?: unknown[] }).errors?.[0];
  }
  return new FetchError('network', 'could not be fetched (network error)');
}

function systemCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
}

function describeCode(code: string): string {
  const phrase = PHRASES[code];
  if (phrase) return `${phrase}, ${code}`;
  if (/CERT|TLS|SSL|SIGNATURE/.test(code)) return `the TLS certificate is not trusted, ${code}`;
  return `network error, ${code}`;
}
