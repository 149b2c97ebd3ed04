import type { Span } from '../../model.js';
import { emitReported, type SegmentPass } from './quote-pass.js';
import { mentionsIn } from './resolve-speaker.js';
import { quotedTranscriptParagraphs, turnLabel } from './transcript-label.js';
import type { Attribution } from './segment-cues.js';

const MIN_TURN_WORDS = 3;
/** An article is a transcript when at least this many paragraphs open with a speaker label. */
const MIN_TURNS = 2;
/** Transcript readings kept per run (one per article text). */
const TURN_MEMO_LIMIT = 256;

/** How an article reads as a transcript: whether it is one, and its quoted-transcript paragraphs. */
interface TranscriptReading {
  transcript: boolean;
  quoted: Set<number>;
}

/**
 * The article read as a transcript: one when several paragraphs open with a speaker label (one capitalized label
 * alone is a headline's, "EXCLUSIVE: ...", not a turn).
 */
function readTranscript(p: SegmentPass): TranscriptReading {
  const memo = p.run.memo<string, TranscriptReading>('quotes/transcript-articles', TURN_MEMO_LIMIT);
  return memo.get(p.article.text, (text) => {
    let turns = 0;
    for (const para of p.paragraphs) if (turnLabel(text, para) && ++turns >= MIN_TURNS) break;
    return { transcript: turns >= MIN_TURNS, quoted: quotedTranscriptParagraphs(text, p.paragraphs) };
  });
}

/** Where a turn's words end: its paragraph's end, or the last paragraph of a quoted transcript that goes on with it. */
function turnEnd(text: string, p: SegmentPass, quoted: ReadonlySet<number>): number {
  let last = p.seg.paragraph;
  if (quoted.has(last)) {
    while (quoted.has(last + 1) && !turnLabel(text, p.paragraphs[last + 1]!)) last++;
  }
  let end = p.paragraphs[last]?.end ?? p.paragraph.end;
  while (end > p.paragraph.start && /[\s"”]/.test(text[end - 1]!)) end--;
  return end;
}

/** The label and the spoken words of a paragraph that is a transcript turn, or null. */
function transcriptTurn(p: SegmentPass, quoted: ReadonlySet<number>): { label: Span; content: Span } | null {
  const text = p.article.text;
  const turn = turnLabel(text, p.paragraph);
  if (!turn) return null;
  const content = { start: turn.content, end: turnEnd(text, p, quoted) };
  if (text.slice(content.start, content.end).split(/\s+/).length < MIN_TURN_WORDS) return null;
  return { label: turn.label, content };
}

/**
 * Finder `quotes/transcript-turn`: the words of an interview turn ("Q: ...", "TAPPER: ...") with its label as the
 * speaker, found once, on the paragraph's first segment. The turn is spoken words without quotation marks: listed as
 * reported speech (kind `indirect`), the way a quote's kind is told by its marks.
 */
export function findTranscriptTurn(p: SegmentPass, _atts: readonly Attribution[]): boolean {
  if (p.seg.start > p.paragraph.start + 2 || p.seg.start < p.paragraph.start) return false;
  const reading = readTranscript(p);
  if (!reading.transcript) return false;
  const text = p.article.text;
  const turn = transcriptTurn(p, reading.quoted);
  if (!turn) return false;
  const { label } = turn;
  const named = mentionsIn(p.mentions, label.start, label.end).find((m) => m.entity.type === 'person');
  const mention = { start: label.start, end: label.end, text: text.slice(label.start, label.end) };
  const speaker = {
    entityId: named?.entity.id ?? null,
    name: named?.entity.name ?? mention.text,
    mention,
    inferred: false,
  };
  emitReported(p, { rule: 'quotes/transcript-turn', content: turn.content, cue: ':', speaker });
  return true;
}
