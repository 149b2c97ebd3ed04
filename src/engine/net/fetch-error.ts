/** Why an outbound request did not give a response, every code there is (a caller checks an unknown error's code). */
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

/** Why an outbound request did not give a response. Messages are safe to show: they never echo internal detail. */
export type FetchErrorCode = (typeof FETCH_ERROR_CODES)[number];

/** Extra facts about a failed request, for callers that word their own messages. */
export interface FetchErrorDetails {
  /** The size the server declared in Content-Length, when that is what was too large. */
  declaredBytes?: number;
  /** A short system code for network failures (`ECONNREFUSED`, `ENOTFOUND`, ...), never a free-text message. */
  systemCode?: string;
}

/** The one error `safeFetch` throws: a refusal, a bad address, a network failure, a timeout or a size overrun. */
export class FetchError extends Error {
  /** @param code what went wrong; @param message a message safe to show to the user; @param details extra facts */
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly details: FetchErrorDetails = {},
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** The exact message of a refused address: it says nothing of the port, the status or the content behind it. */
export const REFUSED_MESSAGE = 'refused: private address';

/** The error for an address the policy refuses. */
export function refusedAddress(): FetchError {
  return new FetchError('refused-private-address', REFUSED_MESSAGE);
}
