import pg from 'pg';

/** How Parallax connects to PostgreSQL. */
export interface PgConnectionOptions {
  /** A `postgres://` or `postgresql://` URL. */
  url: string;
  /** Most connections this process opens (default 10). */
  maxConnections?: number;
  /** The name the server shows for these connections (default `parallax`). */
  applicationName?: string;
}

/** True for a PostgreSQL connection URL (what `--db` takes besides a SQLite path). */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/** The URL with its password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass|secret|key/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

/**
 * A connection pool. Idle connections are checked (`keepAlive`) and errors of idle connections (the server restarted)
 * are reported to `onError` instead of crashing the process: the pool drops such a connection and opens a new one on
 * the next query.
 */
export function openPgPool(options: PgConnectionOptions, onError: (error: Error) => void = () => undefined): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'parallax',
    connectionTimeoutMillis: 30_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  pool.on('error', onError);
  return pool;
}

/** A client in an open transaction. */
export type PgTransaction = pg.PoolClient;

/**
 * Runs `work` in one transaction (committed when it resolves, rolled back when it throws). A connection that failed
 * (the server went away) is destroyed rather than returned to the pool.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: PgTransaction) => Promise<T>,
  isolation: 'read committed' | 'repeatable read' = 'read committed',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection lost while the client is checked out is an 'error' event on it (fatal without a listener); the
  // next query fails with it anyway, and the client is then destroyed rather than reused.
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query(
      `BEGIN ISOLATION LEVEL ${isolation === 'read committed' ? 'READ COMMITTED' : 'REPEATABLE READ'}`,
    );
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/**
 * PostgreSQL cannot store the NUL character in text. Short texts (ids, titles, sources) that hold one get U+FFFD in
 * its place; the raw article content, which must come back exactly, is stored as bytes instead.
 */
export function pgText(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}
