import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { BatchOutputError, BatchOutputFile } from '../../engine/batch-output.js';
import { DEFAULT_MAX_LINE_BYTES, runBatchLines, type BatchTotals } from '../../engine/batch.js';
import { fsReason } from '../../engine/inputs/fs-reason.js';
import { outputPathProblem, pathState } from '../../engine/inputs/output-path.js';
import { countNonBlankLines, readLines } from '../../engine/inputs/read-lines.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { parseIsoDate, parsePositiveInteger } from '../option-values.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { POOL_HELP, POOL_OPTIONS, poolOptions, withPool } from '../pool-options.js';
import type { Command } from './command.js';

const help = `Usage: parallax batch <stories.jsonl | -> [options]

Analyzes many stories, one per input line (- reads standard input): {"id": "...", "articles": [{"text" | "html",
"title"?, "url"?, "outlet"?, "byline"?, "publishedAt"?}, ...]}; a null field means absent. Writes one line per story:
{"id", "report"}, or {"id", "error"} when the line is bad or the story fails; the other stories go on. Ends with a
summary line on standard error (analyzed, failed, skipped, left), also when stopped by Ctrl-C.

Options:
  --out FILE             write the JSON Lines to FILE instead of standard output; each line is written whole
                         before the next story starts. A FILE that already holds results is refused without --resume
  --resume               go on from FILE: skip the story ids already in it (an incomplete last line left by a kill
                         is dropped and its story done again)
  --summary-words N      target length of each summary in words (default 120)
  --date YYYY-MM-DD      reference date for articles without a publication date
${POOL_HELP}
  -h, --help             show this help

Exit codes: 0 every story analyzed; 1 some stories failed, or the input or output failed; 2 usage error;
130 stopped by Ctrl-C (SIGINT); 143 stopped by SIGTERM.
`;

/** Exit codes of a run stopped by a signal: 128 + the signal's number, as shells report them. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNAL_EXIT;

const command: Command = {
  help,
  async run(argv, io) {
    const args = batchArgs(argv);
    const input = args.inputArg === '-' ? null : await checkInput(args.inputArg, io);
    const output = args.out === undefined ? null : await openOutput(args.out, args.inputArg, args.resume, io);
    // Counted up front for the "left" of the summary; a pipe can be read only once, so only files are counted.
    const total = input?.regular ? await countNonBlankLines(createReadStream(input.path)) : null;
    const inputName = input === null ? 'standard input' : args.inputArg;
    const ending = { total, out: args.out, inputName, resumable: output !== null };
    const stop = stopOnSignals();
    const totals = await runStories({ args, io, input, output, stop, ending });
    const stoppedBy = totals.stopped ? (stop.signal() ?? 'SIGINT') : null;
    const ended = stoppedBy ? `stopped by ${stoppedBy}` : 'finished';
    io.stderr.write(summary({ totals, ...ending, ended }));
    if (stoppedBy) return SIGNAL_EXIT[stoppedBy];
    return totals.failed > 0 ? EXIT.failed : EXIT.ok;
  },
};

/** The command line of a batch run: the input, `--out` (absent for standard output), `--resume`, and the settings. */
interface BatchArgs {
  inputArg: string;
  out: string | undefined;
  resume: boolean;
  settings: ReturnType<typeof poolOptions>;
  options: { summaryWords?: number; referenceDate?: string };
}

