import { openPgLibrary, type PgLibrary } from '../storage/open-pg-library.js';
import { JobQueue, type JobQueueOptions } from './job-queue.js';
import { jobFollowUps } from './stream-follow-ups.js';

/** A library on PostgreSQL with its job queue: every write of the stream sends the jobs that follow from it. */
export interface QueueLibrary extends PgLibrary {
  queue: JobQueue;
}

/** How to open it. */
export interface QueueLibraryOptions extends JobQueueOptions {
  /** See `jobFollowUps`. */
  analyzeDelaySeconds?: number;
}

/**
 * Opens the job queue (installing its schema) and the library (migrating its own) on the database the URL names, the
 * library's stream wired to the queue. Connection errors while idle go to `onError`; they never end the process.
 */
export async function openQueueLibrary(options: QueueLibraryOptions): Promise<QueueLibrary> {
  const queue = await JobQueue.open(options);
  try {
    const library = await openPgLibrary({
      url: options.url,
      maxConnections: options.maxConnections ?? 4,
      ...(options.onError ? { onError: options.onError } : {}),
      followUps: jobFollowUps(queue, options),
    });
    const close = async () => void (await Promise.allSettled([queue.close(), library.close()]));
    return { ...library, queue, close };
  } catch (error) {
    await queue.close();
    throw error;
  }
}
