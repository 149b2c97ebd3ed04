/** Runs the CLI in the test's own process with captured output: no child process, no terminal. */
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';

/** What a run printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `parallax ARGS` with empty stdin and environment unless `io` says otherwise (`cwd` is required). */
export async function runCliInProcess(args: string[], io: Partial<CliIo> & { cwd: string }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stderrStream = Object.assign(new PassThrough(), {
    isTTY: false,
    write: (text: string) => ((stderr += text), true),
  });
  const fullIo: CliIo = {
    stdout: { write: (text: string) => ((stdout += text), true), isTTY: false },
    stderr: stderrStream as unknown as CliIo['stderr'],
    stdin: Readable.from([]),
    env: {},
    ...io,
  };
  const code = await runCli(args, fullIo);
  return { code, stdout, stderr };
}
