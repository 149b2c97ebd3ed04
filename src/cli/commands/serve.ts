import { resolve } from 'node:path';
import type { SqliteLibrary } from '../../engine/storage/open-sqlite-library.js';
import { indexRatings, type RatingsIndex } from '../../core/stream/coverage-split.js';
import { loadRatingsFile } from '../../engine/feeds/load-ratings.js';
import { StreamBusyError } from '../../engine/stream/stream-lease.js';
import { StreamWatcher } from '../../engine/stream/stream-watcher.js';
import { stopOnSignals } from '../stop-signal.js';
import { printUntilStopped, summaryLine } from '../stream-progress.js';
import type { StoryRepository } from '../../engine/storage/story-repository.js';
import { DEFAULT_MAX_ARTICLES_PER_STORY } from '../../engine/stories.js';
import { allowedHostProblem } from '../../server/allowed-hosts.js';
import {
  createApp,
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_MAX_UPLOAD_BYTES,
  type AppOptions,
  type ServerLimits,
} from '../../server/app.js';
import { BindRefusedError, decideBind } from '../../server/bind-policy.js';
import { AnalysisPool } from '../../engine/workers/analysis-pool.js';
import type { PoolOptions } from '../../engine/workers/budget-options.js';
import { DEFAULT_MAX_QUEUE } from '../../server/back-pressure.js';
import { startServer, type RunningServer } from '../../server/start-server.js';
import { MIN_TOKEN_LENGTH, tokenProblem } from '../../server/token-auth.js';
import type { Hono } from 'hono';
import { CliError, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { parseByteSize, parsePositiveInteger } from '../option-values.js';
import type { OptionSpec, ParsedValues } from '../parse-command-args.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { POOL_HELP, POOL_OPTIONS, poolOptions } from '../pool-options.js';
import { READING_HELP, READING_OPTIONS, urlAccess, type UrlAccess } from '../reading-options.js';
import { openLibrary } from '../open-library.js';
import type { Command } from './command.js';

/** Default port of `serve` and `start`. */
export const DEFAULT_PORT = 8787;
/** Default story library, under the current folder. */
export const DEFAULT_DB = '.parallax/parallax.db';

/** The options `serve` and `start` share: where to listen, the library, and the limits. */
export const SERVER_OPTIONS: OptionSpec = {
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  'allowed-host': { type: 'string', multiple: true },
  db: { type: 'string' },
  'max-json-bytes': { type: 'string' },
  'max-upload-bytes': { type: 'string' },
  'max-articles': { type: 'string' },
  'max-queue': { type: 'string' },
  ...READING_OPTIONS,
  ...POOL_OPTIONS,
};

/** Help lines of the shared server options. */
export const SERVER_HELP = `  --port N               port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST            interface to bind (default 127.0.0.1, this machine only; any other needs a token)
  --token TOKEN          API access token, ${MIN_TOKEN_LENGTH}+ characters (or PARALLAX_TOKEN): every API request but
                         /api/health must send "Authorization: Bearer TOKEN"
  --allowed-host NAME    also answer to this host name, NAME or NAME:PORT, e.g. a proxy's public name
                         (repeatable; or PARALLAX_ALLOWED_HOSTS=name1,name2)
  --db PATH              the story library, a SQLite file (default ${DEFAULT_DB} under the current folder)
  --max-json-bytes N     size limit of a JSON request body (default ${DEFAULT_MAX_JSON_BYTES / 1024 / 1024}MB)
  --max-upload-bytes N   size limit of a multipart (upload) request body (default ${DEFAULT_MAX_UPLOAD_BYTES / 1024 / 1024}MB)
  --max-articles N       most articles in one story (default ${DEFAULT_MAX_ARTICLES_PER_STORY})
  --max-queue N          analysis requests that may wait while every worker is busy (default ${DEFAULT_MAX_QUEUE});
                         past it, new ones get 503 with Retry-After (reads are never held up)
${READING_HELP}
${POOL_HELP}`;

/** Server settings from parsed flags. */
export interface ServerSettings {
  port: number;
  host: string;
  dbPath: string;
  limits: Partial<ServerLimits>;
  /** Which addresses URL fetches may reach. */
  urlAccess: UrlAccess;
  /** The API token (`--token`, else `PARALLAX_TOKEN`), or null. */
  token: string | null;
  /** Host names to answer to besides the loopback ones and `host` (`--allowed-host` and `PARALLAX_ALLOWED_HOSTS`). */
  allowedHosts: string[];
  /** A one-line remark to print once the server listens (reachable from other machines), or null. */
  notice: string | null;
  /** The worker pool's settings (budgets). */
  pool: PoolOptions;
  maxQueue?: number;
}

/** Reads the shared server flags (throws UsageError on bad values). */
export function serverSettings(command: string, values: ParsedValues, io: CliIo): ServerSettings {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);
  const size = (name: string) => (text(name) === undefined ? undefined : parseByteSize(command, name, text(name)!));
  const count = (name: string) =>
    text(name) === undefined ? undefined : parsePositiveInteger(command, name, text(name)!);
  const limits: Partial<ServerLimits> = {};
  const set = <K extends keyof ServerLimits>(key: K, value: ServerLimits[K] | undefined) => {
    if (value !== undefined) limits[key] = value;
  };
  set('maxJsonBytes', size('max-json-bytes'));
  set('maxUploadBytes', size('max-upload-bytes'));
  set('maxArticleBytes', size('max-bytes'));
  set('maxArticlesPerStory', count('max-articles'));
  set('fetchTimeoutMs', count('timeout'));
  const host = text('host') ?? '127.0.0.1';
  const token = accessToken(command, text('token') ?? io.env.PARALLAX_TOKEN);
  const bind = decideBind({ host, hasToken: token !== null });
  if (!bind.allowed) throw new UsageError(bind.reason, command);
  const queue = text('max-queue');
  return {
    port: parsePort(command, text('port')),
    host,
    dbPath: resolve(io.cwd, text('db') ?? DEFAULT_DB),
    limits,
    urlAccess: urlAccess(command, values),
    token,
    allowedHosts: allowedHosts(command, values['allowed-host'] as unknown, io.env.PARALLAX_ALLOWED_HOSTS),
    notice: bind.notice,
    pool: poolOptions(command, values),
    ...(queue !== undefined ? { maxQueue: parseQueue(command, queue) } : {}),
  };
}

