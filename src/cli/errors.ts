/** A mistake in the command line (unknown flag, missing inputs, bad value): exit code 2 with a usage hint. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The command whose help the hint names, when known. */
  readonly command: string | null;
  constructor(message: string, command: string | null = null) {
    super(message);
    this.command = command;
  }
}

/** A user-facing failure that is not a usage mistake (e.g. the output file cannot be written): one line, no stack. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Exit codes of the CLI (documented in docs/cli.md). */
export const EXIT = {
  /** Everything was read and written. */
  ok: 0,
  /** Some inputs failed (or none could be read), or the output could not be written, or an internal error. */
  failed: 1,
  /** The command line is wrong. */
  usage: 2,
} as const;
