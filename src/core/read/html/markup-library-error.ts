/**
 * What an HTML library (the parser, Readability) threw on a page, kept apart from our own errors. The libraries are
 * third-party code run on hostile markup: an exception inside them is a fact about that page (its markup could not be
 * handled) and fails that input alone. Our own code is not wrapped, so a bug of ours stays a bug and is never reported
 * to the user as "unreadable input".
 */

/** An HTML library failed on a page; `cause` holds what it threw (for the logs, never for the user's message). */
export class MarkupLibraryError extends Error {
  override name = 'MarkupLibraryError';

  /** The library's name (`linkedom`, `Readability`) and what it threw. */
  constructor(
    readonly library: string,
    cause: unknown,
  ) {
    super(`${library} could not handle the page's markup`, { cause });
  }
}

/**
 * Calls into an HTML library: what it throws becomes a MarkupLibraryError, except a stack overflow, which passes as it
 * is (the reader reports it as nesting too deep to be read).
 */
export function callMarkupLibrary<T>(library: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw error;
    throw new MarkupLibraryError(library, error);
  }
}