/** The token from the flag or the environment (an empty value is none), checked. */
function accessToken(command: string, value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  const problem = tokenProblem(value.trim());
  if (problem !== null) throw new UsageError(`--token: ${problem}`, command);
  return value.trim();
}

/** The `--allowed-host` values (parseArgs gives a list for a repeatable flag) and the environment's, checked. */
function allowedHosts(command: string, flags: unknown, env: string | undefined): string[] {
  const given = [...(Array.isArray(flags) ? flags.map(String) : []), ...(env ?? '').split(',')]
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of given) {
    const problem = allowedHostProblem(entry);
    if (problem !== null) throw new UsageError(`--allowed-host: ${problem}`, command);
  }
  return given;
}

/** The access options of the app for these settings: the hosts it answers to and its token. */
export function appAccess(
  settings: ServerSettings,
): Pick<AppOptions, 'boundHost' | 'allowedHosts' | 'token' | 'allowPrivateUrls' | 'allowPrivateRanges'> {
  return {
    ...settings.urlAccess,
    boundHost: settings.host,
    allowedHosts: settings.allowedHosts,
    ...(settings.token === null ? {} : { token: settings.token }),
  };
}

/** Prints where the server listens, and the notice when it is reachable from other machines. */
export function announce(io: CliIo, settings: ServerSettings): void {
  io.stderr.write(`parallax: story library ${settings.dbPath}\n`);
  if (settings.notice !== null) io.stderr.write(`parallax: note: ${settings.notice}\n`);
}

/** The queue length: 0 (refuse whenever every worker is busy) or more. */
function parseQueue(command: string, value: string): number {
  return value.trim() === '0' ? 0 : parsePositiveInteger(command, 'max-queue', value);
}

/** The app over the library, analyzing on the pool, with the settings' limits and queue (and the library's stream). */
export function serverApp(
  repo: StoryRepository,
  pool: AnalysisPool,
  settings: ServerSettings,
  stream: Pick<AppOptions, 'stream' | 'ratings'> = {},
): Hono {
  return createApp({
    repo,
    pool,
    ...stream,
    limits: settings.limits,
    ...appAccess(settings),
    ...(settings.maxQueue !== undefined ? { maxQueue: settings.maxQueue } : {}),
  });
}

