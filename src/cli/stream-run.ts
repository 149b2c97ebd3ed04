/**
 * What `parallax ingest` and `parallax watch` share: their options, and the stream opened over the library with the
 * sources added.
 */
import type { QueueLibrary } from '../engine/queue/open-queue-library.js';
import { describeDb, resolveDb } from '../engine/storage/db-location.js';
import type { SqliteLibrary } from '../engine/storage/open-sqlite-library.js';
import { onQueue, openLibrary } from './open-library.js';
import { scheduleJobs } from './queue-schedule.js';
import { addSources, type AddedSources } from '../engine/stream/add-sources.js';
import { StreamBusyError } from '../engine/stream/stream-lease.js';
import type { StreamOptions } from '../engine/stream/stream-options.js';
import { StreamWatcher, type StreamEvent } from '../engine/stream/stream-watcher.js';
import { AnalysisPool } from '../engine/workers/analysis-pool.js';
import { DEFAULT_DB } from './commands/serve.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';
import { parseByteSize, parsePositiveInteger } from './option-values.js';
import type { OptionSpec, ParsedValues } from './parse-command-args.js';
import { POOL_HELP, POOL_OPTIONS, poolOptions } from './pool-options.js';
import { urlAccess } from './reading-options.js';

/** The options of `ingest` and `watch`. */
export const STREAM_OPTIONS: OptionSpec = {
  db: { type: 'string' },
  'max-bytes': { type: 'string' },
  timeout: { type: 'string' },
  'allow-private-urls': { type: 'boolean' },
  'allow-private-range': { type: 'string' },
  'host-delay': { type: 'string' },
  'host-concurrency': { type: 'string' },
  'report-min-articles': { type: 'string' },
  ...POOL_OPTIONS,
};

/** Help lines of the stream options. */
export const STREAM_HELP = `  --db PATH|URL          the library: a SQLite file (default ${DEFAULT_DB} under the current folder), or a
                         PostgreSQL database (postgres://user:password@host/db), whose stream is worked by
                         \`parallax worker\` processes: this command then only adds the sources and queues the work
                         (the fetching and report options below are then the workers')
  --max-bytes N          size limit of one article page: bytes, or with kB/MB (default 5MB; feeds 10MB)
  --timeout MS           time limit of one request in milliseconds (default 15000)
  --host-delay MS        least time between two requests to one host (default 1000)
  --host-concurrency N   requests to one host at a time (default 1)
  --report-min-articles N
                         fewest articles for a story to get a report (default 2)
  --allow-private-urls   also fetch private, loopback and link-local addresses (refused by default)
  --allow-private-range LIST
                         only these private addresses or CIDR ranges, comma-separated
${POOL_HELP}`;

/** Stream settings from the parsed flags (throws UsageError on bad values). */
export function streamSettings(command: string, values: ParsedValues, io: CliIo) {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);
  const count = (name: string) =>
    text(name) === undefined ? undefined : parsePositiveInteger(command, name, text(name)!);
  const delay = text('host-delay');
  const access = urlAccess(command, values);
  const options: StreamOptions = {
    hostLimits: {
      ...(delay !== undefined
        ? { delayMs: delay.trim() === '0' ? 0 : parsePositiveInteger(command, 'host-delay', delay) }
        : {}),
      ...(count('host-concurrency') !== undefined ? { concurrency: count('host-concurrency')! } : {}),
    },
    ...(text('max-bytes') !== undefined
      ? { maxPageBytes: parseByteSize(command, 'max-bytes', text('max-bytes')!) }
      : {}),
    ...(count('timeout') !== undefined ? { timeoutMs: count('timeout')! } : {}),
    ...(count('report-min-articles') !== undefined ? { reportMinArticles: count('report-min-articles')! } : {}),
    ...(access.allowPrivateUrls ? { allowPrivate: true } : {}),
    ...(access.allowPrivateRanges ? { allowRanges: access.allowPrivateRanges } : {}),
  };
  return { dbPath: resolveDb(io.cwd, text('db') ?? DEFAULT_DB), options, pool: poolOptions(command, values) };
}

/** An open stream: the library, the pool, the watcher, and what adding the sources did. */
export interface OpenStream {
  library: SqliteLibrary;
  pool: AnalysisPool;
  watcher: StreamWatcher;
  added: AddedSources;
  /** Closes the watcher, the pool and the library, in that order. */
  close(): Promise<void>;
}

/** Opens the library and the stream, and adds the sources (their problems printed). */
export async function openStream(
  settings: ReturnType<typeof streamSettings>,
  sources: readonly string[],
  io: CliIo,
  onEvent: (event: StreamEvent) => void,
  extra: StreamOptions = {},
): Promise<OpenStream> {
  const library = await openLibrary(settings.dbPath, io);
  if (onQueue(library)) {
    await library.close();
    throw new Error('a stream runs in this process on a SQLite library only: on PostgreSQL, workers run it');
  }
  const pool = new AnalysisPool(settings.pool);
  let watcher: StreamWatcher;
  try {
    watcher = await StreamWatcher.open({
      repo: library.stream,
      pool,
      options: { ...settings.options, ...extra },
      onEvent,
    });
  } catch (error) {
    await pool.close();
    await library.close();
    if (error instanceof StreamBusyError) throw new CliError(error.message);
    throw error;
  }
  const added = await addAndPrint(library, sources, io);
  const close = async () => {
    try {
      await watcher.close();
    } finally {
      // The pool may be closed already (a stop closes it at once).
      await pool.close().catch(() => undefined);
      await library.close();
    }
  };
  return { library, pool, watcher, added, close };
}

/** Adds the sources to the library's stream and prints their problems and the feeds added. */
async function addAndPrint(
  library: SqliteLibrary | QueueLibrary,
  sources: readonly string[],
  io: CliIo,
): Promise<AddedSources> {
  const added = await addSources(sources, { repo: library.stream, cwd: io.cwd, now: Date.now() });
  for (const p of added.problems)
    io.stderr.write(`parallax: ${p.level === 'warning' ? 'warning: ' : ''}${p.message}\n`);
  if (added.feedsAdded.length > 0) io.stderr.write(`parallax: ${added.feedsAdded.length} feeds added\n`);
  return added;
}

/** A PostgreSQL library with the sources added to its stream (their work on the job queue). */
export interface QueuedSources {
  library: QueueLibrary;
  added: AddedSources;
}

/**
 * On a PostgreSQL library: adds the sources (their feeds and articles get their jobs in the same transactions as
 * they are stored) and makes sure every piece of pending work has its job. The work itself is the workers'.
 */
export async function queueSources(
  settings: ReturnType<typeof streamSettings>,
  sources: readonly string[],
  io: CliIo,
): Promise<QueuedSources> {
  const library = await openLibrary(settings.dbPath, io);
  if (!onQueue(library)) {
    await library.close();
    throw new Error('the job queue lives in a PostgreSQL library only');
  }
  try {
    const added = await addAndPrint(library, sources, io);
    await scheduleJobs(library);
    const waiting = await library.stream.queueSize();
    io.stderr.write(
      `parallax: ${added.queued} articles queued (${waiting} waiting in all); \`parallax worker --db ${describeDb(settings.dbPath)}\` does the work\n`,
    );
    return { library, added };
  } catch (error) {
    await library.close();
    throw error;
  }
}
