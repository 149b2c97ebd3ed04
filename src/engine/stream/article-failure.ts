import type { QueueFailure, QueueItem } from '../storage/stream-repository.js';
import type { ResolvedStreamOptions } from './stream-options.js';

/**
 * What becomes of a queued article that failed: tried again later with a growing wait (at least what the server
 * asked for) while attempts remain and trying again may help (`retryAfterMs` given, null when the server said
 * nothing), given up otherwise (`retryAt` null).
 */
export function articleFailure(
  item: Pick<QueueItem, 'pk' | 'attempts'>,
  problem: { code: string; message: string; retryAfterMs?: number | null | undefined },
  options: Pick<ResolvedStreamOptions, 'maxArticleAttempts' | 'articleRetryMs'>,
  now: number,
): QueueFailure {
  const attempt = item.attempts + 1;
  const retry = problem.retryAfterMs !== undefined && attempt < options.maxArticleAttempts;
  const wait = Math.max(problem.retryAfterMs ?? 0, options.articleRetryMs * 2 ** (attempt - 1));
  return {
    queuePk: item.pk,
    code: problem.code,
    message: problem.message,
    retryAt: retry ? new Date(now + wait).toISOString() : null,
    at: new Date(now).toISOString(),
  };
}
