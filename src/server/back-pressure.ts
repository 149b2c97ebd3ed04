import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

/** Default number of analysis requests that may wait while the workers are busy: 8. */
export const DEFAULT_MAX_QUEUE = 8;

/** How many analysis requests may be in progress. */
export interface BackPressureOptions {
  /** Requests analyzed at once (one per worker). */
  workers: number;
  /** Requests that may wait beyond those (default 8). Past both, new ones get 503. */
  maxQueue?: number;
}

/** Retry-After bounds in seconds. */
const MIN_RETRY_S = 1;
const MAX_RETRY_S = 120;
/** The assumed duration of a request before any has finished, in milliseconds. */
const FIRST_GUESS_MS = 5_000;
/** Weight of the latest duration in the running average. */
const SMOOTHING = 0.2;

/**
 * Admits requests that analyze (creating a story, adding articles) while there is room: those running on the workers
 * and a bounded queue. Past it a request is refused at once, before its body is read, with `503`, a JSON error and
 * `Retry-After` (the average duration of recent requests times the queue ahead of it). Reads never pass here, so they
 * stay fast whatever the load.
 */
export function backPressure(options: BackPressureOptions): MiddlewareHandler {
  const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
  if (!(Number.isInteger(maxQueue) && maxQueue >= 0)) {
    throw new TypeError(`maxQueue must be a whole number of 0 or more, got ${String(maxQueue)}`);
  }
  const capacity = options.workers + maxQueue;
  let active = 0;
  let averageMs = FIRST_GUESS_MS;
  return async function admitAnalysis(_c, next) {
    if (active >= capacity) {
      const waves = Math.ceil(active / options.workers);
      const retryAfter = Math.min(MAX_RETRY_S, Math.max(MIN_RETRY_S, Math.ceil((averageMs * waves) / 1000)));
      const message = `the server is busy analyzing other stories (${active} in progress): try again in ${retryAfter} s`;
      throw new ApiError(503, 'busy', message, { retryAfter }, { 'Retry-After': String(retryAfter) });
    }
    active++;
    const started = performance.now();
    try {
      await next();
    } finally {
      active--;
      averageMs += SMOOTHING * (performance.now() - started - averageMs);
    }
  };
}
