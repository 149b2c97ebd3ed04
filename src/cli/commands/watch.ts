import { StreamBusyError } from '../../engine/stream/stream-lease.js';
import { CliError } from '../errors.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { parsePositiveInteger } from '../option-values.js';
import { stopOnSignals } from '../stop-signal.js';
import { printUntilStopped, summaryLine } from '../stream-progress.js';
import { openStream, STREAM_HELP, STREAM_OPTIONS, streamSettings } from '../stream-run.js';
import type { Command } from './command.js';

/** Seconds between two progress lines. */
const SUMMARY_EVERY_MS = 30_000;

const help = `Usage: parallax watch [sources...] --db PATH [options]

Polls the library's feeds (and the sources given, added first: see \`parallax ingest --help\`), ingests, clusters and
analyzes until stopped with Ctrl-C or SIGTERM. Feeds are polled politely (robots.txt, one request per host at a time,
conditional GET); new and changed articles are fetched, read on worker threads, stored once with every version, and
placed in stories; a changed story's report is recomputed 30 s after its last change (at most every 2 minutes).
Progress goes to stderr. Stopping loses nothing: an article not stored yet is fetched again by the next run, which
resumes where this one stopped with the same story decisions.

Options:
  --interval MINUTES     time between two polls of a feed (default 15; failing feeds back off up to a day)
${STREAM_HELP}
  -h, --help             show this help

Exit codes: 0 stopped cleanly; 1 the library could not be opened (or another watcher holds it); 2 usage error.
`;

const command: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('watch', argv, {
      ...STREAM_OPTIONS,
      interval: { type: 'string' },
    });
    const settings = streamSettings('watch', values, io);
    const interval =
      typeof values.interval === 'string' ? parsePositiveInteger('watch', 'interval', values.interval) : null;
    const stop = stopOnSignals();
    const stream = await openStream(
      settings,
      positionals,
      io,
      printUntilStopped(io, stop.signal),
      interval !== null ? { schedule: { intervalMs: interval * 60_000 } } : {},
    ).catch((error: unknown) => {
      stop.dispose();
      throw error;
    });
    io.stderr.write(`parallax: watching ${settings.dbPath} (Ctrl-C stops)\n`);
    const timer = setInterval(async () => {
      io.stderr.write(summaryLine(stream.watcher.counters, await stream.library.stream.queueSize()));
    }, SUMMARY_EVERY_MS);
    try {
      // A stop closes the pool at once: reads and reports in progress end now, and their articles stay queued.
      stop.signal.addEventListener('abort', () => void stream.pool.close(), { once: true });
      await stream.watcher.run(stop.signal).catch((error: unknown) => {
        // Another watcher took the library over (this one's heartbeat stalled past the lease's time).
        throw error instanceof StreamBusyError ? new CliError(error.message) : error;
      });
      io.stderr.write(summaryLine(stream.watcher.counters, await stream.library.stream.queueSize()));
      io.stderr.write('parallax: stopped\n');
      return 0;
    } finally {
      clearInterval(timer);
      stop.dispose();
      await stream.close();
    }
  },
};

export default command;
