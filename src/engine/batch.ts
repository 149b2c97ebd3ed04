import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AnalyzeOptions, InputFailure, RawArticle, Report } from '../core/model.js';
import { articleFromObject } from './inputs/article-object.js';
import { assignUniqueIds } from './inputs/assign-unique-ids.js';
import { DEFAULT_MAX_BYTES } from './inputs/index.js';
import type { AnalysisPool } from './workers/analysis-pool.js';
import type { PoolOptions } from './workers/budget-options.js';
import { JobStoppedError } from './workers/job-stopped-error.js';
import { poolFor } from './workers/shared-pool.js';

/** Options of a batch run (each story is analyzed on worker threads under the budgets: see `PoolOptions`). */
export interface BatchOptions extends PoolOptions {
  /** The worker pool to run on (default: a shared pool for the budgets given here). */
  pool?: AnalysisPool;
  /** Target summary length in words (default 120). */
  summaryWords?: number;
  /** Reference date for stories whose articles have no date. */
  referenceDate?: string;
  /** Generator version written into each report. */
  version?: string;
  /** Size limit of one article's content in bytes (default: the input limit of the engine). */
  maxBytes?: number;
  /** Called after each story with the number done so far. */
  onStory?: (done: number) => void;
}

/** One output line: the story's report, or why it failed. */
export type BatchResult = { id: string; report: Report } | { id: string; error: string };

/** Totals of a batch run. */
export interface BatchTotals {
  stories: number;
  failed: number;
}

function fail(id: string, error: string): BatchResult {
  return { id, error };
}

/** Builds the raw articles of one story object; bad article objects become failures and the rest go on. */
function storyArticles(
  story: Record<string, unknown>,
  label: string,
  maxBytes: number,
): { raws: RawArticle[]; failures: InputFailure[] } | string {
  if (!Array.isArray(story.articles) || story.articles.length === 0)
    return `${label}: "articles" must be a non-empty array`;
  const raws: RawArticle[] = [];
  const failures: InputFailure[] = [];
  for (const [k, value] of story.articles.entries()) {
    const read = articleFromObject(value, { source: `${label}#${k + 1}`, fallbackId: `a${k + 1}`, maxBytes });
    if (read.ok) raws.push(read.value);
    else failures.push(read.failure);
  }
  if (raws.length === 0) return `${label}: no usable article: ${failures.map((f) => f.message).join('; ')}`;
  return { raws: assignUniqueIds(raws), failures };
}

/**
 * Analyzes one line of a stories file (`{id, articles: [...]}`): a bad line or a failing story becomes `{id, error}`
 * so that the batch goes on.
 */
export async function analyzeStoryLine(
  line: string,
  lineNumber: number,
  options: BatchOptions = {},
): Promise<BatchResult> {
  const fallbackId = `line-${lineNumber}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return fail(fallbackId, `line ${lineNumber}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return fail(fallbackId, `line ${lineNumber}: expected a story object {id, articles: [...]}`);
  const story = parsed as Record<string, unknown>;
  const id = typeof story.id === 'string' && story.id.trim() !== '' ? story.id : fallbackId;
  const input = storyArticles(story, `line ${lineNumber}`, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (typeof input === 'string') return fail(id, input);
  const analyzeOptions: AnalyzeOptions = { storyId: id, summaryWords: options.summaryWords ?? 120 };
  if (options.referenceDate) analyzeOptions.referenceDate = options.referenceDate;
  if (options.version) analyzeOptions.version = options.version;
  try {
    const analyzed = await poolFor(options).analyzeStory(input.raws, analyzeOptions);
    const report = { ...analyzed, failures: [...input.failures, ...analyzed.failures] };
    if (report.story.articleCount === 0)
      return fail(id, `no article could be read: ${report.failures.map((f) => f.message).join('; ')}`);
    return { id, report };
  } catch (error) {
    if (error instanceof JobStoppedError) return fail(id, error.message);
    return fail(id, `analysis failed: ${(error as Error).message}`);
  }
}

/** Runs the batch over lines as they come, yielding one result per non-blank line, in order. */
export async function* runBatch(lines: AsyncIterable<string>, options: BatchOptions = {}): AsyncGenerator<BatchResult> {
  let lineNumber = 0;
  let done = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    yield await analyzeStoryLine(line, lineNumber, options);
    options.onStory?.(++done);
  }
}

/** Reads a stories file line by line (streaming) and writes one JSON line per story through `write`. */
export async function runBatchFile(
  path: string,
  write: (line: string) => void | Promise<void>,
  options: BatchOptions = {},
): Promise<BatchTotals> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const totals: BatchTotals = { stories: 0, failed: 0 };
  for await (const result of runBatch(lines, options)) {
    totals.stories++;
    if ('error' in result) totals.failed++;
    await write(`${JSON.stringify(result)}\n`);
  }
  return totals;
}
