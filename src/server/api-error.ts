import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The error codes the API answers with, next to their HTTP status. */
export type ApiErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'cross-origin'
  | 'host-not-allowed'
  | 'not-found'
  | 'payload-too-large'
  | 'too-many-articles'
  | 'unsupported-media-type'
  | 'no-readable-articles'
  | 'analysis-stopped'
  | 'busy'
  | 'internal';

/**
 * An error meant for the client: its status, a stable code, a message and optional details (the JSON error body), and
 * headers to send with it (such as `Retry-After`).
 */
export class ApiError extends Error {
  /** @param status HTTP status; @param code stable machine-readable code */
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A 400 for a request that does not match the API contract. */
export function badRequest(message: string, details?: unknown): ApiError {
  return new ApiError(400, 'bad-request', message, details);
}