function parsePort(command: string, value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port must be 0 to 65535 (got "${value}")`, command);
  return port;
}

/** Starts the server; a port in use becomes a one-line user error instead of an internal one. */
export async function listen(app: Hono, settings: ServerSettings): Promise<RunningServer> {
  try {
    return await startServer(app, settings);
  } catch (error) {
    if (error instanceof BindRefusedError) throw new CliError(error.message, 2);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${settings.port} is in use: choose another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(`cannot listen on host ${settings.host}`);
    throw error;
  }
}

/**
 * Keeps the server up until Ctrl-C (SIGINT) or SIGTERM, then closes it, stops the workers (an analysis still running
 * is abandoned: nothing of it was stored) and closes the library; resolves to exit code 0.
 */
export async function runUntilStopped(
  server: RunningServer,
  pool: AnalysisPool,
  closeLibrary: () => Promise<void>,
): Promise<number> {
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  await pool.close();
  await closeLibrary();
  return 0;
}

const help = `Usage: parallax serve [options]

Serves the HTTP API (see docs/api.md) and the web page on one port, over a story library kept in SQLite.

Options:
${SERVER_HELP}
  --ratings FILE         outlet ratings (CSV or JSON, see docs/feeds.md): stream stories show their coverage by lean
  --watch                also poll the library's feeds (those added through /api/feeds too), ingest, cluster and
                         analyze, as \`parallax watch\` does (politely: one request per host at a time, a second apart)
  -h, --help             show this help
`;

/**
 * Runs the library's stream in the server's process until a stop signal (it is stopped before the pool closes, so
 * that an article being read stays queued); resolves to a function that waits for it to finish and checkpoint.
 */
async function startWatching(library: SqliteLibrary, pool: AnalysisPool, settings: ServerSettings, io: CliIo) {
  const stop = stopOnSignals();
  const watcher = await StreamWatcher.open({
    repo: library.stream,
    pool,
    options: {
      ...(settings.urlAccess.allowPrivateUrls ? { allowPrivate: true } : {}),
      ...(settings.urlAccess.allowPrivateRanges ? { allowRanges: settings.urlAccess.allowPrivateRanges } : {}),
    },
    onEvent: printUntilStopped(io, stop.signal),
  }).catch((error: unknown) => {
    stop.dispose();
    throw error instanceof StreamBusyError ? new CliError(error.message) : error;
  });
  const running = watcher.run(stop.signal).finally(() => watcher.close());
  return async (): Promise<void> => {
    stop.stop();
    stop.dispose();
    await running;
    io.stderr.write(summaryLine(watcher.counters, null));
  };
}

/** The ratings of \`--ratings FILE\`, their problems printed; null without the option. */
async function ratingsOption(values: Record<string, unknown>, io: CliIo): Promise<RatingsIndex | null> {
  if (typeof values.ratings !== 'string') return null;
  const loaded = await loadRatingsFile(resolve(io.cwd, values.ratings));
  for (const p of loaded.problems) {
    io.stderr.write(`parallax: ${values.ratings}${p.row !== null ? `#${p.row}` : ''}: ${p.message}\n`);
  }
  if (loaded.ratings.length === 0) throw new CliError(`${values.ratings}: no rating could be read`);
  return indexRatings(loaded.ratings);
}

const command: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('serve', argv, {
      ...SERVER_OPTIONS,
      ratings: { type: 'string' },
      watch: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'serve');
    const settings = serverSettings('serve', values, io);
    const ratings = await ratingsOption(values, io);
    const library = await openLibrary(settings.dbPath);
    const pool = new AnalysisPool({ ...settings.pool, lowPriority: true });
    const stream = { stream: library.stream, ...(ratings ? { ratings } : {}) };
    const server = await listen(serverApp(library.stories, pool, settings, stream), settings).catch(async (error) => {
      await pool.close();
      await library.close();
      throw error;
    });
    const stopWatching =
      values.watch === true
        ? await startWatching(library, pool, settings, io).catch(async (error: unknown) => {
            await server.close();
            await pool.close();
            await library.close();
            throw error;
          })
        : null;
    announce(io, settings);
    if (stopWatching) io.stderr.write("parallax: watching the library's feeds\n");
    io.stdout.write(`Parallax is listening on ${server.url}/ (Ctrl-C stops it)\n`);
    return runUntilStopped(server, pool, async () => {
      await stopWatching?.();
      await library.close();
    });
  },
};

export default command;
