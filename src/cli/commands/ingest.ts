import { EXIT, UsageError } from '../errors.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { printStreamEvent, summaryLine } from '../stream-progress.js';
import { openStream, STREAM_HELP, STREAM_OPTIONS, streamSettings } from '../stream-run.js';
import type { Command } from './command.js';

const help = `Usage: parallax ingest <sources...> --db PATH [options]

Adds feeds and articles to the library's stream once: polls the feeds that are due (those added now among them),
fetches and reads their new and changed articles, drops exact duplicates, links wire copy, places each article in a
story (and says why), stores it, and computes the reports of the stories that changed. Then it stops; \`parallax
watch\` goes on polling.

Sources: feed addresses (RSS, Atom, RDF, JSON Feed, news sitemaps) or article addresses (each address is fetched once
to tell which it is), OPML subscription lists and sitemap indexes (their feeds are added), files of addresses one a
line (each probed the same way), feed files, and JSON Lines article streams ({"id", "url"?, "outlet"?, "date"?,
"title"?, "text"? or "html"?}, one a line; an article with its text is not fetched).

Options:
${STREAM_HELP}
  -h, --help             show this help

Exit codes: 0 every source and article was read; 1 some sources, feeds or articles failed (named on stderr; the
others are stored), or articles wait for a retry; 2 usage error.
`;

const command: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('ingest', argv, STREAM_OPTIONS);
    if (positionals.length === 0)
      throw new UsageError('no sources given (feed addresses, OPML, lists or JSON Lines)', 'ingest');
    const settings = streamSettings('ingest', values, io);
    const stream = await openStream(settings, positionals, io, (event) => printStreamEvent(io, event));
    try {
      await stream.watcher.runOnce();
      const queued = await stream.library.stream.queueSize();
      io.stderr.write(summaryLine(stream.watcher.counters, queued));
      const c = stream.watcher.counters;
      const troubles =
        stream.added.problems.some((p) => p.level === 'error') ||
        c.pollFailures + c.articleFailures + c.reportFailures > 0;
      return troubles || queued > 0 ? EXIT.failed : EXIT.ok;
    } finally {
      await stream.close();
    }
  },
};

export default command;
