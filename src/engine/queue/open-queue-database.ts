import { openPgStoryRepository, type PgStoryRepository } from '../storage/pg-story-repository.js';
import { JobQueue, type JobQueueOptions } from './job-queue.js';

/** The story library and the job queue on one PostgreSQL database. */
export interface QueueDatabase {
  repo: PgStoryRepository;
  queue: JobQueue;
  /** Closes the queue and the library. */
  close(): Promise<void>;
}

/**
 * Opens the library (migrating its schema) and the job queue (installing its own) on the database the URL names.
 * Connection errors while idle go to `onError`; they never end the process.
 */
export async function openQueueDatabase(options: JobQueueOptions): Promise<QueueDatabase> {
  const max = options.maxConnections ?? 4;
  const repo = await openPgStoryRepository({ url: options.url, maxConnections: max }, options.onError);
  try {
    const queue = await JobQueue.open(options);
    return { repo, queue, close: async () => void (await Promise.allSettled([queue.close(), repo.close()])) };
  } catch (error) {
    await repo.close();
    throw error;
  }
}
