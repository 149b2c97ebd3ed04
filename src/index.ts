/**
 * Parallax as a library. `analyze` and `extract` read paths, URLs or article objects (the engine does the I/O);
 * `analyzeStory` is the pure core for callers that bring their own decoded text; the renderers turn a report into
 * Markdown or one self-contained HTML page. The stream (`openSqliteLibrary`, `addSources`, `StreamWatcher`) follows
 * feeds into stories kept up to date (docs/stream.md).
 */
export {
  analyze,
  extract,
  type AnalyzeResult,
  type AnalyzeRunOptions,
  type ArticleObject,
  type ExtractOptions,
  type ExtractResult,
  type ExtractedDocument,
  type InputNote,
  type InputSpec,
  type ProgressEvent,
} from './engine/api.js';
export { runBatchFile, type BatchOptions, type BatchResult } from './engine/batch.js';
export { validateReport } from './engine/validate-report.js';
export { AnalysisPool, type ReadResult } from './engine/workers/analysis-pool.js';
export {
  DEFAULT_JOB_MEMORY_MB,
  DEFAULT_JOB_TIMEOUT_MS,
  defaultWorkerCount,
  type PoolOptions,
} from './engine/workers/budget-options.js';
export { JobStoppedError } from './engine/workers/job-stopped-error.js';
export { closeSharedPools } from './engine/workers/shared-pool.js';
export { StoryStoppedError } from './engine/workers/story-stopped-error.js';
export { analyzeStory, readArticles, analyzeArticles } from './core/pipeline.js';
export { renderMarkdown } from './core/render/render-markdown.js';
export { renderHtml } from './core/render/html.js';
export type * from './core/model.js';
export type { StoryRepository } from './engine/storage/story-repository.js';
export type { Library } from './engine/storage/library.js';
export { openPgLibrary, type PgLibrary, type PgLibraryOptions } from './engine/storage/open-pg-library.js';
export { openQueueLibrary, type QueueLibrary, type QueueLibraryOptions } from './engine/queue/open-queue-library.js';
export { reconcileJobs } from './engine/queue/reconcile-jobs.js';
export { runQueueWorker, type QueueWorkerOptions } from './engine/queue/queue-worker.js';
export { jsonLog } from './engine/queue/json-log.js';
export { openSqliteLibrary, type SqliteLibrary } from './engine/storage/open-sqlite-library.js';
export type * from './engine/storage/stream-repository.js';
export { addSources, type AddedSources, type SourceProblem } from './engine/stream/add-sources.js';
export type { StreamOptions } from './engine/stream/stream-options.js';
export { StreamBusyError } from './engine/stream/stream-lease.js';
export { StreamWatcher, type StreamEvent, type StreamWatcherOptions } from './engine/stream/stream-watcher.js';
export { diffVersions, type VersionDiff, type VersionText } from './core/stream/version-diff.js';
