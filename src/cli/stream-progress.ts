/**
 * Progress of the stream on stderr: problems as they happen (a failing feed, an article given up, a report that could
 * not be computed), resumption after a restart, and a one-line summary of the work done.
 */
import type { StreamCounters, StreamEvent } from '../engine/stream/stream-watcher.js';
import type { CliIo } from './io.js';

/** Prints a stream event worth a line of its own: problems, resumption, new feeds. */
export function printStreamEvent(io: CliIo, event: StreamEvent): void {
  const line = (text: string) => io.stderr.write(`parallax: ${text}\n`);
  switch (event.type) {
    case 'loaded': {
      const l = event.load;
      if (l.checkpointProblem)
        line(`warning: the clusterer's checkpoint was unreadable (${l.checkpointProblem}); replayed the stream`);
      if (l.lastSeq > 0) line(`resumed after article ${l.lastSeq} (${l.replayed} replayed since the checkpoint)`);
      if (l.mismatches > 0) line(`warning: ${l.mismatches} replayed decisions differ from the stored ones (kept)`);
      return;
    }
    case 'poll':
      if (event.status === 'failed') line(`feed ${event.url}: ${event.messages.join('; ')}`);
      else for (const m of event.messages) line(`warning: feed ${event.url}: ${m}`);
      return;
    case 'feeds-added':
      if (event.urls.length > 0)
        line(
          `${event.from}: ${event.urls.length} feeds added (${event.urls.slice(0, 3).join(', ')}${event.urls.length > 3 ? ', ...' : ''})`,
        );
      return;
    case 'article-failed':
      line(`${event.message}${event.retryAt ? ` (tried again after ${event.retryAt})` : ' (given up)'}`);
      return;
    case 'report-failed':
      line(`the report of story ${event.storyId} could not be computed: ${event.message}`);
      return;
    default:
      return;
  }
}

/** One line summing up the work done. */
export function summaryLine(c: StreamCounters, queued: number | null): string {
  const parts = [
    `${c.polls} polls${c.pollFailures > 0 ? ` (${c.pollFailures} failed)` : ''}`,
    `${c.newArticles} new articles${c.wireCopies + c.merges > 0 ? ` (${c.wireCopies} wire copies, ${c.merges} merges)` : ''}`,
    `${c.versions} updated`,
    `${c.duplicates} duplicates`,
    `${c.articleFailures} failed`,
    `${c.reports} reports${c.reportFailures > 0 ? ` (${c.reportFailures} failed)` : ''}`,
    ...(queued !== null ? [`${queued} queued for later`] : []),
  ];
  return `parallax: ${parts.join(', ')}\n`;
}

/** Prints the stream's events until `signal` stops it; reports cut short by the stop are not worth a line then. */
export function printUntilStopped(io: CliIo, signal: AbortSignal): (event: StreamEvent) => void {
  return (event) => {
    if (!(signal.aborted && event.type === 'report-failed')) printStreamEvent(io, event);
  };
}
