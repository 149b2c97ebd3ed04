import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from '../../core/cluster/options.js';
import { clusterArticleFile, type ClusteredArticle } from '../../engine/cluster-stream.js';
import { DEFAULT_MAX_BYTES } from '../../engine/inputs/options.js';
import { StreamSourceError } from '../../engine/stream/read-articles-jsonl.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { formatTable } from '../format-table.js';
import { parseByteSize, parseChoice } from '../option-values.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { printProblems } from '../print-problems.js';
import { writeOutput } from '../write-output.js';
import type { Command } from './command.js';

const FORMATS = { jsonl: 'jsonl', json: 'json', text: 'text', txt: 'text' } as const;

const help = `Usage: parallax cluster <FILE.jsonl | -> [options]

Groups a stream of articles into stories, in the order given (time order: no look-ahead). Each line of the input is
one article: {"id", "url"?, "outlet"?, "date"?, "title"?, "text"? or "html"?}; null fields count as absent, HTML is
read to text. Prints one result per article, in input order: its story and why it went there (the names and terms it
shares with the story, the similarity, the time gap, a close runner-up). Story ids are those at the end of the
stream: a story that a later article merged into another carries the other's id.

Options:
  --format FORMAT    jsonl (default): one {id, storyId, decision, reason} a line; json: one array;
                     text: a readable table
  --out FILE         write to FILE instead of standard output
  --threshold X      least score to join a story, 0..1 (default ${DEFAULT_CLUSTER_OPTIONS.joinThreshold})
  --quiet-days N     days without a new article after which a story is closed (default ${DEFAULT_CLUSTER_OPTIONS.quietDays})
  --max-bytes N      size limit of one line: bytes, or with kB/MB (default ${DEFAULT_MAX_BYTES / 1024 / 1024}MB)
  -h, --help         show this help

Exit codes: 0 every line read; 1 some lines failed (named on stderr; the others are still clustered) or none could be
read; 2 usage error.
`;

/** A non-negative decimal option value (`--threshold 0.2`). */
function parseNumber(flag: string, value: string): number {
  const n = /^\d+(?:\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`--${flag} must be a number like 0.2 (got "${value}")`, 'cluster');
  return n;
}

/** One output row: the article's id and story first, as the stream format documents. */
function row(a: ClusteredArticle): Record<string, unknown> {
  return {
    id: a.id,
    storyId: a.storyId,
    decision: a.decision,
    ...(a.assignedStoryId ? { assignedStoryId: a.assignedStoryId } : {}),
    ...(a.mergedStoryIds ? { mergedStoryIds: a.mergedStoryIds } : {}),
    reason: a.reason,
  };
}

/** The rows as a table: id, story, decision, score, time gap, and the first shared names and terms. */
export function formatClusterTable(articles: readonly ClusteredArticle[]): string {
  const header = ['id', 'story', 'decision', 'score', 'gap(d)', 'shared'];
  const lines = articles.map((a) => {
    const chosen = a.reason.chosen;
    const s = a.reason.shared;
    const shared = [...s.people, ...s.organizations, ...s.places, ...s.otherNames, ...s.terms, ...s.numbers];
    return [
      a.id,
      a.storyId,
      a.decision,
      chosen ? chosen.score.toFixed(3) : '-',
      chosen?.gapDays != null ? chosen.gapDays.toFixed(1) : '-',
      shared.slice(0, 6).join(', '),
    ];
  });
  return formatTable(header, lines);
}

const command: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('cluster', argv, {
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      threshold: { type: 'string' },
      'quiet-days': { type: 'string' },
      'max-bytes': { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('give one JSON Lines file (or - for standard input)', 'cluster');
    const format = parseChoice('cluster', 'format', (values.format as string | undefined) ?? 'jsonl', FORMATS);
    const threshold = values.threshold as string | undefined;
    const quietDays = values['quiet-days'] as string | undefined;
    const maxBytes = values['max-bytes'] as string | undefined;
    const cluster: ClusterOptions = {
      ...(threshold !== undefined ? { joinThreshold: parseNumber('threshold', threshold) } : {}),
      ...(quietDays !== undefined ? { quietDays: parseNumber('quiet-days', quietDays) } : {}),
    };
    const result = await clusterArticleFile(positionals[0]!, {
      stdin: io.stdin,
      cwd: io.cwd,
      cluster,
      ...(maxBytes !== undefined ? { maxLineBytes: parseByteSize('cluster', 'max-bytes', maxBytes) } : {}),
    }).catch((error: unknown) => {
      throw error instanceof StreamSourceError ? new CliError(error.message) : error;
    });
    printProblems(io, result.failures, []);
    if (result.articles.length === 0) {
      io.stderr.write('parallax: no article could be read\n');
      return EXIT.failed;
    }
    const rows = result.articles.map(row);
    const text =
      format === 'jsonl'
        ? rows.map((r) => `${JSON.stringify(r)}\n`).join('')
        : format === 'json'
          ? `${JSON.stringify(rows, null, 2)}\n`
          : formatClusterTable(result.articles);
    await writeOutput(io, text, values.out as string | undefined);
    return result.failures.length > 0 ? EXIT.failed : EXIT.ok;
  },
};

export default command;
