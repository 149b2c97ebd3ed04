import type { Sentence, Span } from '../model.js';
import { sentenceSpans } from '../nlp/wink.js';

/** Abbreviations that precede a name or number and do not end a sentence. */
const TITLE_ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Prof|Rev|Hon|Pres|Sec|Supt|Insp|St|Mt|Ft|No|Nos|Vol|Art|Fig|vs|v|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|approx|est)\.$/;
/** A lone initial ("J.") before a capitalized word: part of a name. */
const INITIAL = /(?:^|\s)\p{Lu}\.$/u;
/** Text that cannot open a sentence: lower case, or punctuation that continues the previous clause. */
const CONTINUES = /^(?:[\p{Ll}]|[,;:)\]}%]|[–—-]\s)/u;
/** Closing quotation marks (or brackets) that belong to the end of the previous sentence. */
const CLOSING = /^[”’"')\]]+(?=\s|$)/u;

/** Splits spans at paragraph boundaries: a sentence never runs across paragraphs. */
function clipToParagraphs(spans: readonly Span[], paragraphs: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans)
    for (const p of paragraphs) {
      const start = Math.max(s.start, p.start);
      const end = Math.min(s.end, p.end);
      if (end > start) out.push({ start, end });
    }
  return out;
}

/** Narrows a span to exclude surrounding white space; null when nothing is left. */
function trim(text: string, span: Span): Span | null {
  const slice = text.slice(span.start, span.end);
  const start = span.start + (slice.length - slice.trimStart().length);
  const end = span.start + slice.trimEnd().length;
  return end > start ? { start, end } : null;
}

/** True when `next` continues `previous`: split after an abbreviation, an initial, or before a lower-case word. */
function continues(text: string, previous: Span, next: Span): boolean {
  const before = text.slice(previous.start, previous.end);
  const after = text.slice(next.start, next.end);
  if (text.slice(previous.end, next.start).includes('\n')) return false;
  if (CONTINUES.test(after)) return true;
  if (TITLE_ABBREVIATION.test(before)) return true;
  return INITIAL.test(before) && /^\p{Lu}/u.test(after);
}

/** Repairs wink's spans: moves stray closing quotes back, merges wrong splits. */
function repair(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let current: Span | null = span;
    const previous = out.at(-1);
    if (previous && !text.slice(previous.end, current.start).includes('\n')) {
      const closing = CLOSING.exec(text.slice(current.start, current.end));
      if (closing && /[.!?,…]$/u.test(text.slice(previous.start, previous.end))) {
        previous.end = current.start + closing[0].length;
        current = trim(text, { start: previous.end, end: current.end });
      }
      if (current && continues(text, previous, current)) {
        previous.end = current.end;
        current = null;
      }
    }
    if (current) out.push({ ...current });
  }
  return out;
}

/** Adds any non-blank text of a paragraph that no sentence covers, so that sentences tile every paragraph. */
function fillGaps(text: string, sentences: readonly Span[], paragraphs: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs) {
    let cursor = p.start;
    const inside = sentences.filter((s) => s.start >= p.start && s.end <= p.end);
    for (const s of [...inside, { start: p.end, end: p.end }]) {
      const gap = trim(text, { start: cursor, end: s.start });
      if (gap) out.push(gap);
      if (s.end > s.start) out.push({ ...s });
      cursor = s.end;
    }
  }
  return out;
}

/**
 * Sentence spans of a cleaned text: wink-nlp's sentences, clipped to paragraphs and repaired where wink splits after
 * abbreviations ("Rep.", "(D-Minn.),"), initials, "U.S." before a lower-case word, or before a closing quote.
 */
export function segmentSentences(text: string, paragraphs: readonly Span[]): Sentence[] {
  const wink = sentenceSpans(text);
  const clipped = clipToParagraphs(wink, paragraphs)
    .map((s) => trim(text, s))
    .filter((s) => s !== null);
  return repair(text, fillGaps(text, clipped, paragraphs));
}
