import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';

/** A CLI io that records what a command prints, for running commands in the test process. */
export type RecordingIo = CliIo & { out: string[]; err: string[] };

/** An io rooted at `cwd`, whose standard input holds `stdin` (empty by default). */
export function recordingIo(cwd: string, stdin: string | Uint8Array = ''): RecordingIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) } as unknown as CliIo['stderr'],
    stdin: Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : stdin]),
    cwd,
    env: {},
  };
}

/** Runs `parallax ARGS` in this process: the exit code and what went to stdout and stderr. */
export async function runInProcess(
  args: string[],
  cwd: string,
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = recordingIo(cwd, stdin);
  const code = await runCli(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}
