/**
 * What `parallax ingest` and `parallax watch` share: their options, and the stream opened over the library with the
 * sources added.
 */
import { resolve } from 'node:path';
import type { SqliteLibrary } from '../engine/storage/open-sqlite-library.js';
import { openLibrary } from './open-library.js';
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
export const STREAM_HELP = `  --db PATH              the library, a SQLite file (default ${DEFAULT_DB} under the current folder)
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
  return { dbPath: resolve(io.cwd, text('db') ?? DEFAULT_DB), options, pool: poolOptions(command, values) };
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
  const library = await openLibrary(settings.dbPath);
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
  const added = await addSources(sources, { repo: library.stream, cwd: io.cwd, now: Date.now() });
  for (const p of added.problems)
    io.stderr.write(`parallax: ${p.level === 'warning' ? 'warning: ' : ''}${p.message}\n`);
  if (added.feedsAdded.length > 0) io.stderr.write(`parallax: ${added.feedsAdded.length} feeds added\n`);
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
