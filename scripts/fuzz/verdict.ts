/**
 * What one fuzz input did, and the checks that decide it: a crash (an exception that is not a clear per-input error),
 * an unclear error message, or an output that breaks its contract (offsets out of range, a report failing its schema).
 */

/** The kinds of problem the fuzzer records. */
export type ProblemKind =
  'crash' | 'unclear-error' | 'invalid-output' | 'budget-overrun' | 'hang' | 'out-of-memory' | 'worker-crash';

/** The outcome of one input: fine, or a problem with a message (and, for crashes, the top of the stack). */
export type Verdict = { ok: true } | { ok: false; kind: ProblemKind; message: string; detail?: string };

/** A fine outcome. */
export const OK: Verdict = { ok: true };

/** A problem outcome. */
export function problem(kind: ProblemKind, message: string, detail?: string): Verdict {
  return { ok: false, kind, message, ...(detail ? { detail } : {}) };
}

/** An exception thrown by a target: a crash, with the first lines of its stack to find it by. */
export function crashOf(error: unknown): Verdict {
  const err = error instanceof Error ? error : new Error(String(error));
  const stack = (err.stack ?? '').split('\n').slice(1, 8).join('\n');
  return problem('crash', `${err.name}: ${err.message}`.slice(0, 500), stack);
}

/** JavaScript's own words, which mean a programming error leaked into a message meant for users. */
const JS_ERROR_WORDS =
  /Cannot read propert|is not a function|is not iterable|is not defined|Maximum call stack|of undefined|of null\b|Invalid array length|Invalid string length|out of memory|\[object Object\]|\bundefined\b|\bNaN\b/;

/**
 * Why a user-facing error message is not clear, or null when it is: it must say something, name its input when it
 * has one (`source`), hold no stack trace or "internal error", no JavaScript error words outside what it quotes
 * from the input, and stay short.
 */
export function unclearMessage(message: unknown, source?: string): string | null {
  if (typeof message !== 'string' || message.trim() === '') return 'an empty message';
  if (/\n\s+at /.test(message)) return 'a stack trace in the message';
  if (/internal error/i.test(message)) return 'an "internal error"';
  const own = message.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (JS_ERROR_WORDS.test(own)) return 'JavaScript error words in the message';
  if (message.length > 2000) return `a message of ${message.length} characters`;
  if (source !== undefined && !message.startsWith(source)) return `a message that does not start with its input's name`;
  return null;
}

/** A user-facing message as a verdict: OK, or an unclear error quoting (the start of) the message. */
export function checkMessage(message: unknown, source?: string): Verdict {
  const why = unclearMessage(message, source);
  return why ? problem('unclear-error', `${why}: ${JSON.stringify(String(message).slice(0, 300))}`) : OK;
}

/** The first unclear message of a list of failures or notes `{source, message}`, as a verdict. */
export function checkMessages(items: readonly { source: string; message: string }[]): Verdict {
  return firstProblem(...items.map((item) => checkMessage(item.message, item.source)));
}

/** The first failing verdict of a list, or OK. */
export function firstProblem(...verdicts: Verdict[]): Verdict {
  return verdicts.find((v) => !v.ok) ?? OK;
}
