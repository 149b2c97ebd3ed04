/** The most words of a user query that go into one FTS5 MATCH expression (keeps queries cheap). */
export const MAX_QUERY_TERMS = 12;

/**
 * Turns free user text into a safe FTS5 MATCH expression: every word becomes a quoted term (so FTS5 operators, quotes,
 * colons and parentheses in the input are plain text), all terms must match, and the last one also matches as a prefix
 * (search-as-you-type). Returns null when the text has no word to search for.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.slice(0, MAX_QUERY_TERMS);
  if (terms.length === 0) return null;
  return terms.map((term, i) => (i === terms.length - 1 ? `"${term}"*` : `"${term}"`)).join(' ');
}

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
