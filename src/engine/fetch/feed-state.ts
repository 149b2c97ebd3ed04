/**
 * The record kept per feed between polls, as plain serializable data (ISO times, no classes), and its transitions as
 * pure functions of the previous record, what the poll gave and the time. A feed that keeps failing is polled less
 * and less often (the interval doubles per consecutive failure, up to a ceiling) and never dropped silently: the last
 * error stays on the record for the user to see.
 */

/** The per-feed record. */
export interface FeedState {
  url: string;
  /** Validators of the last good response, sent back for a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  /** SHA-256 of the last good body: a server without validators still answers "unchanged" through it. */
  contentHash: string | null;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  /** The last poll that found new content. */
  lastChangeAt: string | null;
  /** The last failure, kept after later successes (`consecutiveFailures` says whether the feed is failing now). */
  lastError: { at: string; code: string; message: string } | null;
  consecutiveFailures: number;
  nextPollAt: string;
}

/** How often feeds are polled. */
export interface PollSchedule {
  /** Time between polls of a healthy feed (default 15 min). */
  intervalMs: number;
  /** Longest time between polls of a failing feed (default 24 h). */
  maxBackoffMs: number;
}

/** Default poll schedule. */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = { intervalMs: 15 * 60_000, maxBackoffMs: 24 * 3600_000 };

/** What a poll gave, for the state transition. */
export type PollEvent =
  | { type: 'changed'; etag: string | null; lastModified: string | null; contentHash: string }
  | { type: 'unchanged'; etag?: string | null; lastModified?: string | null }
  | { type: 'failed'; code: string; message: string; retryAfterMs?: number | null };

/** The record of a feed never polled: due now. */
export function newFeedState(url: string, nowMs: number): FeedState {
  return {
    url,
    etag: null,
    lastModified: null,
    contentHash: null,
    lastPollAt: null,
    lastSuccessAt: null,
    lastChangeAt: null,
    lastError: null,
    consecutiveFailures: 0,
    nextPollAt: new Date(nowMs).toISOString(),
  };
}

/** True when the feed is due for a poll at `nowMs`. */
export function isDue(state: FeedState, nowMs: number): boolean {
  return Date.parse(state.nextPollAt) <= nowMs;
}

/** The request headers of a conditional GET for the feed (none when it has no validators yet). */
export function conditionalHeaders(state: FeedState): Record<string, string> {
  const headers: Record<string, string> = {};
  if (state.etag) headers['if-none-match'] = state.etag;
  if (state.lastModified) headers['if-modified-since'] = state.lastModified;
  return headers;
}

/** The wait before the next poll after `failures` consecutive failures: the interval doubled per failure, capped. */
export function backoffMs(failures: number, schedule: PollSchedule): number {
  return Math.min(schedule.maxBackoffMs, schedule.intervalMs * 2 ** Math.min(failures, 30));
}

/** The record after a poll at `nowMs` (a new object; the old one is not changed). */
export function nextFeedState(
  state: FeedState,
  event: PollEvent,
  nowMs: number,
  schedule: PollSchedule = DEFAULT_POLL_SCHEDULE,
): FeedState {
  const now = new Date(nowMs).toISOString();
  const at = (ms: number): string => new Date(nowMs + ms).toISOString();
  if (event.type === 'failed') {
    const failures = state.consecutiveFailures + 1;
    const wait = Math.max(backoffMs(failures, schedule), event.retryAfterMs ?? 0);
    return {
      ...state,
      lastPollAt: now,
      lastError: { at: now, code: event.code, message: event.message },
      consecutiveFailures: failures,
      nextPollAt: at(wait),
    };
  }
  const success = {
    ...state,
    lastPollAt: now,
    lastSuccessAt: now,
    consecutiveFailures: 0,
    nextPollAt: at(schedule.intervalMs),
  };
  if (event.type === 'unchanged') {
    return {
      ...success,
      etag: event.etag ?? state.etag,
      lastModified: event.lastModified ?? state.lastModified,
    };
  }
  return {
    ...success,
    etag: event.etag,
    lastModified: event.lastModified,
    contentHash: event.contentHash,
    lastChangeAt: now,
  };
}
