import { resolve } from 'node:path';
import { isPostgresUrl, redactUrl } from './pg-pool.js';

/** A `--db` value made absolute: a PostgreSQL URL stays as it is, a SQLite path is resolved from `cwd`. */
export function resolveDb(cwd: string, value: string): string {
  return isPostgresUrl(value) ? value.trim() : resolve(cwd, value);
}

/** The library's location as it may be shown: the path, or the URL without its password. */
export function describeDb(db: string): string {
  return isPostgresUrl(db) ? redactUrl(db.trim()) : db;
}
