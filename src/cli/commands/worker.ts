import { JOB_NAMES, isJobName, type JobName } from '../../engine/queue/job-catalog.js';
import { jsonLog } from '../../engine/queue/json-log.js';
import { DEFAULT_RECONCILE_SECONDS, runQueueWorker } from '../../engine/queue/queue-worker.js';
import { DEFAULT_ANALYZE_DELAY_SECONDS } from '../../engine/queue/stream-follow-ups.js';
import { describeDb } from '../../engine/storage/db-location.js';
import { isPostgresUrl } from '../../engine/storage/pg-pool.js';
import { CliError, UsageError } from '../errors.js';
import { parsePositiveInteger } from '../option-values.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { stopOnSignals } from '../stop-signal.js';
import { STREAM_HELP, STREAM_OPTIONS, streamSettings } from '../stream-run.js';
import type { Command } from './command.js';

const DEFAULT_GRACE_SECONDS = 30;

const help = `Usage: parallax worker --db postgres://... [options]

Works the job queue kept in the PostgreSQL library: polls feeds (feed-poll), fetches and reads their articles
(article-read), places the read articles in stories, in queue order, as the stream's one writer at a time
(story-assign), and analyzes the stories that changed (story-analyze). Run any number of workers on any number of
machines against the same database; each job is done once, a failed job is retried with growing delays, and a job out
of attempts is kept in its dead-letter queue (listed by GET /api/queue). Work gets on the queue with \`parallax ingest
--db URL\`, \`parallax watch --db URL\`, or the API of \`parallax serve --db URL\`.

Logs are JSON lines on stderr. Ctrl-C or SIGTERM stops taking jobs, lets the jobs in hand finish for --grace seconds,
and hands the rest back to the queue.

Options:
  --db URL               the PostgreSQL database of the library and the queue (postgres://user:password@host/db)
  --concurrency N        jobs in hand at once (default 1)
  --queues LIST          the queues to work, comma-separated (default all: ${JOB_NAMES.join(',')})
  --exit-when-idle       stop once these queues hold no job in hand or due within a minute (a feed's next poll in
                         a quarter of an hour is not waited for)
  --grace SECONDS        time the jobs in hand get to finish after a stop request (default ${DEFAULT_GRACE_SECONDS})
  --lease SECONDS        how long a job may stay in a worker's hands before it is taken as lost (its worker died)
                         and run again; stored with the queues, for the jobs sent from then on
                         (default per queue: 300 for feed-poll and article-read, 120 for story-assign, 900 for
                         story-analyze)
  --analyze-delay SECONDS  wait after a story changes before analyzing it, so that a burst of articles costs one
                         analysis (default ${DEFAULT_ANALYZE_DELAY_SECONDS}; 0 analyzes at once)
  --interval MINUTES     time between two polls of a feed (default 15; failing feeds back off up to a day)
  --reconcile SECONDS    how often to look for pending work whose job was lost (went dead while the database was
                         away) and send it again (default ${DEFAULT_RECONCILE_SECONDS}; 0: only at start)
${STREAM_HELP.replace(/ {2}--db PATH\|URL[\s\S]*?\n(?= {2}--max-bytes)/, '')}
  -h, --help             show this help
`;

/** The `--queues` list, checked. */
function parseQueues(value: string | undefined): JobName[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.find((name) => !isJobName(name));
  if (unknown !== undefined || names.length === 0) {
    throw new UsageError(`--queues takes names among ${JOB_NAMES.join(', ')} (got "${value}")`, 'worker');
  }
  return [...new Set(names as JobName[])];
}

/** A whole number of seconds, 0 or more. */
function parseSeconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return value.trim() === '0' ? 0 : parsePositiveInteger('worker', flag, value);
}

const command: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('worker', argv, {
      ...STREAM_OPTIONS,
      concurrency: { type: 'string' },
      queues: { type: 'string' },
      'exit-when-idle': { type: 'boolean' },
      grace: { type: 'string' },
      lease: { type: 'string' },
      'analyze-delay': { type: 'string' },
      interval: { type: 'string' },
      reconcile: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'worker');
    const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
    const url = text('db');
    if (url === undefined || !isPostgresUrl(url)) {
      throw new UsageError('--db must name a PostgreSQL database (postgres://...): the queue lives there', 'worker');
    }
    const settings = streamSettings('worker', values, io);
    const concurrency = text('concurrency');
    const lease = parseSeconds('lease', text('lease'));
    const grace = parseSeconds('grace', text('grace'));
    const delay = parseSeconds('analyze-delay', text('analyze-delay'));
    const reconcile = parseSeconds('reconcile', text('reconcile'));
    const interval = text('interval');
    const queues = parseQueues(text('queues'));
    const log = jsonLog((line) => io.stderr.write(line), { pid: process.pid });
    const stop = stopOnSignals();
    try {
      log.log('info', 'connecting', { db: describeDb(url) });
      await runQueueWorker({
        url: url.trim(),
        log,
        pool: settings.pool,
        stream: {
          ...settings.options,
          ...(interval
            ? { schedule: { intervalMs: parsePositiveInteger('worker', 'interval', interval) * 60_000 } }
            : {}),
        },
        signal: stop.signal,
        ...(queues ? { queues } : {}),
        ...(concurrency ? { concurrency: parsePositiveInteger('worker', 'concurrency', concurrency) } : {}),
        ...(values['exit-when-idle'] ? { exitWhenIdle: true } : {}),
        ...(lease ? { jobTimeoutSeconds: lease } : {}),
        graceMs: (grace ?? DEFAULT_GRACE_SECONDS) * 1000,
        ...(delay !== undefined ? { analyzeDelaySeconds: delay } : {}),
        ...(reconcile !== undefined ? { reconcileSeconds: reconcile } : {}),
      });
      return 0;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      // Not a user's input: the database could not be reached or refused us. One line, no stack trace.
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`the worker could not run on ${describeDb(url)}: ${reason}`);
    } finally {
      stop.dispose();
    }
  },
};

export default command;
