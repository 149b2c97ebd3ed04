/** One non-blank line of the input body: the unit the cleaning rules judge. */
export interface Line {
  /** Position among the non-blank lines (0-based). */
  index: number;
  /** The line's text, trimmed. */
  text: string;
}

/** Ends like a sentence: terminal punctuation, possibly followed by closing quotes or brackets. */
const TERMINAL = /[.!?…][”’"')\]]*$/u;

/**
 * Splits a body into non-blank lines. Hard-wrapped paragraphs (a long line that stops mid-sentence followed by a line
 * that starts in lower case) are joined with a space so that a wrapped sentence is judged as one line.
 */
export function splitLines(body: string): Line[] {
  const raw = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\u00a0\t]+/g, ' ').trim());
  const joined: string[] = [];
  let previousBlank = true;
  for (const text of raw) {
    if (text === '') {
      previousBlank = true;
      continue;
    }
    const last = joined.at(-1);
    if (!previousBlank && last !== undefined && isWrapped(last, text)) joined[joined.length - 1] = `${last} ${text}`;
    else joined.push(text);
    previousBlank = false;
  }
  return joined.map((text, index) => ({ index, text }));
}

/** A line that continues the previous one: the previous is long, unfinished, and this one starts in lower case. */
function isWrapped(previous: string, next: string): boolean {
  return previous.length >= 60 && !TERMINAL.test(previous) && !/[:;]$/.test(previous) && /^[a-z]/.test(next);
}

/** True when a line ends like a sentence. */
export function endsLikeSentence(text: string): boolean {
  return TERMINAL.test(text);
}
