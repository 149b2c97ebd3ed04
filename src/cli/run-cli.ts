import { packageVersion } from '../engine/version.js';
import { commands } from './commands/index.js';
import { CliError, EXIT, UsageError } from './errors.js';
import type { CliIo } from './io.js';

/** The program's help: its commands with their summaries. */
export function programHelp(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const list = Object.entries(commands)
    .map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`)
    .join('\n');
  return `Usage: parallax <command> [options]

Parallax reads many news reports of one event and tells what happened, what the sources agree on, where they
differ, who said what and when, with every statement cited to the source sentences.

Commands:
${list}

Options:
  -h, --help     show this help ("parallax <command> --help" for a command's options)
  --version      print the version

Set PARALLAX_DEBUG=1 to see stack traces of internal errors.
`;
}

/** True when the arguments ask for help (before a `--` that ends the options). */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

/** Runs the CLI with the given arguments and returns the exit code. The one place that turns errors into messages. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(programHelp());
    return EXIT.usage;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (name === '-h' || name === '--help' || (name === 'help' && rest.length === 0)) {
    io.stdout.write(programHelp());
    return EXIT.ok;
  }
  if (name === 'help') return dispatch([rest[0] ?? '', '--help'], io);
  if (name.startsWith('-')) throw new UsageError(`unknown option '${name}' (a command comes first)`);
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) throw new UsageError(`unknown command '${name}' (commands: ${Object.keys(commands).join(', ')})`);
  const command = (await entry.load()).default;
  if (asksForHelp(rest)) {
    io.stdout.write(command.help);
    return EXIT.ok;
  }
  return command.run(rest, io);
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    const hint = error.command ? `parallax ${error.command} --help` : 'parallax --help';
    io.stderr.write(`parallax: ${error.message}\nRun '${hint}' for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof CliError) {
    io.stderr.write(`parallax: ${error.message}\n`);
    return error.exitCode;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  io.stderr.write(`parallax: internal error: ${err.message}\n`);
  io.stderr.write(
    io.env.PARALLAX_DEBUG === '1' ? `${err.stack ?? ''}\n` : 'Set PARALLAX_DEBUG=1 to see the stack trace.\n',
  );
  return EXIT.failed;
}
