import { JOB_NAMES, isJobName, type JobName } from '../../engine/queue/job-catalog.js';
import { jsonLog } from '../../engine/queue/json-log.js';
import { DEFAULT_ANALYZE_DELAY_SECONDS, runQueueWorker } from '../../engine/queue/queue-worker.js';
import { describeDb } from '../../engine/storage/open-repository.js';
import { isPostgresUrl } from '../../engine/storage/pg-pool.js';
import { CliError, UsageError } from '../errors.js';
import { parsePositiveInteger } from '../option-values.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { POOL_HELP, POOL_OPTIONS, poolOptions } from '../pool-options.js';
import type { Command } from './command.js';

const DEFAULT_GRACE_SECONDS = 30;

const help = `Usage: parallax worker --db postgres://... [options]

Works the job queue kept in PostgreSQL: places articles into stories (story-assign) and analyzes the stories that
changed (story-analyze). Run any number of workers on any number of machines against the same database; each job is
done once, a failed job is retried with growing delays, and a job out of attempts is kept in its dead-letter queue
(listed by GET /api/queue). Logs are JSON lines on stderr. Ctrl-C or SIGTERM stops taking jobs, lets the jobs in hand
finish for --grace seconds, and hands the rest back to the queue.

Options:
  --db URL               the PostgreSQL database of the library and the queue (postgres://user:password@host/db)
  --concurrency N        jobs in hand at once (default 1)
  --queues LIST          the queues to work, comma-separated (default all: ${JOB_NAMES.join(',')})
  --exit-when-idle       stop once these queues hold no unfinished job
  --grace SECONDS        time the jobs in hand get to finish after a stop request (default ${DEFAULT_GRACE_SECONDS})
  --lease SECONDS        how long a job may stay in a worker's hands before it is taken as lost (its worker died)
                         and run again; stored with the queues, for the jobs sent from then on
                         (default per queue: 120 for story-assign, 900 for story-analyze)
  --analyze-delay SECONDS  wait after a story changes before analyzing it, so a burst costs one analysis
                         (default ${DEFAULT_ANALYZE_DELAY_SECONDS}; 0 analyzes at once)
${POOL_HELP}
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
      db: { type: 'string' },
      concurrency: { type: 'string' },
      queues: { type: 'string' },
      'exit-when-idle': { type: 'boolean' },
      grace: { type: 'string' },
      lease: { type: 'string' },
      'analyze-delay': { type: 'string' },
      ...POOL_OPTIONS,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'worker');
    const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
    const url = text('db');
    if (url === undefined || !isPostgresUrl(url)) {
      throw new UsageError('--db must name a PostgreSQL database (postgres://...): the queue lives there', 'worker');
    }
    const concurrency = text('concurrency');
    const lease = parseSeconds('lease', text('lease'));
    const grace = parseSeconds('grace', text('grace'));
    const delay = parseSeconds('analyze-delay', text('analyze-delay'));
    const queues = parseQueues(text('queues'));
    const pool = poolOptions('worker', values);
    const log = jsonLog((line) => io.stderr.write(line), { pid: process.pid });
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      log.log('info', 'connecting', { db: describeDb(url) });
      await runQueueWorker({
        url,
        log,
        pool,
        signal: stop.signal,
        ...(queues ? { queues } : {}),
        ...(concurrency ? { concurrency: parsePositiveInteger('worker', 'concurrency', concurrency) } : {}),
        ...(values['exit-when-idle'] ? { exitWhenIdle: true } : {}),
        ...(lease ? { jobTimeoutSeconds: lease } : {}),
        ...(grace !== undefined ? { graceMs: grace * 1000 } : { graceMs: DEFAULT_GRACE_SECONDS * 1000 }),
        ...(delay !== undefined ? { analyzeDelaySeconds: delay } : {}),
      });
      return 0;
    } catch (error) {
      // Not a user's input: the database could not be reached or refused us. One line, no stack trace.
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`the worker could not run on ${describeDb(url)}: ${reason}`);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};

export default command;
