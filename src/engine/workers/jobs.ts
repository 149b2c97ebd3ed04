/**
 * What the main thread sends to an analysis worker and what comes back. Articles and reports travel as JSON text: the
 * main thread copies a string instead of rebuilding a large object graph (for a 1 MB article, the report's structured
 * clone costs the main thread twice what parsing its JSON does), and articles pass from the reading jobs to the
 * analysis job without being rebuilt on the main thread at all. A story's texts go in one shared buffer.
 */
import type { AnalyzeOptions, InputFailure, RawArticle } from '../../core/model.js';
import type { PackedStrings } from './packed-strings.js';

/** The story's texts and their content-stem counts, packed once per story and shared by its reading jobs. */
export interface StoryPayload {
  /** The raw content of every input that takes part in the story context. */
  texts: PackedStrings;
  /** Per input, its content-stem counts as JSON `[[stem, count], ...]` (from a `stems` job). */
  stems: PackedStrings;
}

/** Counts the content stems of one input's raw content (the input's share of the story context). */
export interface StemsJob {
  kind: 'stems';
  text: string;
}

/** Reads one raw input into an Article, judged against the story's other texts. */
export interface ReadJob {
  kind: 'read';
  raw: RawArticle;
  /** Null for a story of one input: there is nothing to judge its lines against. */
  story: StoryPayload | null;
}

/** Analyzes and composes the articles of one story into its report. */
export interface ReportJob {
  kind: 'report';
  /** Each article as JSON (from a `read` job). */
  articles: string[];
  failures: InputFailure[];
  options: AnalyzeOptions;
}

/** Any job, without its id (the pool numbers jobs). */
export type Job = StemsJob | ReadJob | ReportJob;

/** The result type of each kind of job. */
export interface JobResults {
  /** JSON `[[stem, count], ...]`. */
  stems: string;
  /** The article as JSON, or why the input could not be read. */
  read: { ok: true; value: string } | { ok: false; failure: InputFailure };
  /** The report as JSON. */
  report: string;
}

/** A job as posted to a worker: numbered so that the worker can say when it starts. */
export type NumberedJob = Job & { id: number };

/** The message a worker posts when it starts a job: the time budget counts from here, not from the queue. */
export interface JobStartedMessage {
  parallaxJobStarted: number;
}

/** True for a worker's job-started message. */
export function isJobStarted(message: unknown): message is JobStartedMessage {
  return typeof message === 'object' && message !== null && 'parallaxJobStarted' in message;
}
