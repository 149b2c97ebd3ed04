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

/**
 * A known failure of one input, thrown where it is found (inside a library call, deep in a stage) and caught at the
 * stage's entry, which turns it into a failure result. Only these are caught as input failures: anything else thrown
 * (a `TypeError` from a bug) is an internal error and is thrown on.
 */
export class InputFailureError extends Error {
  override name = 'InputFailureError';

  /**
   * @param code the failure's code
   * @param reason what the user reads after the input's name ("the document is nested too deeply to be read")
   * @param options `message` for the logs when it says more than the reason, and the `cause`
   */
  constructor(
    readonly code: FailureCode,
    readonly reason: string,
    options: { message?: string; cause?: unknown } = {},
  ) {
    super(options.message ?? reason, 'cause' in options ? { cause: options.cause } : {});
  }
}

/** The failure result of a known input failure, naming the input. */
export function failWith<T>(source: string, error: InputFailureError): Result<T> {
  return fail(source, error.code, `${source}: ${error.reason}`);
}
