import { resolve } from 'node:path';
import { fsReason } from '../engine/inputs/fs-reason.js';
import { outputPathProblem, writeFileAtomic } from '../engine/inputs/output-path.js';
import { CliError, UsageError } from './errors.js';
import type { CliIo } from './io.js';

/**
 * Checks `--out FILE` before any work is done, so that a long run does not end on an unwritable path: a folder, a
 * missing folder, or one of the inputs (never overwritten) is a usage error naming the path. Returns the paths to
 * leave out of folder listings (the output itself, which may lie inside an input folder).
 */
export async function checkOutput(
  command: string,
  outFile: string | undefined,
  inputs: readonly string[],
  io: CliIo,
): Promise<string[]> {
  if (outFile === undefined || outFile === '-') return [];
  const problem = await outputPathProblem({ out: outFile, inputs, cwd: io.cwd });
  if (problem) throw new UsageError(problem, command);
  return [resolve(io.cwd, outFile)];
}

/**
 * Writes the command's output to `--out FILE` (relative to the current folder) or to stdout. The file is replaced
 * whole (written beside it, then renamed), so an interrupted run never leaves half a report.
 */
export async function writeOutput(io: CliIo, text: string, outFile: string | undefined): Promise<void> {
  if (outFile === undefined || outFile === '-') {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, outFile), text);
  } catch (error) {
    throw new CliError(`cannot write ${outFile}: ${fsReason(error)}`);
  }
}
