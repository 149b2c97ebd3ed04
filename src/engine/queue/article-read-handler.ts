import type { QueueItem } from '../storage/stream-repository.js';
import { articleFailure } from '../stream/article-failure.js';
import { newFeeds } from '../stream/new-feeds.js';
import { pageRead, readQueuedArticle, type PageOutcome, type PageRead } from '../stream/read-queued-page.js';
import { recordNotModified } from '../stream/stream-ingester.js';
import type { JobHandler, JobOutcome } from './job-handler.js';
import type { QueueJob } from './job-queue.js';
import type { ArticleReadJob } from './job-catalog.js';
import { hostTurn, slotOf, type StreamWork } from './stream-work.js';

/** What a worker read of a queued article, kept with it until the stream's writer places it. */
export interface StoredRead {
  page: PageRead;
  /** When the page was fetched (ms). */
  fetchedAt: number;
}

/** How early (ms) a read may run before its article is due (a retry's time): clocks of machines differ a little. */
const EARLY_MS = 5_000;

/**
 * `article-read`: fetches a queued article's page (politely; conditionally for a revisit; not at all for an entry
 * that carries its article) and reads it on the pool. A read article is kept with its queue item for the stream's
 * writer (`story-assign`), sent in the same transaction; an unchanged revisit, a probe that turned out to be a feed,
 * and a failure (tried again later, or given up and recorded on its feed) are stored at once. Idempotent: an article
 * no longer queued, or read already, is left alone. The jobs of a batch are read side by side.
 */
export function articleReadHandler(work: StreamWork): JobHandler<'article-read'> {
  return {
    run: (jobs, signal) => Promise.all(jobs.map((job) => readOne(work, job, signal))),
  };
}

async function readOne(work: StreamWork, job: QueueJob<ArticleReadJob>, signal: AbortSignal): Promise<JobOutcome> {
  const queuePk = (job.data as { queuePk?: unknown } | null)?.queuePk;
  if (typeof queuePk !== 'number' || !Number.isSafeInteger(queuePk)) {
    return { ok: false, error: new Error('the job names no queued article (queuePk)'), permanent: true };
  }
  const queued = await work.repo.queuedRead<StoredRead>(queuePk);
  if (!queued) return { ok: true, output: { queuePk, skipped: 'not queued' } };
  if (queued.read) return { ok: true, output: { queuePk, skipped: 'read already' } };
  const { item } = queued;
  // A job sent for an earlier attempt: the retry has a job of its own at its time.
  if (Date.parse(queued.dueAt) > work.now() + EARLY_MS) return { ok: true, output: { queuePk, skipped: 'not due' } };
  try {
    return await fetchAndRead(work, item, job, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    // Not the page's fault (it never throws for that): tried again later, a bounded number of times, like the watcher.
    const message = `${item.entry.url ?? item.source}: ${error instanceof Error ? error.message : String(error)}`;
    const failure = articleFailure(item, { code: 'internal', message, retryAfterMs: null }, work.options, work.now());
    await work.repo.failQueued(failure);
    work.log.log('warn', 'article failed', { queuePk, url: item.entry.url, code: 'internal', error: message });
    return { ok: true, output: { queuePk, failed: 'internal', retryAt: failure.retryAt } };
  }
}

/** Waits for the host's turn (or puts the job off to its slot), reads the page, and stores what became of it. */
async function fetchAndRead(
  work: StreamWork,
  item: QueueItem,
  job: QueueJob<ArticleReadJob>,
  signal: AbortSignal,
): Promise<JobOutcome> {
  const deferred = await deferToHostSlot(work, item, job, signal);
  if (deferred) return deferred;
  if (!work.pool) throw new Error('this worker has no analysis pool to read articles on');
  const started = work.now();
  const page = await readQueuedArticle({
    item,
    repo: work.repo,
    fetcher: work.fetcher,
    pool: work.pool,
    maxBytes: work.options.maxPageBytes,
    signal,
  });
  return storePage(work, item, page, started);
}

/** A page to fetch whose host's turn is too far off: the job is sent again for its slot (and this one is done). */
async function deferToHostSlot(
  work: StreamWork,
  item: QueueItem,
  job: QueueJob<ArticleReadJob>,
  signal: AbortSignal,
): Promise<JobOutcome | null> {
  const url = item.useEntryContent ? null : item.entry.url;
  if (url === null || slotOf(job.data) !== null) return null;
  const slot = await hostTurn(work, url, signal);
  if (slot === null) return null;
  await work.queue.send('article-read', { queuePk: item.pk, slotAt: slot }, { startAfter: slot });
  return { ok: true, output: { queuePk: item.pk, deferredTo: slot } };
}

/** Stores what reading the page gave: a read kept for the writer, a revisit's validators, new feeds, or a failure. */
async function storePage(work: StreamWork, item: QueueItem, page: PageOutcome, started: number): Promise<JobOutcome> {
  const queuePk = item.pk;
  const at = new Date(work.now()).toISOString();
  switch (page.kind) {
    case 'aborted':
      throw new Error('released: the worker stopped during the read');
    case 'not-modified':
      await recordNotModified(
        work.repo,
        { queuePk, urlKey: item.urlKey, signature: item.signature, validators: page },
        at,
      );
      return { ok: true, output: { queuePk, outcome: 'not-modified' } };
    case 'feeds': {
      const { added } = await work.repo.resolveProbe({ queuePk, feeds: newFeeds(page.feeds, work.now()) });
      work.log.log('info', 'feeds added', { from: item.source, urls: added.map((f) => f.url) });
      return { ok: true, output: { queuePk, outcome: 'feeds', added: added.length } };
    }
    case 'retry':
    case 'failed': {
      const retryAfterMs = page.kind === 'retry' ? page.retryAfterMs : undefined;
      const problem = { code: page.code, message: page.message, retryAfterMs };
      const failure = articleFailure(item, problem, work.options, work.now());
      await work.repo.failQueued(failure);
      work.log.log('warn', 'article failed', { queuePk, url: item.entry.url, code: page.code, error: page.message });
      return { ok: true, output: { queuePk, failed: page.code, retryAt: failure.retryAt } };
    }
    case 'read': {
      const read: StoredRead = { page: pageRead(page), fetchedAt: started };
      const stored = await work.repo.storeRead(queuePk, read, at);
      return { ok: true, output: { queuePk, outcome: stored ? 'read' : 'read already' } };
    }
  }
}
