/** Structured logs: one JSON object a line, with the time, a level, a message and fields. */

/** How bad an event is. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Writes log events. */
export interface JsonLog {
  /** Logs one event with its fields. */
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  /** A log that adds these fields to every event. */
  child(fields: Record<string, unknown>): JsonLog;
}

/** A log writing JSON lines to `write` (e.g. stderr), with `now` for the timestamps. */
export function jsonLog(
  write: (line: string) => void,
  base: Record<string, unknown> = {},
  now: () => Date = () => new Date(),
): JsonLog {
  return {
    log(level, msg, fields = {}) {
      write(`${JSON.stringify({ time: now().toISOString(), level, msg, ...base, ...fields }, errorsAsText)}\n`);
    },
    child(fields) {
      return jsonLog(write, { ...base, ...fields }, now);
    },
  };
}

/** A log that drops every event. */
export const silentLog: JsonLog = {
  log: () => undefined,
  child: () => silentLog,
};

/** Errors as their message (JSON.stringify would give `{}`). */
function errorsAsText(_key: string, value: unknown): unknown {
  return value instanceof Error ? value.message : value;
}