/** Reads and checks the command line. */
function batchArgs(argv: readonly string[]): BatchArgs {
  const { values, positionals } = parseCommandArgs('batch', argv, {
    out: { type: 'string', short: 'o' },
    resume: { type: 'boolean' },
    'summary-words': { type: 'string' },
    date: { type: 'string' },
    ...POOL_OPTIONS,
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one stories file (JSON Lines) or -', 'batch');
  const out = values.out === '-' ? undefined : (values.out as string | undefined);
  if (values.resume && out === undefined) throw new UsageError('--resume needs --out FILE (the run to go on)', 'batch');
  const words = values['summary-words'] as string | undefined;
  const date = values.date as string | undefined;
  return {
    inputArg: positionals[0]!,
    out,
    resume: values.resume === true,
    settings: poolOptions('batch', values),
    options: {
      ...(words ? { summaryWords: parsePositiveInteger('batch', 'summary-words', words) } : {}),
      ...(date ? { referenceDate: parseIsoDate('batch', date) } : {}),
    },
  };
}

/** What the closing summary says besides the totals. */
type Ending = Omit<Parameters<typeof summary>[0], 'totals' | 'ended'>;

/** Runs the stories on a pool until done or stopped; a failure of the input is an error, after a summary. */
async function runStories(run: {
  args: BatchArgs;
  io: CliIo;
  input: { path: string } | null;
  output: BatchOutputFile | null;
  stop: ReturnType<typeof stopOnSignals>;
  ending: Ending;
}): Promise<BatchTotals> {
  const { args, io, input, output, stop } = run;
  const stream = input === null ? io.stdin : createReadStream(input.path);
  let totals: BatchTotals = { stories: 0, failed: 0, skipped: 0, stopped: false };
  try {
    totals = await withPool(args.settings, (pool) =>
      runBatchLines({
        lines: readLines(stream, { maxLineBytes: DEFAULT_MAX_LINE_BYTES }),
        write: output ? (line) => writeTo(output, line, args.out!) : (line) => void io.stdout.write(line),
        options: {
          ...args.options,
          pool,
          signal: stop.controller.signal,
          ...(output ? { skipIds: output.previous.ids } : {}),
          onProgress: (t) => (totals = t),
        },
      }),
    );
    return totals;
  } catch (error) {
    io.stderr.write(summary({ totals, ...run.ending, ended: 'stopped' }));
    if (error instanceof CliError) throw error;
    // The analysis never throws (a failing story is a result line): what is left is reading the input.
    if (!(error as NodeJS.ErrnoException).code) throw error;
    throw new CliError(`cannot read ${run.ending.inputName}: ${fsReason(error)}`);
  } finally {
    stop.remove();
    await output?.close();
    // A read still waiting on standard input would keep the process alive after a stop.
    if (totals.stopped && input === null) (io.stdin as { destroy?: () => void }).destroy?.();
  }
}

/** The input's absolute path and whether it is a regular file; a missing, folder or unreadable path is an error. */
async function checkInput(inputArg: string, io: CliIo): Promise<{ path: string; regular: boolean }> {
  const path = resolve(io.cwd, inputArg);
  const state = await pathState(path);
  if (state.kind === 'missing') throw new CliError(`no such file: ${inputArg}`);
  if (state.kind === 'error') throw new CliError(`cannot read ${inputArg}: ${fsReason(state.error)}`);
  if (state.info.isDirectory()) {
    throw new CliError(`${inputArg} is a folder: give a stories file (JSON Lines, one story a line) or - for stdin`);
  }
  return { path, regular: state.info.isFile() };
}

/** Opens `--out` after checking it is not a folder, a missing folder or the input itself. */
async function openOutput(out: string, inputArg: string, resume: boolean, io: CliIo): Promise<BatchOutputFile> {
  const problem = await outputPathProblem({ out, inputs: [inputArg], cwd: io.cwd });
  if (problem) throw new UsageError(problem, 'batch');
  try {
    const file = await BatchOutputFile.open(resolve(io.cwd, out), { shown: out, resume });
    const { ids, tornBytes } = file.previous;
    if (resume) io.stderr.write(`parallax: resuming: ${ids.size} stories already in ${out}\n`);
    if (tornBytes > 0) {
      io.stderr.write(`parallax: note: dropped an incomplete last line (${tornBytes} bytes) of ${out}; redone\n`);
    }
    return file;
  } catch (error) {
    if (error instanceof BatchOutputError) throw new CliError(error.message);
    throw new CliError(`cannot write ${out}: ${fsReason(error)}`);
  }
}

/** Turns SIGINT and SIGTERM into a stop at the next story, for as long as the run lasts. */
function stopOnSignals(): { controller: AbortController; signal: () => StopSignal | null; remove: () => void } {
  const controller = new AbortController();
  let received: StopSignal | null = null;
  const handlers = (Object.keys(SIGNAL_EXIT) as StopSignal[]).map((name) => {
    const handler = () => {
      received ??= name;
      controller.abort();
    };
    process.on(name, handler);
    return () => process.off(name, handler);
  });
  return { controller, signal: () => received, remove: () => handlers.forEach((off) => off()) };
}

/** Appends one output line; a failed write is an error naming the file and the reason. */
async function writeTo(output: BatchOutputFile, line: string, out: string): Promise<void> {
  try {
    await output.writeLine(line);
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${fsReason(error)}`);
  }
}

/** The closing summary: what was done, what failed, what was skipped and, when stopped early, what is left. */
function summary(run: {
  totals: BatchTotals;
  total: number | null;
  out: string | undefined;
  /** The input as named in "the rest of ..." when its lines were not counted. */
  inputName: string;
  ended: string;
  resumable: boolean;
}): string {
  const { totals, total, out } = run;
  const analyzed = totals.stories - totals.failed;
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped (already in ${out})` : '';
  const counts = `${analyzed} analyzed, ${totals.failed} failed${skipped}`;
  if (run.ended === 'finished') return `parallax: batch finished: ${counts}\n`;
  const left =
    total === null ? `the rest of ${run.inputName}` : `${Math.max(0, total - totals.stories - totals.skipped)}`;
  const again = run.resumable ? '; run it again with --resume to go on' : '';
  return `parallax: batch ${run.ended}: ${counts}, ${left} left${again}\n`;
}

export default command;
