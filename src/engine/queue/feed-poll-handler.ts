import { pollOneFeed } from '../stream/poll-one-feed.js';
import type { JobHandler, JobOutcome } from './job-handler.js';
import { eachNamedJob, hostTurn, slotOf, type StreamWork } from './stream-work.js';

/** How early (ms) a poll job may run before its feed is due: clocks of machines differ a little. */
const EARLY_MS = 5_000;

/**
 * `feed-poll`: polls the feed once it is due (conditional GET, politely) and stores its record with the articles it
 * queued, in one transaction that also sends the next poll and the articles' reads. Idempotent: a feed not due (it was
 * polled meanwhile) is left alone, and its next poll is made sure of; a removed feed is done.
 */
export function feedPollHandler(work: StreamWork): JobHandler<'feed-poll'> {
  return {
    run: (jobs, signal) => eachNamedJob(jobs, 'feedId', 'feed', (feedId, data) => pollDue(work, feedId, data, signal)),
  };
}

/** Polls one feed when it is due and its host's turn has come; otherwise sends its job again for then. */
async function pollDue(work: StreamWork, feedId: string, data: unknown, signal: AbortSignal): Promise<JobOutcome> {
  const feed = await work.repo.getFeed(feedId);
  if (!feed) return { ok: true, output: { feedId, skipped: 'no such feed' } };
  if (Date.parse(feed.state.nextPollAt) > work.now() + EARLY_MS) {
    await work.queue.send('feed-poll', { feedId }, { startAfter: feed.state.nextPollAt });
    return { ok: true, output: { feedId, skipped: 'not due', nextPollAt: feed.state.nextPollAt } };
  }
  const slot = slotOf(data) ?? (await hostTurn(work, feed.url, signal));
  if (slot !== null && slotOf(data) === null) {
    await work.queue.send('feed-poll', { feedId, slotAt: slot }, { startAfter: slot });
    return { ok: true, output: { feedId, deferredTo: slot } };
  }
  const { polled, events } = await pollOneFeed({
    repo: work.repo,
    fetcher: work.fetcher,
    feed,
    options: work.options,
    now: work.now,
    signal,
  });
  if (!polled) throw new Error('released: the worker stopped during the poll');
  const poll = events.find((e) => e.type === 'poll');
  for (const event of events) {
    if (event.type === 'feeds-added') work.log.log('info', 'feeds added', { from: event.from, urls: event.urls });
  }
  if (poll?.status === 'failed')
    work.log.log('warn', 'feed failed', { feedId, url: feed.url, code: poll.code, error: poll.messages[0] });
  return { ok: true, output: { feedId, status: poll?.status ?? 'replaced', queued: poll?.queued ?? 0 } };
}
