import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { NoReadableArticlesError, StoryNotFoundError, TooManyArticlesError } from '../engine/stories.js';
import { JobStoppedError } from '../engine/workers/job-stopped-error.js';
import { ApiError, type ApiErrorBody } from './api-error.js';

/** Where unexpected errors are reported (the stack stays on the server; the client gets a generic 500). */
export type ErrorLogger = (error: unknown) => void;

/** Maps any thrown error to the API's error type: the one place that decides statuses and codes. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoryNotFoundError) return new ApiError(404, 'not-found', error.message);
  if (error instanceof TooManyArticlesError) {
    return new ApiError(413, 'too-many-articles', error.message, { limit: error.limit });
  }
  if (error instanceof NoReadableArticlesError) {
    return new ApiError(422, 'no-readable-articles', error.message, { failures: error.failures });
  }
  if (error instanceof JobStoppedError) {
    // The story as a whole was too much to analyze within the budgets (inputs past a budget fail alone instead); a
    // worker failing otherwise (the server shutting down) is the server's fault, not the input's.
    return new ApiError(error.reason === 'worker' ? 503 : 422, 'analysis-stopped', error.message, {
      reason: error.code,
    });
  }
  if (error instanceof HTTPException && error.status === 413) {
    return new ApiError(413, 'payload-too-large', 'the request body is over the size limit');
  }
  if (error instanceof HTTPException && error.status < 500) {
    return new ApiError(400, 'bad-request', error.message || 'bad request');
  }
  return new ApiError(500, 'internal', 'internal error');
}

/** The response of an API error: `{error: {code, message, details?}}` with its status. */
export function errorResponse(c: Context, apiError: ApiError): Response {
  const body: ApiErrorBody = {
    error: {
      code: apiError.code,
      message: apiError.message,
      ...(apiError.details === undefined ? {} : { details: apiError.details }),
    },
  };
  return c.json(body, apiError.status, apiError.headers);
}

/**
 * The `app.onError` handler: answers `{error: {code, message, details?}}` and logs server faults. A middleware that
 * built its own answer (the token check's 401 with its challenge header) gets it sent as it is.
 */
export function createErrorHandler(log: ErrorLogger): (error: Error, c: Context) => Response {
  return function handleError(error, c) {
    if (error instanceof HTTPException && error.res) return error.getResponse();
    const apiError = toApiError(error);
    // Only faults are logged: a refusal under load or a stopped analysis already says all there is to say.
    if (apiError.code === 'internal') log(error);
    return errorResponse(c, apiError);
  };
}
