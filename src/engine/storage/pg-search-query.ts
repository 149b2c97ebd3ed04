import { MAX_QUERY_TERMS } from './sqlite-fts-query.js';

/** A word as both full-text indexes see one: a run of letters and digits (SQLite's unicode61 splits the same way). */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Most characters of one text that go into its tsvector. PostgreSQL refuses a tsvector over 1 MB; this bound keeps
 * even a text of all-distinct short words under it. Longer texts are searchable by their first 150,000 characters
 * of words (about 25,000 words).
 */
export const MAX_INDEXED_CHARS = 150_000;

/**
 * Turns free user text into a `to_tsquery` expression that cannot be malformed: its words only (letters and digits,
 * so no tsquery operator, quote or colon of the input survives), all required (`&`), the last also as a prefix
 * (`:*`, search-as-you-type), as the SQLite query does. Null when the text has no word.
 */
export function toTsQuery(text: string): string | null {
  const terms = (text.normalize('NFC').match(WORD) ?? []).slice(0, MAX_QUERY_TERMS);
  if (terms.length === 0) return null;
  return terms.map((term, i) => (i === terms.length - 1 ? `${term}:*` : term)).join(' & ');
}

/** The words of a text as the index takes them, space-separated and bounded (see MAX_INDEXED_CHARS). */
export function indexedWords(text: string): string {
  const words = text.normalize('NFC').match(WORD) ?? [];
  let length = 0;
  let count = 0;
  for (const word of words) {
    if (length + word.length + 1 > MAX_INDEXED_CHARS) break;
    length += word.length + 1;
    count++;
  }
  return words.slice(0, count).join(' ');
}
