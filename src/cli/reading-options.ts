import type { ExtractOptions } from '../engine/api.js';
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES } from '../engine/inputs/options.js';
import type { CliIo } from './io.js';
import { parseByteSize, parsePositiveInteger } from './option-values.js';
import type { OptionSpec, ParsedValues } from './parse-command-args.js';

/** The options every reading command takes (input limits). */
export const READING_OPTIONS: OptionSpec = {
  'max-bytes': { type: 'string' },
  timeout: { type: 'string' },
};

/** Help lines of the reading options. */
export const READING_HELP = `  --max-bytes N      size limit of one input: bytes, or with kB/MB (default ${DEFAULT_MAX_BYTES / 1024 / 1024}MB)
  --timeout MS       time limit of one URL fetch in milliseconds (default ${DEFAULT_FETCH_TIMEOUT_MS})`;

/** Engine reading options from parsed flags and the process (standard input, current folder). */
export function readingOptions(command: string, values: ParsedValues, io: CliIo): ExtractOptions {
  const maxBytes = values['max-bytes'];
  const timeout = values.timeout;
  return {
    stdin: io.stdin,
    cwd: io.cwd,
    ...(typeof maxBytes === 'string' ? { maxBytes: parseByteSize(command, 'max-bytes', maxBytes) } : {}),
    ...(typeof timeout === 'string' ? { fetchTimeoutMs: parsePositiveInteger(command, 'timeout', timeout) } : {}),
  };
}
