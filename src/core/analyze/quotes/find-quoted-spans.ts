import { FirstFrom } from '../../first-from.js';
import { firstIndexWhere } from '../../span-index.js';
import type { Span } from '../../model.js';
import { quotedTranscriptParagraphs } from './transcript-label.js';

/**
 * Text between quotation marks. `open` is the offset of the opening mark's first character, `close` that of the closing
 * mark's last character (marks can be two characters wide: ''like this''); `close` is null when the quote runs on.
 */
export interface QuotedSpan {
  open: number;
  close: number | null;
  /** The content without the marks (trailing comma and spaces trimmed). */
  start: number;
  end: number;
  /** Index of the paragraph holding the opening mark. */
  paragraph: number;
}

const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);

/** True when the character before `i` allows an opening mark (start, space, bracket, dash). */
function opensAfter(text: string, i: number, from: number): boolean {
  return i === from || /[\s([{—–-]/.test(text[i - 1]!);
}

/** True when the character after `i` allows a closing mark (end, space, punctuation). */
function closesBefore(text: string, i: number, to: number): boolean {
  return i + 1 >= to || /[\s,.;:!?)\]—–-]/.test(text[i + 1]!);
}

/** The content between the end of an opening mark and the start of a closing one (or the paragraph end), trimmed. */
function contentOf(text: string, afterOpen: number, beforeClose: number): Span {
  let start = afterOpen;
  let end = beforeClose;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * True when two apostrophes at `i` stand for a straight double mark, as in typewriter-style and some archives' text
 * (''like this''), rather than a possessive followed by a quote ("the Jones' 'house'").
 */
function isDoubleApostrophe(text: string, i: number): boolean {
  return text[i] === "'" && text[i + 1] === "'" && text[i + 2] !== "'";
}

/** A double quotation mark at `i`: its width (2 for a doubled apostrophe), and whether it may open or close here. */
interface DoubleMark {
  width: number;
  canOpen: boolean;
  canClose: boolean;
}

/** The double mark at `i` (straight marks alternate, curly ones are read by direction and context), or null. */
function doubleMarkAt(text: string, i: number, para: Span): DoubleMark | null {
  const ch = text[i]!;
  const width = isDoubleApostrophe(text, i) ? 2 : 1;
  const straight = ch === '"' || width === 2;
  if (!straight && !DOUBLE_OPEN.has(ch) && !DOUBLE_CLOSE.has(ch)) return null;
  return {
    width,
    canClose: DOUBLE_CLOSE.has(ch) || straight || (ch === '“' && closesBefore(text, i, para.end)),
    canOpen: DOUBLE_OPEN.has(ch) || straight || opensAfter(text, i, para.start),
  };
}

/**
 * Double-quoted spans of one paragraph; straight marks (" or '') alternate, curly ones are read by direction and
 * context.
 */
function doubleQuotes(text: string, para: Span, paragraph: number): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let open = -1;
  let openWidth = 1;
  // Only quotation marks and apostrophes matter: jump from one to the next instead of visiting every character. The
  // search runs in the paragraph alone: in the whole text it would go past the paragraph's end to the next mark.
  const marks = /["'“„«”»]/g;
  const body = text.slice(para.start, para.end);
  for (let i = para.start; i < para.end; i++) {
    marks.lastIndex = i - para.start;
    const next = marks.exec(body);
    if (!next) break;
    i = para.start + next.index;
    const mark = doubleMarkAt(text, i, para);
    if (!mark) continue;
    if (open >= 0 && mark.canClose) {
      const c = contentOf(text, open + openWidth, i);
      if (c.end > c.start) out.push({ open, close: i + mark.width - 1, ...c, paragraph });
      open = -1;
    } else if (open < 0 && mark.canOpen) {
      open = i;
      openWidth = mark.width;
    }
    i += mark.width - 1;
  }
  if (open >= 0) {
    const c = contentOf(text, open + openWidth, para.end);
    if (c.end - c.start > 1) out.push({ open, close: null, ...c, paragraph });
  }
  return out;
}

/**
 * True when `at` lies inside one of the double-quoted spans of the paragraph (in order, not overlapping, so only the
 * last one opening before it can hold it); an unclosed one runs to the paragraph end.
 */
function insideDouble(taken: readonly QuotedSpan[], at: number, paraEnd: number): boolean {
  const q = taken[firstIndexWhere(taken.length, (i) => taken[i]!.open > at) - 1];
  return q !== undefined && at <= (q.close ?? paraEnd);
}

/** Single-quoted spans of one paragraph ('like this' or ‘like this’), outside double quotes; apostrophes are skipped. */
function singleQuotes(text: string, para: Span, paragraph: number, taken: readonly QuotedSpan[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const re = /(^|[\s(—–-])(['‘])(?=[A-Za-z0-9])/g;
  const slice = text.slice(para.start, para.end);
  // The closing mark: after a non-space, before a space or punctuation; a straight opening takes ' or ’, a curly one ’.
  // Remembered (`FirstFrom`): a paragraph of many openings and no closing mark is not searched once per opening.
  const closes = (marks: string) =>
    new FirstFrom((pos) => {
      for (let i = pos; i < para.end; i++)
        if (marks.includes(text[i]!) && /[^\s]/.test(text[i - 1]!) && closesBefore(text, i, para.end)) return i;
      return -1;
    });
  const anyClose = closes("'’");
  const curlyClose = closes('’');
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const open = para.start + m.index + m[1]!.length;
    if (insideDouble(taken, open, para.end)) continue;
    const close = (m[2] === '‘' ? curlyClose : anyClose).from(open + 1);
    if (close < 0) continue;
    const c = contentOf(text, open + 1, close);
    // Short spans between apostrophes are nicknames or titles ('Moha', 'Shmutz'), not speech.
    if (c.end > c.start && /\s\S+\s/.test(text.slice(c.start, c.end))) out.push({ open, close, ...c, paragraph });
    re.lastIndex = close - para.start + 1;
  }
  return out;
}

/** A paragraph without its opening quotation mark (a quoted transcript's paragraph opens with one). */
function afterOpeningMark(text: string, para: Span): Span {
  return { start: para.start + text.slice(para.start, para.end).search(/["“]/) + 1, end: para.end };
}

/**
 * Finds quoted spans paragraph by paragraph. An opening mark with no closing mark before the paragraph ends is the
 * journalism convention for a quote that goes on in the next paragraph: the span runs to the paragraph end. In a
 * quoted transcript ('"PENCE: Well, ...' paragraph after paragraph) that convention's marks are read past: the turns
 * are the transcript finder's, and only the quotations inside them are quotations.
 */
export function findQuotedSpans(text: string, paragraphs: readonly Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const transcript = quotedTranscriptParagraphs(text, paragraphs);
  paragraphs.forEach((whole, p) => {
    const para = transcript.has(p) ? afterOpeningMark(text, whole) : whole;
    const doubles = doubleQuotes(text, para, p);
    out.push(...doubles, ...singleQuotes(text, para, p, doubles));
  });
  return joinRunOnQuotes(
    text,
    out.sort((a, b) => a.open - b.open),
    paragraphs,
  );
}

/**
 * Joins a quote left open at a paragraph's end with the quote that opens the next paragraph: one quotation over
 * several paragraphs, from the first opening mark to the last closing one.
 */
function joinRunOnQuotes(text: string, spans: QuotedSpan[], paragraphs: readonly Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  for (const q of spans) {
    const prev = out.at(-1);
    const nextPara = prev ? paragraphs[prev.paragraph + 1] : undefined;
    const continues =
      prev &&
      prev.close === null &&
      nextPara &&
      q.paragraph === prev.paragraph + 1 &&
      text.slice(nextPara.start, q.open).trim() === '';
    if (continues) out[out.length - 1] = { ...prev, close: q.close, end: q.end };
    else out.push(q);
  }
  return out;
}
