/** Limits and settings of input reading, with their documented defaults (see docs/cli.md). */

/** Default size limit of one input (file, standard input, fetched page): 5 MB. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Default time limit of one URL fetch, headers and body together: 15 seconds. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

/** The User-Agent header sent with every fetch. */
export const DEFAULT_USER_AGENT = 'Parallax/0.1 (+https://github.com/parallax; news comparison tool)';

/** A readable byte stream, as `process.stdin` is. */
export type ByteStream = AsyncIterable<Uint8Array | string>;

/** Options of input reading. Every field has a default. */
export interface InputOptions {
  /** Size limit of one input in bytes (default 5 MB). Larger inputs fail with `too-large`. */
  maxBytes?: number;
  /** Time limit of one URL fetch in milliseconds (default 15 s). */
  fetchTimeoutMs?: number;
  /** User-Agent header for fetches. */
  userAgent?: string;
  /** Fetch private, loopback and other non-public addresses too (default false: they are refused). */
  allowPrivateUrls?: boolean;
  /** Non-public addresses or CIDR ranges (`10.1.0.0/16`) that may be fetched all the same (default none). */
  allowPrivateRanges?: readonly string[];
  /** The stream read for the input `-` (default `process.stdin`). */
  stdin?: ByteStream;
  /** Base folder for relative paths (default the current directory). */
  cwd?: string;
  /** Called after each input is read, for progress display. */
  onInput?: (event: { done: number; total: number; source: string }) => void;
  /** Paths left out of folder listings: the run's own output file, so that it is never read back as an input. */
  exclude?: readonly string[];
}

/** Input options with every default filled in. */
export interface ResolvedInputOptions {
  maxBytes: number;
  fetchTimeoutMs: number;
  userAgent: string;
  allowPrivateUrls: boolean;
  allowPrivateRanges: readonly string[];
  stdin: ByteStream | null;
  cwd: string;
}

/** Fills in the defaults of the input options (without touching the caller's object). */
export function resolveInputOptions(options: InputOptions = {}): ResolvedInputOptions {
  return {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    fetchTimeoutMs: options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    allowPrivateUrls: options.allowPrivateUrls ?? false,
    allowPrivateRanges: options.allowPrivateRanges ?? [],
    stdin: options.stdin ?? null,
    cwd: options.cwd ?? process.cwd(),
  };
}

/** Formats a byte count for messages ("5 MB", "12.3 kB", "17 bytes"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
