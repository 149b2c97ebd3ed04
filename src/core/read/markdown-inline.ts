/**
 * Markdown's bracketed and delimited inline markup, matched in one pass over a line. The regular expressions these
 * replace (kept in each doc comment) give the same matches, but the engine retries them from every opening character,
 * and a line of many openings with no closing (`[[[[...`, `![a](![a](...`, `~~a ~~a ...`) made each retry run to the
 * end of the line: time in the square of the line's length. Here a failed attempt moves the search past everything
 * that attempt read whenever no later attempt could end differently, so every character is read a bounded number of
 * times. Each function returns the line with the matches replaced, left to right and without overlap, as `replace`
 * with a global pattern does.
 */
import { FirstFrom } from '../first-from.js';

/** A match: its span in the line and what replaces it. */
interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Applies replacements (in order, not overlapping) to a line. */
function applyReplacements(line: string, replacements: readonly Replacement[]): string {
  if (replacements.length === 0) return line;
  const parts: string[] = [];
  let done = 0;
  for (const r of replacements) {
    parts.push(line.slice(done, r.start), r.text);
    done = r.end;
  }
  parts.push(line.slice(done));
  return parts.join('');
}

/**
 * `[text](url)` to its text: `/\[([^\]]+)\]\([^)]*\)/g` with `'$1'`; with `reference`, `[text][label]`:
 * `/\[([^\]]+)\]\[[^\]]*\]/g`.
 */
export function replaceLinks(line: string, reference = false): string {
  const [open, close] = reference ? ['[', ']'] : ['(', ')'];
  const out: Replacement[] = [];
  for (let from = 0; ;) {
    const i = line.indexOf('[', from);
    if (i < 0) break;
    // The text runs to the first `]`: every `[` before that `]` meets the same one, and fails or not alike.
    const j = line.indexOf(']', i + 1);
    if (j < 0) break;
    if (j === i + 1) {
      from = i + 1;
      continue;
    }
    if (line[j + 1] !== open) {
      from = j + 1;
      continue;
    }
    const k = line.indexOf(close, j + 2);
    // No closing after this one means none after any later one either.
    if (k < 0) break;
    out.push({ start: i, end: k + 1, text: line.slice(i + 1, j) });
    from = k + 1;
  }
  return applyReplacements(line, out);
}

/**
 * Replaces `<...>` markup: at each `<` where `minEnd(i)` gives the least index its `>` may have (null: no markup
 * starts there), up to the first `>` after it, by `text(i, gt)`.
 */
function replaceAngled(
  line: string,
  minEnd: (i: number) => number | null,
  text: (i: number, gt: number) => string,
): string {
  const out: Replacement[] = [];
  for (let from = 0; ;) {
    const i = line.indexOf('<', from);
    if (i < 0) break;
    const least = minEnd(i);
    const gt = least === null ? i : line.indexOf('>', i + 1);
    // No `>` after this `<` means none after a later one either.
    if (gt < 0) break;
    if (least === null || gt < least) {
      from = i + 1;
      continue;
    }
    out.push({ start: i, end: gt + 1, text: text(i, gt) });
    from = gt + 1;
  }
  return applyReplacements(line, out);
}

/** `<http://...>` and `<www...>` to the address: `/<((?:https?:\/\/|www\.)[^>]+)>/g` with `'$1'`. */
export function replaceAutolinks(line: string): string {
  return replaceAngled(
    line,
    (i) => {
      const prefix = /^(?:https?:\/\/|www\.)/.exec(line.slice(i + 1, i + 9))?.[0];
      // At least one character after the prefix.
      return prefix ? i + 2 + prefix.length : null;
    },
    (i, gt) => line.slice(i + 1, gt),
  );
}

/** HTML tags left out: `/<\/?[a-z][^>]*>/gi` with `''`. */
export function dropTags(line: string): string {
  return replaceAngled(
    line,
    (i) => {
      const letter = line[i + 1] === '/' ? i + 2 : i + 1;
      return /[a-z]/i.test(line[letter] ?? '') ? letter + 1 : null;
    },
    () => '',
  );
}

/** Characters that the pattern `.` does not match. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * Text between two-character delimiters to its text: `/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g` with `'$2'` for
 * `['**', '__']`, `/~~(?=\S)(.+?)(?<=\S)~~/g` with `'$1'` for `['~~']`. An opening needs a non-space after it, its
 * closing (the nearest same delimiter) a non-space before it, with at least one character between and no line end.
 */
