import type { Span } from '../../model.js';

/**
 * The speaker label opening a transcript turn: "Q:", "A:", or a name in capitals ("TAPPER:", "SEN. SANDERS:"), then
 * the words spoken. Capitals mark the label: a capitalized "Poll: ..." or "Graham: ..." is a headline's label instead.
 * A quotation mark may come first: a transcript quoted whole opens each paragraph with one ('"PENCE: Well, ...'), the
 * journalism convention for a quotation that runs over several paragraphs.
 */
const TURN = /^(["“]?)(Q|A|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)?):[ \t\u00a0]+(?=\S)/;
/** Capitalized labels of a page's own notes, not of a speaker ("UPDATE: ...", "EDITOR'S NOTE: ..."). */
const NOT_SPEAKERS =
  /^(?:UPDATE|UPDATED|CORRECTION|NOTE|EDITOR['’]S NOTE|WATCH|RELATED|BREAKING|VIDEO|PHOTOS?|READ MORE|SOURCE|DISCLOSURE|EXCLUSIVE|BUSTED)$/;
/** A quotation mark opening a paragraph. */
const OPENING_MARK = /^\s*["“]/;

/** A turn label opening a paragraph, as offsets into the article text. */
export interface TurnLabel {
  /** The label's words ("PENCE"). */
  label: Span;
  /** Where the spoken words start. */
  content: number;
  /** True when a quotation mark comes before the label. */
  quoted: boolean;
}

/** The speaker label opening a paragraph, or null; a page's own notes ("UPDATE:") are no label. */
export function turnLabel(text: string, paragraph: Span): TurnLabel | null {
  const body = text.slice(paragraph.start, paragraph.end);
  const lead = body.length - body.trimStart().length;
  const m = TURN.exec(body.slice(lead));
  if (!m || NOT_SPEAKERS.test(m[2]!)) return null;
  const labelStart = paragraph.start + lead + m[1]!.length;
  return {
    label: { start: labelStart, end: labelStart + m[2]!.length },
    content: paragraph.start + lead + m[0].length,
    quoted: m[1] !== '',
  };
}

/**
 * The paragraphs (indexes) of quoted transcripts: a paragraph opening with a quotation mark and a turn label, and the
 * paragraphs after it that open with a quotation mark too (the same speaker going on, or the next turn). Their opening
 * marks are the convention of a quotation over several paragraphs, not quotations of their own.
 */
export function quotedTranscriptParagraphs(text: string, paragraphs: readonly Span[]): Set<number> {
  const out = new Set<number>();
  paragraphs.forEach((para, i) => {
    const opens = OPENING_MARK.test(text.slice(para.start, Math.min(para.end, para.start + 8)));
    if (opens && (out.has(i - 1) || turnLabel(text, para)?.quoted)) out.add(i);
  });
  return out;
}
