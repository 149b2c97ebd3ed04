/**
 * When a failed request is tried again, and after how long: server errors (5xx), "too many requests" (429), request
 * timeouts (408) and network failures and timeouts are retried with exponential back-off and jitter (so that many
 * clients do not come back at the same instant), a `Retry-After` the server sends is honoured, and after
 * `maxAttempts` attempts the failure stands. Pure functions: the random source and the time come in as arguments.
 */

/** How failed requests are retried. */
export interface RetryPolicy {
  /** Attempts in all, the first one included (default 3). */
  maxAttempts: number;
  /** Back-off before the second attempt; doubled for each further one (default 1 s). */
  baseDelayMs: number;
  /** Longest wait before a retry; a server asking for longer (Retry-After) is not retried now (default 60 s). */
  maxDelayMs: number;
}

/** Default retry policy. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** The HTTP statuses worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** The outbound error codes worth another attempt (a refused address or an oversized body will not change). */
export function isRetryableError(code: string): boolean {
  return code === 'network' || code === 'timeout';
}

/** Milliseconds from `nowMs` that a `Retry-After` header asks for (seconds or an HTTP date); null when absent/bad. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  const v = value?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** What to do after a failed attempt. */
export interface RetryInput {
  /** The number of the attempt that just failed (1 for the first). */
  attempt: number;
  /** What the server asked for with Retry-After, in ms, or null. */
  retryAfterMs: number | null;
  policy: RetryPolicy;
  /** A number in [0, 1) (Math.random in production, fixed in tests). */
  random: number;
}

/**
 * The wait before the next attempt, or null when there is none: attempts used up, or the server asks for a longer
 * pause than `maxDelayMs` (the caller then records the failure and comes back later). The back-off is "equal
 * jitter": half of the exponential delay, plus a random share of the other half.
 */
export function retryDelay(input: RetryInput): number | null {
  const { attempt, retryAfterMs, policy, random } = input;
  if (attempt >= policy.maxAttempts) return null;
  if (retryAfterMs !== null) return retryAfterMs <= policy.maxDelayMs ? retryAfterMs : null;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + random * (exponential / 2));
}
