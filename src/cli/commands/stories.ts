import {
  coverageSplit,
  indexRatings,
  type CoverageSplit,
  type RatingsIndex,
} from '../../core/stream/coverage-split.js';
import { loadRatingsFile } from '../../engine/feeds/load-ratings.js';
import { openLibrary } from '../open-library.js';
import type { StoryListing } from '../../engine/storage/stream-repository.js';
import { resolve } from 'node:path';
import { EXIT, UsageError } from '../errors.js';
import { formatTable } from '../format-table.js';
import { parseChoice } from '../option-values.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { writeOutput } from '../write-output.js';
import type { Command } from './command.js';
import { DEFAULT_DB } from './serve.js';

const FORMATS = { jsonl: 'jsonl', json: 'json', text: 'text', txt: 'text' } as const;

const help = `Usage: parallax stories --db PATH [options]

Prints every story of the library, oldest first: the stories the stream found (\`parallax ingest\`, \`parallax
watch\`) and those made by hand, each with its article ids in arrival order.

Options:
  --db PATH          the library, a SQLite file (default ${DEFAULT_DB} under the current folder)
  --format FORMAT    jsonl (default): one story a line; json: one array; text: a table
  --ratings FILE     outlet ratings (CSV or JSON, see docs/feeds.md): adds each story's coverage by lean
  --out FILE         write to FILE instead of standard output
  -h, --help         show this help

A story line: {"id", "kind": "stream"|"manual", "title", "articleIds": [...], "articleCount", "outlets": [names],
"createdAt", "updatedAt", "hasReport", "coverage"?: {"byLean", "unrated", "rated", "oneSided"}}.

Exit codes: 0 printed; 1 the library or the ratings file could not be read; 2 usage error.
`;

/** One output row: ids first, as scripts read them. */
function row(story: StoryListing, ratings: RatingsIndex | null): Record<string, unknown> {
  return {
    id: story.id,
    kind: story.kind,
    title: story.title,
    articleIds: story.articleIds,
    articleCount: story.articleIds.length,
    outlets: story.outlets.map((o) => o.outlet ?? o.url).filter((name) => name !== null),
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    hasReport: story.hasReport,
    ...(ratings ? { coverage: coverageSplit(story.outlets, ratings) } : {}),
  };
}

/** The stories as a table: id, articles, outlets, lean split when rated, title. */
export function formatStoriesTable(rows: readonly Record<string, unknown>[]): string {
  const lean = (c: CoverageSplit | undefined) =>
    c
      ? `${c.byLean.left.length + c.byLean['lean-left'].length}L/${c.byLean.center.length}C/${c.byLean.right.length + c.byLean['lean-right'].length}R${c.oneSided ? ` one-sided ${c.oneSided}` : ''}`
      : '';
  const cells = rows.map((r) => [
    String(r.id),
    String(r.articleCount),
    String((r.outlets as string[]).length),
    lean(r.coverage as CoverageSplit | undefined),
    String(r.title),
  ]);
  return formatTable(['id', 'articles', 'outlets', 'lean', 'title'], cells);
}

const command: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('stories', argv, {
      db: { type: 'string' },
      format: { type: 'string' },
      ratings: { type: 'string' },
      out: { type: 'string', short: 'o' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'stories');
    const format = parseChoice('stories', 'format', (values.format as string | undefined) ?? 'jsonl', FORMATS);
    let ratings: RatingsIndex | null = null;
    if (typeof values.ratings === 'string') {
      const loaded = await loadRatingsFile(resolve(io.cwd, values.ratings));
      for (const p of loaded.problems)
        io.stderr.write(`parallax: ${values.ratings}${p.row !== null ? `#${p.row}` : ''}: ${p.message}\n`);
      if (loaded.ratings.length === 0 && loaded.problems.length > 0) return EXIT.failed;
      ratings = indexRatings(loaded.ratings);
    }
    const library = await openLibrary(resolve(io.cwd, (values.db as string | undefined) ?? DEFAULT_DB));
    try {
      const rows = (await library.stream.listAllStories()).map((s) => row(s, ratings));
      const text =
        format === 'jsonl'
          ? rows.map((r) => `${JSON.stringify(r)}\n`).join('')
          : format === 'json'
            ? `${JSON.stringify(rows, null, 2)}\n`
            : formatStoriesTable(rows);
      await writeOutput(io, text, values.out as string | undefined);
      return EXIT.ok;
    } finally {
      await library.close();
    }
  },
};

export default command;
