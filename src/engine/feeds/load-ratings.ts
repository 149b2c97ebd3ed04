/**
 * Loads the user's outlet ratings file (CSV or JSON; see docs/feeds.md): read with a size limit, the format taken from
 * the extension or else from the first character, and every problem (the file's or a row's) returned with the file
 * name, never thrown, so that a bad row costs that row only.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseRatingsCsv, parseRatingsJson, type OutletRating } from '../../core/stream/ratings.js';
import { formatBytes } from '../inputs/options.js';

/** A problem with a ratings file: `row` is the CSV line or the JSON index, null for the whole file. */
export interface RatingsFileProblem {
  file: string;
  row: number | null;
  message: string;
}

/** The ratings read from a file and its problems. */
export interface LoadedRatings {
  ratings: OutletRating[];
  problems: RatingsFileProblem[];
}

/** Default size limit of a ratings file: 5 MB (tens of thousands of rows). */
export const DEFAULT_RATINGS_MAX_BYTES = 5 * 1024 * 1024;

/** Reads and checks a ratings file. Never throws. */
export async function loadRatingsFile(path: string, options: { maxBytes?: number } = {}): Promise<LoadedRatings> {
  const maxBytes = options.maxBytes ?? DEFAULT_RATINGS_MAX_BYTES;
  const fileProblem = (message: string): LoadedRatings => ({
    ratings: [],
    problems: [{ file: path, row: null, message }],
  });
  let text: string;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) return fileProblem(`${formatBytes(size)} is over the size limit of ${formatBytes(maxBytes)}`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return fileProblem(`the file cannot be read (${code ?? (error as Error).message})`);
  }
  const ext = extname(path).toLowerCase();
  const json = ext === '.json' || (ext !== '.csv' && /^\uFEFF?\s*[[{]/.test(text));
  const parsed = json ? parseRatingsJson(text) : parseRatingsCsv(text);
  return { ratings: parsed.ratings, problems: parsed.problems.map((p) => ({ file: path, ...p })) };
}
