import type { ExtractOptions } from '../engine/api.js';
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES } from '../engine/inputs/options.js';
import { parseAddressRanges } from '../engine/net/address-policy.js';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { parseByteSize, parsePositiveInteger } from './option-values.js';
import type { OptionSpec, ParsedValues } from './parse-command-args.js';

/** The options every reading command takes (input limits, which addresses may be fetched). */
export const READING_OPTIONS: OptionSpec = {
  'max-bytes': { type: 'string' },
  timeout: { type: 'string' },
  'allow-private-urls': { type: 'boolean' },
  'allow-private-range': { type: 'string' },
};

/** Help lines of the reading options. */
export const READING_HELP = `  --max-bytes N      size limit of one input: bytes, or with kB/MB (default ${DEFAULT_MAX_BYTES / 1024 / 1024}MB)
  --timeout MS       time limit of one URL fetch in milliseconds (default ${DEFAULT_FETCH_TIMEOUT_MS})
  --allow-private-urls
                     also fetch URLs on private, loopback and link-local addresses (refused by default)
  --allow-private-range LIST
                     only these private addresses or CIDR ranges, comma-separated (e.g. 10.1.0.0/16,fd00::/8)`;

/** Which addresses URL fetches may reach, from `--allow-private-urls` and `--allow-private-range`. */
export interface UrlAccess {
  allowPrivateUrls?: boolean;
  allowPrivateRanges?: string[];
}

/** Reads `--allow-private-urls` and `--allow-private-range` (throws UsageError on a bad range). */
export function urlAccess(command: string, values: ParsedValues): UrlAccess {
  const ranges = values['allow-private-range'];
  const list = typeof ranges === 'string' ? ranges.split(',').map((r) => r.trim()) : undefined;
  if (list) {
    try {
      parseAddressRanges(list);
    } catch (error) {
      throw new UsageError(`--allow-private-range: ${(error as Error).message}`, command);
    }
  }
  return {
    ...(values['allow-private-urls'] === true ? { allowPrivateUrls: true } : {}),
    ...(list ? { allowPrivateRanges: list } : {}),
  };
}

/** Engine reading options from parsed flags and the process (standard input, current folder). */
export function readingOptions(command: string, values: ParsedValues, io: CliIo): ExtractOptions {
  const maxBytes = values['max-bytes'];
  const timeout = values.timeout;
  return {
    stdin: io.stdin,
    cwd: io.cwd,
    ...(typeof maxBytes === 'string' ? { maxBytes: parseByteSize(command, 'max-bytes', maxBytes) } : {}),
    ...(typeof timeout === 'string' ? { fetchTimeoutMs: parsePositiveInteger(command, 'timeout', timeout) } : {}),
    ...urlAccess(command, values),
  };
}
