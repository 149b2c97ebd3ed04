/**
 * A parser's own reason for refusing a source ("Unexpected end of title", "Invalid entity name ..."), fit for a
 * message: parsers quote the offending markup, which in a hostile source can be megabytes long or span lines, so the
 * reason is put on one line and cut to a short length.
 */

/** The most characters of a parser's reason a message carries. */
const MAX_REASON_CHARS = 160;

/** The reason on one line, cut to a short length with an ellipsis. */
export function parserReason(reason: string): string {
  const line = reason.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_REASON_CHARS ? line : `${line.slice(0, MAX_REASON_CHARS)}…`;
}
