import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_HOST_LIMITS } from '../fetch/host-scheduler.js';
import type { PoliteFetcher } from '../fetch/polite-fetcher.js';
import type { PgStreamRepository } from '../storage/pg-stream-repository.js';
import type { ResolvedStreamOptions } from '../stream/stream-options.js';
import type { AnalysisPool } from '../workers/analysis-pool.js';
import type { JobOutcome } from './job-handler.js';
import type { JobQueue } from './job-queue.js';
import type { JsonLog } from './json-log.js';

/** What the stream's job handlers of one worker share. */
export interface StreamWork {
  repo: PgStreamRepository;
  queue: JobQueue;
  fetcher: PoliteFetcher;
  /** The threads pages are read and stories analyzed on (absent in a worker that only polls and places). */
  pool?: AnalysisPool;
  options: ResolvedStreamOptions;
  /** The clock (ms). */
  now: () => number;
  log: JsonLog;
  /** The generator version written into reports. */
  version: string;
}

/** Longest wait for a host's request slot inside a job; a longer one puts the job off until its slot. */
const MAX_SLOT_WAIT_MS = 20_000;

/**
 * Waits for this worker's turn to send a request to the address's host: the starts of two requests to one host are
 * at least the host delay apart across every worker (the fetcher keeps the same delay within this process). Resolves
 * to null when the request may go now, or to the ISO time of the reserved slot when that is too far off to wait for
 * in a job (the caller sends itself again for then, saying the slot is reserved).
 */
export async function hostTurn(work: StreamWork, url: string, signal: AbortSignal): Promise<string | null> {
  const gap = work.options.hostLimits.delayMs ?? DEFAULT_HOST_LIMITS.delayMs;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null; // the fetcher refuses it with a clear reason
  }
  if (gap <= 0 || host === '') return null;
  const wait = await work.repo.reserveHostSlot(host, gap);
  if (wait > MAX_SLOT_WAIT_MS) return new Date(work.now() + wait).toISOString();
  if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => undefined);
  return null;
}

/** A job's field that must be a non-empty string, or null. */
export function textField(data: unknown, field: string): string | null {
  const value = (data as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The slot a job was put off to (see `hostTurn`), when it says it has one. */
export function slotOf(data: unknown): string | null {
  return textField(data, 'slotAt');
}

/**
 * Does a batch one job after another, each naming its subject (a feed, a story) in a text field; a job that names none
 * fails for good (no retry can help), and the others go on.
 */
export async function eachNamedJob(
  jobs: readonly { data: unknown }[],
  field: string,
  what: string,
  step: (name: string, data: unknown) => Promise<JobOutcome>,
): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    const name = textField(job.data, field);
    if (name === null) {
      outcomes.push({ ok: false, error: new Error(`the job names no ${what} (${field})`), permanent: true });
      continue;
    }
    outcomes.push(await step(name, job.data));
  }
  return outcomes;
}
