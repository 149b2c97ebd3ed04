import type { Report } from '../../core/model.js';
import { renderHtml } from '../../core/render/html.js';
import { renderMarkdown } from '../../core/render/render-markdown.js';
import { analyze } from '../../engine/api.js';
import { markOutput } from '../../engine/inputs/own-output.js';
import { EXIT, UsageError } from '../errors.js';
import { parseChoice, parseIsoDate, parsePositiveInteger } from '../option-values.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { POOL_HELP, POOL_OPTIONS, poolOptions, withPool } from '../pool-options.js';
import { printProblems } from '../print-problems.js';
import { createProgress } from '../progress.js';
import { READING_HELP, READING_OPTIONS, readingOptions } from '../reading-options.js';
import { checkOutput, writeOutput } from '../write-output.js';
import type { Command } from './command.js';

const FORMATS = { md: 'md', markdown: 'md', json: 'json', html: 'html' } as const;

const RENDERERS: Record<(typeof FORMATS)[keyof typeof FORMATS], (report: Report) => string> = {
  md: renderMarkdown,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  html: renderHtml,
};

const help = `Usage: parallax analyze <inputs...> [options]

Reads the articles of one news story and writes a report: a neutral summary citing its sources, shared facts,
differences, omissions, who said what, numbers, a timeline and how each outlet frames the story.

Inputs: files (.txt .html .htm .md .markdown .json .jsonl), folders (every supported file inside, sorted, except
reports and extract outputs that Parallax wrote), http(s):// URLs, and - for standard input. All inputs together form
one story.

Options:
  --format FORMAT    md (default), json or html
  --out FILE         write the report to FILE instead of standard output (never one of the inputs; left out
                     when it lies in an input folder; the file is replaced whole)
  --date ISO         reference date for relative dates ("yesterday") of articles whose own date is unknown
  --summary-words N  target length of the summary in words (default 120)
${READING_HELP}
${POOL_HELP}
  -h, --help         show this help

Each input is read in its own job on a worker thread, then the story is analyzed in one more job; a job past its
time or memory budget is stopped and fails with the reason ("analysis stopped: over the time budget of 60 s"), and
the other inputs go on.

Exit codes: 0 all inputs read; 1 some inputs failed (named on stderr; the others are still analyzed) or none could
be read; 2 usage error.
`;

const command: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('analyze', argv, {
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      date: { type: 'string' },
      'summary-words': { type: 'string' },
      ...READING_OPTIONS,
      ...POOL_OPTIONS,
    });
    if (positionals.length === 0) throw new UsageError('no inputs given (files, folders, URLs or -)', 'analyze');
    const format = parseChoice('analyze', 'format', (values.format as string | undefined) ?? 'md', FORMATS);
    const date = values.date as string | undefined;
    const words = values['summary-words'] as string | undefined;
    const out = values.out as string | undefined;
    const exclude = await checkOutput('analyze', out, positionals, io);
    const progress = createProgress(io);
    const options = {
      ...readingOptions('analyze', values, io),
      ...(date !== undefined ? { referenceDate: parseIsoDate('analyze', date) } : {}),
      ...(words !== undefined ? { summaryWords: parsePositiveInteger('analyze', 'summary-words', words) } : {}),
      onProgress: progress.onProgress,
      exclude,
    };
    const result = await withPool(poolOptions('analyze', values), (pool) =>
      analyze(positionals, { ...options, pool }),
    ).finally(() => progress.stop());
    printProblems(io, result.failures, result.notes);
    if (result.report.articles.length === 0) {
      io.stderr.write('parallax: no input could be read; no report written\n');
      return EXIT.failed;
    }
    const text = markOutput(RENDERERS[format](result.report), format, result.report.generator.version);
    await writeOutput(io, text, out);
    return result.failures.length > 0 ? EXIT.failed : EXIT.ok;
  },
};

export default command;
