import type { FailureCode, InputFailure, RawArticle } from '../../core/model.js';

/** A note about an input that is not a failure (e.g. an unsupported file skipped inside a folder). */
export interface InputNote {
  source: string;
  code: string;
  message: string;
}

/** What reading inputs gives: the articles read, the inputs that failed, and notes. Never thrown. */
export interface InputResult {
  articles: RawArticle[];
  failures: InputFailure[];
  notes: InputNote[];
}

/** An empty input result. */
export function emptyResult(): InputResult {
  return { articles: [], failures: [], notes: [] };
}

/** A result holding one failure. */
export function failureResult(source: string, code: FailureCode, message: string): InputResult {
  return { articles: [], failures: [{ source, code, message }], notes: [] };
}

/** Concatenates input results in order (a new object; the parts are not modified). */
export function mergeResults(parts: readonly InputResult[]): InputResult {
  return {
    articles: parts.flatMap((p) => p.articles),
    failures: parts.flatMap((p) => p.failures),
    notes: parts.flatMap((p) => p.notes),
  };
}
