import type { ByteStream } from '../engine/inputs/options.js';

/** A text output stream of the CLI (stdout or stderr). */
export interface CliStream {
  write(text: string): unknown;
  /** True when the stream is a terminal. */
  isTTY?: boolean;
}

/** Everything the CLI touches of its process, passed in so commands can run in tests without a process. */
export interface CliIo {
  stdout: CliStream;
  /** Also the stream the progress bar draws on. */
  stderr: CliStream & NodeJS.WritableStream;
  stdin: ByteStream;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process's streams, folder and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}
