import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

/** The option definitions of one command, as `node:util` parseArgs takes them. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed values: strings for string options, booleans for flags (absent when not given). */
export type ParsedValues = Record<string, string | boolean | undefined>;

/** Parses a command's arguments strictly; unknown flags and missing values become usage errors naming the command. */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: OptionSpec,
): { values: ParsedValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: values as ParsedValues, positionals };
  } catch (error) {
    const message = (error as Error).message.split('. To specify')[0] ?? String(error);
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1), command);
  }
}
