import { createReadStream } from 'node:fs';
import type { AnalyzeOptions, InputFailure, RawArticle, Report } from '../core/model.js';
import { articleFromObject } from './inputs/article-object.js';
import { assignUniqueIds } from './inputs/assign-unique-ids.js';
import { DEFAULT_MAX_BYTES } from './inputs/index.js';
import type { AnalysisPool } from './workers/analysis-pool.js';
import type { PoolOptions } from './workers/budget-options.js';
import { JobStoppedError } from './workers/job-stopped-error.js';
import { poolFor } from './workers/shared-pool.js';
import { quoteValue } from './inputs/quote-value.js';
import { isBlankLine, readLines, type StreamLine } from './inputs/read-lines.js';

/** Default size limit of one line of a stories file: 64 MB (a story of a dozen long articles, with room to spare). */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

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
  /** Size limit of one input line in bytes (default 64 MB); a longer line fails without being held in memory. */
  maxLineBytes?: number;
  /** Story ids not to analyze again: those already in the output of an earlier run (resume). */
  skipIds?: ReadonlySet<string>;
  /** When aborted, the run stops before the next story; the story being analyzed is finished and written first. */
  signal?: AbortSignal;
  /** Called after each story with the number done so far. */
  onStory?: (done: number) => void;
  /** Called after each story or skipped line with the totals so far (so a caller knows them if writing fails). */
  onProgress?: (totals: Readonly<BatchTotals>) => void;
}

/** One output line: the story's report, or why it failed. */
export type BatchResult = { id: string; report: Report } | { id: string; error: string };

/** Totals of a batch run. */
export interface BatchTotals {
  /** Stories written in this run (one output line each), failed ones included. */
  stories: number;
  /** Of those, the ones that failed. */
  failed: number;
  /** Lines skipped because their story id was in `skipIds`. */
  skipped: number;
  /** True when the run was stopped by its signal before the end of the input. */
  stopped: boolean;
}

/** One line to run: a plain string (numbered in order) or a line from `readLines` (numbered, maybe unusable). */
export type BatchLine = string | StreamLine;

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
  return analyzeStoryArticles(id, input, options);
}

/** Analyzes a story's readable articles on the pool; a story with no article read, or a failed analysis, is an error. */
async function analyzeStoryArticles(
  id: string,
  input: { raws: RawArticle[]; failures: InputFailure[] },
  options: BatchOptions,
): Promise<BatchResult> {
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

/** What the run does with each line: a result to write, a line skipped (resume), or the stop. */
type BatchEvent = { result: BatchResult } | { skipped: string } | { stopped: true };

/** The `id` a story line gives itself, or null when it has none (or is not a story object). */
function claimedId(text: string): string | null {
  try {
    const story = JSON.parse(text) as { id?: unknown } | null;
    if (typeof story?.id === 'string' && story.id.trim() !== '') return story.id;
  } catch {
    // A line that is not JSON fails in analyzeStoryLine, under its line id.
  }
  return null;
}

/**
 * The output id of a line: its own id or `line-N`; when an earlier line took that id, `line-N` (made unique), so
 * that every output line has its own id and a resumed run can tell them apart.
 */
function lineId(line: { number: number; text?: string | undefined }, taken: Map<string, number>) {
  const fallback = `line-${line.number}`;
  const wanted = (line.text === undefined ? null : claimedId(line.text)) ?? fallback;
  const earlier = taken.get(wanted);
  let id = wanted;
  if (earlier !== undefined) {
    id = fallback;
    for (let n = 2; taken.has(id); n++) id = `${fallback}-${n}`;
  }
  taken.set(id, line.number);
  return { id, wanted, earlier };
}

async function* batchEvents(lines: AsyncIterable<BatchLine>, options: BatchOptions): AsyncGenerator<BatchEvent> {
  const taken = new Map<string, number>();
  const iterator = lines[Symbol.asyncIterator]();
  const stop = stopSignal(options.signal);
  let count = 0;
  try {
    for (;;) {
      // Racing the stop: a stop is seen at once even while the next line is slow to come (a pipe, a terminal).
      const next = await Promise.race([iterator.next(), stop]);
      if (next === STOP || options.signal?.aborted) {
        yield { stopped: true };
        return;
      }
      if (next.done) return;
      const item = next.value;
      const line = typeof item === 'string' ? { number: ++count, text: item } : item;
      if (line.text !== undefined && isBlankLine(line.text)) continue;
      yield await lineEvent(line, taken, options);
    }
  } finally {
    // Not awaited: a read still waiting for input must not hold the stop up.
    void iterator.return?.()?.catch(() => undefined);
  }
}

/** What to do with one non-blank line: skip it (resume), fail it, or analyze it. */
async function lineEvent(
  line: { number: number; text?: string | undefined; problem?: string | undefined },
  taken: Map<string, number>,
  options: BatchOptions,
): Promise<BatchEvent> {
  const { id, wanted, earlier } = lineId(line, taken);
  if (options.skipIds?.has(id)) return { skipped: id };
  if (line.text === undefined) return { result: fail(id, line.problem ?? `line ${line.number}: unreadable`) };
  if (earlier !== undefined) {
    return {
      result: fail(
        id,
        `line ${line.number}: the story id ${quoteValue(wanted)} is also on line ${earlier}; give each story its own id`,
      ),
    };
  }
  // The one call that analyzes a line: where a worker pool takes the work off this thread.
  const result = await analyzeStoryLine(line.text, line.number, options);
  return { result: result.id === id ? result : { ...result, id } };
}

const STOP = Symbol('stop');

/** A promise that settles with STOP when the signal aborts (never, without a signal). */
function stopSignal(signal: AbortSignal | undefined): Promise<typeof STOP> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve(STOP);
    else signal?.addEventListener('abort', () => resolve(STOP), { once: true });
  });
}

/** Runs the batch over lines as they come, yielding one result per non-blank line not skipped, in order. */
export async function* runBatch(
  lines: AsyncIterable<BatchLine>,
  options: BatchOptions = {},
): AsyncGenerator<BatchResult> {
  let done = 0;
  for await (const event of batchEvents(lines, options)) {
    if (!('result' in event)) continue;
    yield event.result;
    options.onStory?.(++done);
  }
}

/** Where a batch run reads and writes. */
export interface BatchRun {
  lines: AsyncIterable<BatchLine>;
  /** Receives each output line (JSON with a line feed) and resolves once it is written. */
  write: (line: string) => void | Promise<void>;
  options?: BatchOptions;
}

/** Runs the batch and writes one JSON line per story, each written before the next story starts. */
export async function runBatchLines(run: BatchRun): Promise<BatchTotals> {
  const options = run.options ?? {};
  const totals: BatchTotals = { stories: 0, failed: 0, skipped: 0, stopped: false };
  for await (const event of batchEvents(run.lines, options)) {
    if ('stopped' in event) totals.stopped = true;
    else if ('skipped' in event) totals.skipped++;
    else {
      await run.write(`${JSON.stringify(event.result)}\n`);
      totals.stories++;
      if ('error' in event.result) totals.failed++;
      options.onStory?.(totals.stories);
    }
    options.onProgress?.({ ...totals });
  }
  return totals;
}

/** Reads a stories file line by line (streaming) and writes one JSON line per story through `write`. */
export async function runBatchFile(
  path: string,
  write: (line: string) => void | Promise<void>,
  options: BatchOptions = {},
): Promise<BatchTotals> {
  const lines = readLines(createReadStream(path), { maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES });
  return runBatchLines({ lines, write, options });
}
