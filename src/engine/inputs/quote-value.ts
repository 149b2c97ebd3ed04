/** How many characters of an input's value a message quotes. */
const QUOTED_CHARS = 60;

/**
 * A value from the input, quoted (as JSON) for a message and cut to a few dozen characters with an ellipsis, so that a
 * message stays one short line whatever the input holds.
 */
export function quoteValue(value: string, max = QUOTED_CHARS): string {
  return value.length <= max ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, max))}…`;
}
