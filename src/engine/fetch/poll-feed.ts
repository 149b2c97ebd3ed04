/**
 * One poll of one feed: a conditional GET through the polite fetcher, the body read with `parseSource` when it has
 * changed, and the feed's record moved on. The watch loop calls this for every due feed and stores what comes back;
 * whatever happens to the feed, the result is a value and the record says it.
 */
import { createHash } from 'node:crypto';
import { parseSource } from '../feeds/parse-source.js';
import { FeedParseError, type FeedLimits, type FeedRef, type ParsedSource } from '../feeds/types.js';
import {
  conditionalHeaders,
  DEFAULT_POLL_SCHEDULE,
  nextFeedState,
  type FeedState,
  type PollEvent,
  type PollSchedule,
} from './feed-state.js';
import type { PoliteFetcher } from './polite-fetcher.js';

/** What a poll needs. */
export interface PollOptions {
  fetcher: PoliteFetcher;
  state: FeedState;
  schedule?: PollSchedule;
  limits?: Partial<FeedLimits>;
  signal?: AbortSignal;
}

/** What a poll gave: the feed's new record, and the source when it changed. */
export type PollResult =
  | { status: 'changed'; state: FeedState; source: ParsedSource; finalUrl: string }
  | { status: 'unchanged'; state: FeedState }
  /** `alternates`: the feeds an HTML page links, when the address turned out to be a page. */
  | { status: 'failed'; state: FeedState; code: string; message: string; alternates: FeedRef[] }
  /** Stopped by the signal: the record is unchanged (the poll did not happen). */
  | { status: 'aborted'; state: FeedState };

/** What the fetcher asks feed servers for. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/plain;q=0.5, */*;q=0.1';

/** Polls one feed. Never throws. */
export async function pollFeed(options: PollOptions): Promise<PollResult> {
  const { fetcher, state } = options;
  const schedule = options.schedule ?? DEFAULT_POLL_SCHEDULE;
  const outcome = await fetcher.fetch(state.url, {
    headers: { accept: FEED_ACCEPT, ...conditionalHeaders(state) },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const now = fetcher.now();
  const fail = (event: Extract<PollEvent, { type: 'failed' }>, alternates: FeedRef[] = []): PollResult => ({
    status: 'failed',
    state: nextFeedState(state, event, now, schedule),
    code: event.code,
    message: event.message,
    alternates,
  });
  switch (outcome.kind) {
    case 'aborted':
      return { status: 'aborted', state };
    case 'disallowed': {
      const retryAfterMs = outcome.retryAt === null ? null : Math.max(0, outcome.retryAt - now);
      const code = outcome.reason === 'disallowed' ? 'robots-disallowed' : 'robots-unreachable';
      return fail({ type: 'failed', code, message: `${state.url}: ${outcome.message}`, retryAfterMs });
    }
    case 'failed':
      return fail({ type: 'failed', code: outcome.code, message: outcome.message, retryAfterMs: outcome.retryAfterMs });
    case 'not-modified': {
      const validators = validatorsOf(outcome.response.headers);
      return { status: 'unchanged', state: nextFeedState(state, { type: 'unchanged', ...validators }, now, schedule) };
    }
    case 'fetched':
      break;
  }
  const { response } = outcome;
  const validators = validatorsOf(response.headers);
  const contentHash = createHash('sha256').update(response.body).digest('hex');
  if (contentHash === state.contentHash) {
    return { status: 'unchanged', state: nextFeedState(state, { type: 'unchanged', ...validators }, now, schedule) };
  }
  try {
    const source = parseSource(response.body, {
      url: response.url,
      contentType: response.headers.get('content-type'),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    const event: PollEvent = { type: 'changed', ...validators, contentHash };
    return { status: 'changed', state: nextFeedState(state, event, now, schedule), source, finalUrl: response.url };
  } catch (error) {
    const e = error instanceof FeedParseError ? error : new FeedParseError('malformed-xml', String(error));
    return fail({ type: 'failed', code: e.code, message: e.message }, e.alternates);
  }
}

function validatorsOf(headers: Headers): { etag: string | null; lastModified: string | null } {
  return { etag: headers.get('etag'), lastModified: headers.get('last-modified') };
}
