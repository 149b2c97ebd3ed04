import type pg from 'pg';
import type { PgConnectionOptions } from './pg-pool.js';
import { openMigratedPgPool } from './pg-migrations.js';
import { PgStoryRepository } from './pg-story-repository.js';
import { PgStreamRepository, type PgStreamFollowUps } from './pg-stream-repository.js';

/** The story library and the stream storage over one PostgreSQL connection pool (closing either closes both). */
export interface PgLibrary {
  stories: PgStoryRepository;
  stream: PgStreamRepository;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** How to open a PostgreSQL library. */
export interface PgLibraryOptions extends PgConnectionOptions {
  /** Where errors of idle connections go (the server restarted); they never end the process. */
  onError?: (error: Error) => void;
  /** Work that follows from the stream's writes, in their transactions (the job queue's jobs). */
  followUps?: PgStreamFollowUps;
}

/**
 * Connects to PostgreSQL, migrates the schema (once, however many processes start together) and opens both
 * repositories on one pool, the counterpart of `openSqliteLibrary`.
 */
export async function openPgLibrary(options: PgLibraryOptions): Promise<PgLibrary> {
  const pool = await openMigratedPgPool(options, options.onError);
  const stories = new PgStoryRepository(pool);
  const stream = new PgStreamRepository(pool, options.followUps);
  return { stories, stream, pool, close: () => stories.close() };
}
