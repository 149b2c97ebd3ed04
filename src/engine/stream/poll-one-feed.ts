/**
 * One poll of one feed, as the watcher does it and as a worker of the job queue does it: a conditional GET through
 * the polite fetcher; the feed's record stored with the articles the poll queued (one transaction); a subscription
 * list adds its feeds; a feed address that has never worked and turned out to be a page linking feeds is replaced by
 * them. An unexpected error is recorded on the feed as a failure (it backs off like any failing feed).
 */
import { nextFeedState } from '../fetch/feed-state.js';
import type { PoliteFetcher } from '../fetch/polite-fetcher.js';
import { pollFeed } from '../fetch/poll-feed.js';
import type { FeedRef } from '../feeds/types.js';
import type { FeedRecord, StreamRepository } from '../storage/stream-repository.js';
import { newFeeds } from './new-feeds.js';
import { queueEntries } from './queue-entries.js';
import type { ResolvedStreamOptions } from './stream-options.js';

/** What a poll tells its caller. */
export type PollEvent =
  | {
      type: 'poll';
      feedId: string;
      url: string;
      status: 'changed' | 'unchanged' | 'failed';
      queued: number;
      /** The source's warnings, or the failure's message. */
      messages: string[];
      code?: string;
    }
  | { type: 'feeds-added'; from: string; urls: string[] };

/** What a poll needs. */
export interface PollOneFeedOptions {
  repo: StreamRepository;
  fetcher: PoliteFetcher;
  feed: FeedRecord;
  options: ResolvedStreamOptions;
  /** The clock (ms). */
  now: () => number;
  signal: AbortSignal;
}

/** Polls the feed and stores what it gave; `polled` is false when the signal stopped it first (nothing stored). */
export async function pollOneFeed(o: PollOneFeedOptions): Promise<{ polled: boolean; events: PollEvent[] }> {
  try {
    return await poll(o);
  } catch (error) {
    const { feed } = o;
    const message = `${feed.url}: ${error instanceof Error ? error.message : String(error)}`;
    const failure = { type: 'failed', code: 'internal', message } as const;
    const state = nextFeedState(feed.state, failure, o.now(), o.options.schedule);
    await o.repo.savePoll({ feedId: feed.id, state, queue: [] }).catch(() => undefined);
    return { polled: true, events: [failed(feed, 'internal', message)] };
  }
}

function failed(feed: FeedRecord, code: string, message: string): PollEvent {
  return { type: 'poll', feedId: feed.id, url: feed.url, status: 'failed', queued: 0, messages: [message], code };
}

async function poll(o: PollOneFeedOptions): Promise<{ polled: boolean; events: PollEvent[] }> {
  const { repo, feed } = o;
  const result = await pollFeed({
    fetcher: o.fetcher,
    state: feed.state,
    schedule: o.options.schedule,
    limits: { maxBytes: o.options.maxFeedBytes },
    signal: o.signal,
  });
  if (result.status === 'aborted') return { polled: false, events: [] };
  if (result.status === 'failed' && result.alternates.length > 0 && feed.state.lastSuccessAt === null) {
    return { polled: true, events: await replaceByAlternates(o, result.alternates) };
  }
  if (result.status === 'failed') {
    await repo.savePoll({ feedId: feed.id, state: result.state, queue: [] });
    return { polled: true, events: [failed(feed, result.code, result.message)] };
  }
  const event = { type: 'poll', feedId: feed.id, url: feed.url, status: result.status } as const;
  if (result.status === 'unchanged') {
    await repo.savePoll({ feedId: feed.id, state: result.state, queue: [] });
    return { polled: true, events: [{ ...event, queued: 0, messages: [] }] };
  }
  const { source } = result;
  const messages = source.warnings.map((w) => w.message);
  if (source.kind === 'opml' || source.kind === 'sitemap-index') {
    const { added } = await repo.addFeeds(newFeeds(source.feeds, o.now()));
    await repo.savePoll({ feedId: feed.id, state: result.state, title: source.title, queue: [] });
    const events: PollEvent[] = [];
    if (added.length > 0) events.push({ type: 'feeds-added', from: feed.url, urls: added.map((f) => f.url) });
    return { polled: true, events: [...events, { ...event, queued: 0, messages }] };
  }
  const entries = await queueEntries(repo, source.entries, {
    feedId: feed.id,
    source: feed.url,
    kind: source.kind,
    now: o.now(),
  });
  await repo.savePoll({ feedId: feed.id, state: result.state, title: source.title, queue: entries.queue });
  return { polled: true, events: [{ ...event, queued: entries.queue.length, messages }] };
}

/**
 * A feed address that has never worked and turned out to be a page linking feeds (a site's front page): its feeds
 * replace it, since that is what the user meant.
 */
async function replaceByAlternates(o: PollOneFeedOptions, alternates: readonly FeedRef[]): Promise<PollEvent[]> {
  const { feed } = o;
  const { added } = await o.repo.addFeeds(newFeeds(alternates, o.now()));
  await o.repo.removeFeed(feed.id);
  return [
    failed(feed, 'html-not-feed', `${feed.url}: an HTML page, not a feed: replaced by the feeds it links`),
    { type: 'feeds-added', from: feed.url, urls: added.map((f) => f.url) },
  ];
}
