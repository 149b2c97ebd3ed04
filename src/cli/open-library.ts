import { dirname, join } from 'node:path';
import { fsReason } from '../engine/inputs/fs-reason.js';
import { pathState } from '../engine/inputs/output-path.js';
import { openQueueLibrary, type QueueLibrary } from '../engine/queue/open-queue-library.js';
import { describeDb } from '../engine/storage/db-location.js';
import { openSqliteLibrary, type SqliteLibrary } from '../engine/storage/open-sqlite-library.js';
import { isPostgresUrl } from '../engine/storage/pg-pool.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';

/** A library as the commands open it: SQLite, or PostgreSQL with its job queue (its stream's work is the workers'). */
export type OpenLibrary = SqliteLibrary | QueueLibrary;

/** True for a library on PostgreSQL, whose stream is worked by `parallax worker` processes through the job queue. */
export function onQueue(library: OpenLibrary): library is QueueLibrary {
  return 'queue' in library;
}

/** What SQLite's error codes mean for the user, for the errors a wrong `--db` path gives. */
const SQLITE_REASONS: Readonly<Record<string, string>> = {
  SQLITE_CANTOPEN: 'the file cannot be opened or created (check that its folder is writable)',
  SQLITE_NOTADB: 'the file is not a SQLite database',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_READONLY: 'the database is read-only',
  SQLITE_BUSY: 'the database is locked by another program',
  SQLITE_PERM: 'permission denied',
  SQLITE_FULL: 'the disk is full',
};

/**
 * Opens the story library `--db` names: a SQLite file (a folder, an unwritable place or a file that is not a library
 * is an error naming the path and the reason, not an internal error), or a PostgreSQL database (`postgres://...`,
 * with its job queue; one that cannot be reached is a one-line error without the password, and a connection lost
 * later is a line on `io`'s stderr, never the end of the process).
 */
export async function openLibrary(dbPath: string, io?: Pick<CliIo, 'stderr'>): Promise<OpenLibrary> {
  if (isPostgresUrl(dbPath)) return openPostgres(dbPath.trim(), io);
  const state = await pathState(dbPath);
  if (state.kind === 'found' && state.info.isDirectory()) {
    throw new CliError(
      `cannot open the story library ${dbPath}: it is a folder; give a file, e.g. --db ${join(dbPath, 'parallax.db')}`,
    );
  }
  const blocker = await fileInTheWay(dirname(dbPath));
  if (blocker) throw new CliError(`cannot open the story library ${dbPath}: ${blocker} is a file, not a folder`);
  try {
    return openSqliteLibrary({ path: dbPath });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? (SQLITE_REASONS[code] ?? fsReason(error)) : fsReason(error);
    throw new CliError(`cannot open the story library ${dbPath}: ${reason}`);
  }
}

/** The nearest existing folder-to-be above the library when it is a file (the library's folders are made on open). */
async function fileInTheWay(folder: string): Promise<string | null> {
  for (let dir = folder; ; dir = dirname(dir)) {
    const state = await pathState(dir);
    if (state.kind === 'found') return state.info.isDirectory() ? null : dir;
    const notDir = state.kind === 'error' && (state.error as NodeJS.ErrnoException).code === 'ENOTDIR';
    if ((state.kind === 'error' && !notDir) || dirname(dir) === dir) return null;
  }
}

async function openPostgres(url: string, io?: Pick<CliIo, 'stderr'>): Promise<OpenLibrary> {
  const onError = (error: Error) => io?.stderr.write(`parallax: database connection lost: ${error.message}\n`);
  try {
    return await openQueueLibrary({ url, onError });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot open the story library ${describeDb(url)}: ${reason}`);
  }
}
