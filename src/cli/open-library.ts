import { dirname, join } from 'node:path';
import { fsReason } from '../engine/inputs/fs-reason.js';
import { pathState } from '../engine/inputs/output-path.js';
import { openSqliteLibrary, type SqliteLibrary } from '../engine/storage/open-sqlite-library.js';
import { CliError } from './errors.js';

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
 * Opens the story library at `dbPath`; a folder, an unwritable place or a file that is not a library is an error
 * naming the path and the reason, not an internal error.
 */
export async function openLibrary(dbPath: string): Promise<SqliteLibrary> {
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
