import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { InputFailure } from '../core/model.js';

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

/** What an error's details say, by code: the limit passed, why each input failed, why an analysis stopped, when to
 * try again. */
export interface ApiErrorDetails {
  /** `payload-too-large`, `too-many-articles`: the limit the request went over. */
  limit?: number;
  /** `no-readable-articles`: why each input could not be read. */
  failures?: InputFailure[];
  /** `analysis-stopped`: which budget stopped it. */
  reason?: string;
  /** `busy`: seconds to wait (also in `Retry-After`). */
  retryAfter?: number;
}

/** The JSON body of every error answer of the API: the one error shape clients read. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details?: ApiErrorDetails };
}

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
    readonly details?: ApiErrorDetails,
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A 400 for a request that does not match the API contract. */
export function badRequest(message: string, details?: ApiErrorDetails): ApiError {
  return new ApiError(400, 'bad-request', message, details);
}
