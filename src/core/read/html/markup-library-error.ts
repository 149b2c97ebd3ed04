/**
 * What an HTML library (the parser, Readability) threw on a page, kept apart from our own errors. The libraries are
 * third-party code run on hostile markup: an exception inside them is a fact about that page (its markup could not be
 * handled, or it nests too deeply for the library's recursion) and fails that input alone. Our own code is not
 * wrapped, so a bug of ours stays a bug and is never reported to the user as "unreadable input".
 */
import { InputFailureError } from '../../result.js';

/** An HTML library failed on a page; `cause` holds what it threw (for the logs, never for the user's message). */
export class MarkupLibraryError extends InputFailureError {
  override name = 'MarkupLibraryError';

  /** The library's name (`linkedom`, `Readability`) and what it threw. */
  constructor(
    readonly library: string,
    cause: unknown,
  ) {
    super('unreadable', 'the page could not be read (its markup could not be parsed)', {
      message: `${library} could not handle the page's markup`,
      cause,
    });
  }
}

/** A library ran out of stack on a page: the page nests too deeply to be read. */
export class TooDeeplyNestedError extends InputFailureError {
  override name = 'TooDeeplyNestedError';

  /** The library's name and the RangeError it threw. */
  constructor(
    readonly library: string,
    cause: unknown,
  ) {
    super('too-deeply-nested', 'the document is nested too deeply to be read', {
      message: `${library} ran out of stack on the page`,
      cause,
    });
  }
}

/** True for V8's stack overflow ("Maximum call stack size exceeded"). */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Calls into an HTML library: a stack overflow becomes a TooDeeplyNestedError, anything else it throws a
 * MarkupLibraryError; both are known input failures (`InputFailureError`).
 */
export function callMarkupLibrary<T>(library: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (isStackOverflow(error)) throw new TooDeeplyNestedError(library, error);
    throw new MarkupLibraryError(library, error);
  }
}
