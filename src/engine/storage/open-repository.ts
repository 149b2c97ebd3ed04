import { resolve } from 'node:path';
import { isPostgresUrl, redactUrl } from './pg-pool.js';
import { openPgStoryRepository } from './pg-story-repository.js';
import { openSqliteStoryRepository } from './sqlite-story-repository.js';
import type { StoryRepository } from './story-repository.js';

/** Options of opening a story library. */
export interface OpenRepositoryOptions {
  /** Where errors of idle PostgreSQL connections go (the server restarted); they never end the process. */
  onConnectionError?: (error: Error) => void;
  /** Most PostgreSQL connections of this process (default 10). */
  maxConnections?: number;
}

/** The library could not be opened: the message names it (password hidden) and says why. */
export class RepositoryOpenError extends Error {
  override name = 'RepositoryOpenError';
}

/**
 * Opens the story library `--db` names: a `postgres://` (or `postgresql://`) URL opens PostgreSQL, anything else is a
 * SQLite file. Both are migrated to the current schema before this resolves.
 */
export async function openRepository(db: string, options: OpenRepositoryOptions = {}): Promise<StoryRepository> {
  try {
    if (!isPostgresUrl(db)) return openSqliteStoryRepository({ path: db });
    return await openPgStoryRepository(
      { url: db.trim(), ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}) },
      options.onConnectionError,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RepositoryOpenError(`cannot open the story library ${describeDb(db)}: ${reason}`, { cause: error });
  }
}

/** A `--db` value made absolute: a URL stays as it is, a path is resolved from `cwd`. */
export function resolveDb(cwd: string, value: string): string {
  return isPostgresUrl(value) ? value.trim() : resolve(cwd, value);
}

/** The library's location as it may be shown: the path, or the URL without its password. */
export function describeDb(db: string): string {
  return isPostgresUrl(db) ? redactUrl(db.trim()) : db;
}
