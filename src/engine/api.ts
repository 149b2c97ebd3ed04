/**
 * The public library API: `analyze` (inputs to a report) and `extract` (inputs to cleaned documents).
 * Inputs are paths (files or folders), URLs, `-` for standard input, or article objects. Bad inputs never throw:
 * each becomes a failure naming the input and the reason, and the others go on.
 */
import type { AnalyzeOptions, Embed, InputFailure, Removal, DateValue, RawArticle, Report } from '../core/model.js';
import { reportFromArticles } from '../core/pipeline.js';
import { isIsoDate, type ArticleObject } from './inputs/article-object.js';
import type { InputOptions } from './inputs/options.js';
import { readInputs, type InputSpec } from './inputs/read-inputs.js';
import type { InputNote, InputResult } from './inputs/result.js';
import { parseAddressRanges } from './net/address-policy.js';
import { packageVersion } from './version.js';
import type { AnalysisPool } from './workers/analysis-pool.js';
import type { PoolOptions } from './workers/budget-options.js';
import { StoryStoppedError } from './workers/story-stopped-error.js';
import { poolFor } from './workers/shared-pool.js';

export type { ArticleObject, InputSpec, InputNote };

/** Progress of a run: inputs read one by one, then the analysis as one step. */
export interface ProgressEvent {
  phase: 'read' | 'analyze';
  /** Units finished in this phase. */
  done: number;
  total: number;
  /** The input just read (phase `read`). */
  source?: string;
}

/**
 * Options of `extract` (and the reading part of `analyze`). All optional. The work runs on worker threads under
 * per-job budgets (`workers`, `jobTimeoutMs`, `jobMemoryMb`: see docs/security.md); `pool` runs it on the caller's
 * pool instead (its own settings then apply).
 */
export interface ExtractOptions extends PoolOptions, Omit<InputOptions, 'onInput'> {
  /** The worker pool to run on (default: a shared pool for the budgets given here, kept between calls). */
  pool?: AnalysisPool;
  /** Called as the run progresses (for progress bars). */
  onProgress?: (event: ProgressEvent) => void;
}

/** Options of `analyze`. */
export interface AnalyzeRunOptions extends ExtractOptions {
  /** Reference date (ISO 8601) for relative dates of articles whose own date is unknown; default none. */
  referenceDate?: string;
  /** Target summary length in words (default 120). */
  summaryWords?: number;
  /** Story id (default a hash of the article ids). */
  storyId?: string;
}

/** What `analyze` returns: the report (whose `failures` include every failed input) and notes about the inputs. */
export interface AnalyzeResult {
  report: Report;
  /** Every input that could not be read, with its reason (the same list as `report.failures`). */
  failures: InputFailure[];
  /** Notes that are not failures, e.g. unsupported files skipped inside a folder. */
  notes: InputNote[];
}

/** One cleaned document as `extract` returns it. */
export interface ExtractedDocument {
  id: string;
  source: string;
  title: string | null;
  byline: string | null;
  outlet: string | null;
  publishedAt: DateValue | null;
  /** The cleaned article body (paragraphs separated by blank lines). */
  text: string;
  removed: Removal[];
  embeds: Embed[];
}

/** What `extract` returns. */
export interface ExtractResult {
  documents: ExtractedDocument[];
  failures: InputFailure[];
  notes: InputNote[];
}

/** Reads the inputs of one story and analyzes them into a report. Throws (a TypeError) only for invalid options. */
export async function analyze(
  inputs: readonly (string | ArticleObject)[],
  options: AnalyzeRunOptions = {},
): Promise<AnalyzeResult> {
  if (options.referenceDate !== undefined && !isIsoDate(options.referenceDate)) {
    throw new TypeError(`referenceDate must be an ISO 8601 date, got ${JSON.stringify(options.referenceDate)}`);
  }
  if (options.summaryWords !== undefined && !(Number.isInteger(options.summaryWords) && options.summaryWords > 0)) {
    throw new TypeError(`summaryWords must be a positive integer, got ${String(options.summaryWords)}`);
  }
  const pool = poolFor(options);
  const read = await readAll(inputs, options);
  options.onProgress?.({ phase: 'analyze', done: 0, total: 1 });
  const report = await analyzeOnPool(pool, read.articles, {
    version: packageVersion(),
    ...(options.referenceDate !== undefined ? { referenceDate: options.referenceDate } : {}),
    ...(options.summaryWords !== undefined ? { summaryWords: options.summaryWords } : {}),
    ...(options.storyId !== undefined ? { storyId: options.storyId } : {}),
  });
  options.onProgress?.({ phase: 'analyze', done: 1, total: 1 });
  const failures = [...read.failures, ...report.failures];
  return { report: { ...report, failures }, failures, notes: read.notes };
}

/** Reads and cleans the inputs without analyzing them: one document per readable article. */
export async function extract(
  inputs: readonly (string | ArticleObject)[],
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  const pool = poolFor(options);
  const read = await readAll(inputs, options);
  const { articles, failures } = await pool.readArticles(read.articles);
  const documents = articles.map((a): ExtractedDocument => ({
    id: a.id,
    source: a.source,
    title: a.title,
    byline: a.byline,
    outlet: a.outlet,
    publishedAt: a.publishedAt,
    text: a.text,
    removed: a.removed,
    embeds: a.embeds,
  }));
  return { documents, failures: [...read.failures, ...failures], notes: read.notes };
}

/**
 * The story's report from the pool. When the analysis of the story as a whole goes over a budget, the report has no
 * articles and a failure that says so (as when no input can be read), so that callers handle both alike.
 */
async function analyzeOnPool(
  pool: AnalysisPool,
  raws: readonly RawArticle[],
  options: AnalyzeOptions,
): Promise<Report> {
  try {
    return await pool.analyzeStory(raws, options);
  } catch (error) {
    if (!(error instanceof StoryStoppedError)) throw error;
    const message = `story: ${error.message} (analyzing its ${error.articles} articles together)`;
    return reportFromArticles([], [...error.failures, { source: 'story', code: error.code, message }], options);
  }
}

function readAll(inputs: readonly InputSpec[], options: ExtractOptions): Promise<InputResult> {
  const { onProgress } = options;
  // An invalid range is the caller's mistake: say so once, instead of failing every URL.
  parseAddressRanges(options.allowPrivateRanges ?? []);
  return readInputs(inputs, {
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.fetchTimeoutMs !== undefined ? { fetchTimeoutMs: options.fetchTimeoutMs } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
    ...(options.allowPrivateUrls !== undefined ? { allowPrivateUrls: options.allowPrivateUrls } : {}),
    ...(options.allowPrivateRanges !== undefined ? { allowPrivateRanges: options.allowPrivateRanges } : {}),
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.exclude !== undefined ? { exclude: options.exclude } : {}),
    ...(onProgress
      ? { onInput: (e: { done: number; total: number; source: string }) => onProgress({ phase: 'read', ...e }) }
      : {}),
  });
}
