import { SqliteStreamRepository } from './sqlite-stream-repository.js';
import { openSqliteDatabase, SqliteStoryRepository, type SqliteRepositoryOptions } from './sqlite-story-repository.js';

/** The story library and the stream storage over one SQLite connection (closing either closes both). */
export interface SqliteLibrary {
  stories: SqliteStoryRepository;
  stream: SqliteStreamRepository;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) a SQLite library with both of its repositories on one connection: a stream story
 * published by the stream storage is read by the story library in the same database, and one process holds one
 * connection.
 */
export function openSqliteLibrary(options: SqliteRepositoryOptions): SqliteLibrary {
  const db = openSqliteDatabase(options);
  const stories = new SqliteStoryRepository(db);
  const stream = new SqliteStreamRepository(db);
  return { stories, stream, close: () => stories.close() };
}
