import type { Span } from '../../model.js';
import { emitReported, type SegmentPass } from './quote-pass.js';
import { mentionsIn } from './resolve-speaker.js';
import type { Attribution } from './segment-cues.js';

/**
 * A speaker label opening a transcript turn: "Q:", "A:", or a name in capitals ("TAPPER:", "SEN. SANDERS:"), then
 * the words spoken. Capitals mark the label: a capitalized "Poll: ..." or "Graham: ..." is a headline's label instead.
 */
const TURN = /^(Q|A|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)?):[ \t]+(?=\S)/;
/** Capitalized labels of a page's own notes, not of a speaker ("UPDATE: ...", "EDITOR'S NOTE: ..."). */
const NOT_SPEAKERS =
  /^(?:UPDATE|UPDATED|CORRECTION|NOTE|EDITOR['’]S NOTE|WATCH|RELATED|BREAKING|VIDEO|PHOTOS?|READ MORE|SOURCE|DISCLOSURE|EXCLUSIVE|BUSTED)$/;
const MIN_TURN_WORDS = 3;
/** A line opening with a turn label, anywhere in a text (for counting the turns of an article). */
const TURN_LINE = new RegExp(TURN.source.replace('^', '^[ \\t]*'), 'gm');
/** An article is a transcript when at least this many paragraphs open with a speaker label. */
const MIN_TURNS = 2;
/** Transcript checks kept per run (one per article text). */
const TURN_MEMO_LIMIT = 256;

/**
 * True when the article reads as a transcript: several paragraphs open with a speaker label. One capitalized label
 * alone is a headline's ("EXCLUSIVE: ...", "BUSTED: ..."), not a turn.
 */
function isTranscript(p: SegmentPass): boolean {
  const memo = p.run.memo<string, boolean>('quotes/transcript-articles', TURN_MEMO_LIMIT);
  return memo.get(p.article.text, (text) => {
    let turns = 0;
    for (const m of text.matchAll(TURN_LINE)) if (!NOT_SPEAKERS.test(m[1]!) && ++turns >= MIN_TURNS) return true;
    return false;
  });
}

/** The label and the spoken words of a paragraph that is a transcript turn, or null. */
function transcriptTurn(text: string, paragraph: Span): { label: Span; content: Span } | null {
  const body = text.slice(paragraph.start, paragraph.end);
  const m = TURN.exec(body);
  if (!m || NOT_SPEAKERS.test(m[1]!)) return null;
  let end = paragraph.end;
  while (end > paragraph.start && /\s/.test(text[end - 1]!)) end--;
  const start = paragraph.start + m[0].length;
  if (text.slice(start, end).split(/\s+/).length < MIN_TURN_WORDS) return null;
  return { label: { start: paragraph.start, end: paragraph.start + m[1]!.length }, content: { start, end } };
}

/**
 * Finder `quotes/transcript-turn`: the words of an interview turn ("Q: ...", "TAPPER: ...") with its label as the
 * speaker, found once, on the paragraph's first segment. The turn is spoken words without quotation marks: listed as
 * reported speech (kind `indirect`), the way a quote's kind is told by its marks.
 */
export function findTranscriptTurn(p: SegmentPass, _atts: readonly Attribution[]): boolean {
  if (p.seg.start > p.paragraph.start + 1 || p.seg.start < p.paragraph.start || !isTranscript(p)) return false;
  const text = p.article.text;
  const turn = transcriptTurn(text, p.paragraph);
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