function replaceDelimited(line: string, delimiters: readonly string[]): string {
  const out: Replacement[] = [];
  // An opening of a delimiter before this index cannot close: an earlier one of it found no closing up to there.
  const deadUntil = new Map<string, number>();
  // The next place of each delimiter, looked for again only once the search has passed it (-1: none left).
  const next = new Map<string, number>();
  for (let from = 0; ;) {
    const opening = firstDelimiter(line, delimiters, from, next);
    if (!opening) break;
    const { at: i, delimiter: d } = opening;
    if (i < (deadUntil.get(d) ?? 0) || !/\S/.test(line[i + 2] ?? ' ')) {
      from = i + 1;
      continue;
    }
    const closing = closingDelimiter(line, d, i);
    if (closing.found < 0) {
      deadUntil.set(d, closing.searchedTo);
      from = i + 1;
      continue;
    }
    out.push({ start: i, end: closing.found + 2, text: line.slice(i + 2, closing.found) });
    from = closing.found + 2;
  }
  return applyReplacements(line, out);
}

/** The first place of any of the delimiters from `from` on (ties to the first listed), or null; `next` caches places. */
function firstDelimiter(
  line: string,
  delimiters: readonly string[],
  from: number,
  next: Map<string, number>,
): { at: number; delimiter: string } | null {
  let best: { at: number; delimiter: string } | null = null;
  for (const delimiter of delimiters) {
    let at = next.get(delimiter) ?? -2;
    if (at !== -1 && at < from) next.set(delimiter, (at = line.indexOf(delimiter, from)));
    if (at >= 0 && (best === null || at < best.at)) best = { at, delimiter };
  }
  return best;
}

/**
 * The closing of the delimiter `d` opened at `i`: the nearest `d` after a non-space, at least one character on and
 * before any line end; `found` -1 when there is none, with how far the search went (no opening before can close).
 */
function closingDelimiter(line: string, d: string, i: number): { found: number; searchedTo: number } {
  let p = i + 3;
  for (; p < line.length - 1 && !LINE_TERMINATOR.test(line[p - 1]!); p++) {
    if (line.startsWith(d, p) && /\S/.test(line[p - 1]!)) return { found: p, searchedTo: p };
  }
  return { found: -1, searchedTo: p };
}

/** `**text**` and `__text__` to their text (see `replaceDelimited`). */
export function replaceStrongEmphasis(line: string): string {
  return replaceDelimited(line, ['**', '__']);
}

/** `~~text~~` to its text (see `replaceDelimited`). */
export function replaceStrikethrough(line: string): string {
  return replaceDelimited(line, ['~~']);
}

/** An image in a line: its whole markup and its alternative text. */
export interface ImageMarkup {
  start: number;
  end: number;
  alt: string;
}

/** The images of a line, as `/!\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g` finds them (markup and alt text). */
export function findImages(line: string): ImageMarkup[] {
  const out: ImageMarkup[] = [];
  // The address runs to the first `)` or white space: openings inside one run share its end, and what follows it.
  let run = { from: -1, to: -1, close: -1 };
  const quotes = new FirstFrom((pos) => line.indexOf('"', pos));
  for (let from = 0; ;) {
    const i = line.indexOf('![', from);
    if (i < 0) break;
    const j = line.indexOf(']', i + 2);
    if (j < 0) break;
    if (line[j + 1] !== '(') {
      from = j + 1;
      continue;
    }
    const u = j + 2;
    if (u < run.from || u > run.to) run = addressRun(line, u, quotes);
    // No `)` or white space after the address: no later image can close either.
    if (run.to >= line.length) break;
    if (run.close >= 0) out.push({ start: i, end: run.close + 1, alt: line.slice(i + 2, j) });
    from = run.close >= 0 ? run.close + 1 : j + 1;
  }
  return out;
}

/** The address starting at `u`: where it ends, and the `)` that closes the image there (-1 when none does). */
function addressRun(line: string, u: number, quotes: FirstFrom): { from: number; to: number; close: number } {
  let e = u;
  while (e < line.length && line[e] !== ')' && !/\s/.test(line[e]!)) e++;
  if (e >= line.length || line[e] === ')') return { from: u, to: e, close: e < line.length ? e : -1 };
  // White space, then a quoted title, then `)`.
  let q = e;
  while (q < line.length && /\s/.test(line[q]!)) q++;
  const r = line[q] === '"' ? quotes.from(q + 1) : -1;
  return { from: u, to: e, close: r >= 0 && line[r + 1] === ')' ? r + 1 : -1 };
}

/** The line without its images. */
export function dropImages(line: string, images: readonly ImageMarkup[]): string {
  return applyReplacements(
    line,
    images.map((m) => ({ start: m.start, end: m.end, text: '' })),
  );
}
