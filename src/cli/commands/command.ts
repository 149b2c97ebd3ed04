import type { CliIo } from '../io.js';

/** One CLI command: its help text and what it does. Returns the exit code; throws UsageError/CliError for users. */
export interface Command {
  /** The full help text printed by `parallax <name> --help`. */
  help: string;
  /** Runs the command with its arguments (after the command name; `--help` is handled before). */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** A registry entry: a one-line summary for the program's help and a loader (commands load only when used). */
export interface CommandEntry {
  summary: string;
  load: () => Promise<{ default: Command }>;
}
