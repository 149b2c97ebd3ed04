import type { FailureCode, InputFailure } from './model.js';

/** The result of a step that can fail on bad user input: failures are data, not exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; failure: InputFailure };

/** Builds a failure result naming the input and the reason. */
export function fail<T>(source: string, code: FailureCode, message: string): Result<T> {
  return { ok: false, failure: { source, code, message } };
}

/** Builds a success result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}
