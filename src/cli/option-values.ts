import { isIsoDate } from '../engine/inputs/article-object.js';
import { UsageError } from './errors.js';

/** Checks a `--format`-like value against the allowed ones (aliases map to their canonical name). */
export function parseChoice<T extends string>(
  command: string,
  flag: string,
  value: string,
  choices: Readonly<Record<string, T>>,
): T {
  const choice = choices[value.toLowerCase()];
  if (choice === undefined) {
    throw new UsageError(`--${flag} must be one of ${Object.keys(choices).join(', ')} (got "${value}")`, command);
  }
  return choice;
}

/** Checks a `--date` value: an ISO 8601 date (YYYY-MM-DD) or date-time naming a real day. */
export function parseIsoDate(command: string, value: string): string {
  if (!isIsoDate(value))
    throw new UsageError(`--date must be an ISO 8601 date like 2021-05-17 (got "${value}")`, command);
  return value;
}

/** Checks a positive whole number (`--summary-words 80`, `--timeout 5000`). */
export function parsePositiveInteger(command: string, flag: string, value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new UsageError(`--${flag} must be a positive whole number (got "${value}")`, command);
  }
  return n;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024 };

/** Checks a byte size: a whole number of bytes, or with a unit `kB`/`MB` (powers of 1024), e.g. `10MB`. */
export function parseByteSize(command: string, flag: string, value: string): number {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
  const unit = UNITS[(match?.[2] ?? 'x').toLowerCase()];
  const n = match && unit ? Number(match[1]) * unit : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new UsageError(`--${flag} must be a size like 5000000, 500kB or 10MB (got "${value}")`, command);
  }
  return n;
}
