import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';

/** Writes the command's output to `--out FILE` (relative to the current folder) or to stdout. */
export async function writeOutput(io: CliIo, text: string, outFile: string | undefined): Promise<void> {
  if (outFile === undefined || outFile === '-') {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(resolve(io.cwd, outFile), text, 'utf8');
  } catch (error) {
    throw new CliError(`cannot write ${outFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
