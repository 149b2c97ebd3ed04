import type { RunContext } from '../run-context.js';
import type { Sentence, Span } from '../model.js';
import { sentenceSpans } from '../nlp/wink.js';
import { firstEndingAfter, firstStartingFrom } from '../span-index.js';
import { readProvenance } from './provenance.js';
import { LONG_SPLIT_RULE, splitLongSentences } from './split-long-sentences.js';

/**
 * The segmenter rules a sentence's provenance names: wink-nlp's own boundaries, a cut at a paragraph's end, a wrong
 * split merged or a closing quote moved back (`repair`), paragraph text no sentence covered (`fillGaps`), and a piece
 * of an over-long span (`split-long-sentences.ts`).
 */
export const SENTENCE_RULES = {
  wink: 'wink',
  paragraph: 'paragraph-boundary',
  repaired: 'repaired',
  gap: 'gap-fill',
  longSplit: LONG_SPLIT_RULE,
} as const;

/** A sentence made by one of the segmenter rules. */
function sentence(start: number, end: number, rule: string): Sentence {
  return { start, end, provenance: readProvenance(rule) };
}

/** Abbreviations that precede a name or number and do not end a sentence. */
const TITLE_ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Prof|Rev|Hon|Pres|Sec|Supt|Insp|St|Mt|Ft|No|Nos|Vol|Art|Fig|vs|v|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|approx|est)\.$/;
/** A lone initial ("J.") before a capitalized word: part of a name. */
const INITIAL = /(?:^|\s)\p{Lu}\.$/u;
/** Text that cannot open a sentence: lower case, or punctuation that continues the previous clause. */
const CONTINUES = /^(?:[\p{Ll}]|[,;:)\]}%]|[–—-]\s)/u;
/** Closing quotation marks (or brackets) that belong to the end of the previous sentence. */
const CLOSING = /^[”’"')\]]+(?=\s|$)/u;

/**
 * Splits spans at paragraph boundaries: a sentence never runs across paragraphs. Paragraphs are in text order and do
 * not overlap, so only those from the first one ending after a span's start can meet it (found by binary search: a
 * text of thousands of paragraphs is not scanned once per sentence).
 */
function clipToParagraphs(text: string, spans: readonly Span[], paragraphs: readonly Span[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of spans)
    for (let k = firstEndingAfter(paragraphs, s.start); k < paragraphs.length; k++) {
      const p = paragraphs[k]!;
      if (p.start >= s.end) break;
      const start = Math.max(s.start, p.start);
      const end = Math.min(s.end, p.end);
      if (end > start) {
        const rule = cutsText(text, s, { start, end }) ? SENTENCE_RULES.paragraph : SENTENCE_RULES.wink;
        out.push(sentence(start, end, rule));
      }
    }
  return out;
}

/** True when clipping `span` to `clipped` leaves out more than white space: the paragraph made a boundary. */
function cutsText(text: string, span: Span, clipped: Span): boolean {
  return /\S/.test(text.slice(span.start, clipped.start)) || /\S/.test(text.slice(clipped.end, span.end));
}

/** Narrows a sentence to exclude surrounding white space (its rule kept); null when nothing is left. */
function trim(text: string, span: Sentence): Sentence | null {
  const slice = text.slice(span.start, span.end);
  const start = span.start + (slice.length - slice.trimStart().length);
  const end = span.start + slice.trimEnd().length;
  return end > start ? { start, end, provenance: span.provenance } : null;
}

/**
 * Characters at the end of a sentence that the end tests look at: more than the longest abbreviation with its dot and
 * the character before it, so that testing this tail gives the same answer as testing the whole sentence (a sentence
 * grown by many merges is not copied again at each one).
 */
const END_TAIL = 12;

/** The last `END_TAIL` characters of a span (all of it when shorter). */
function tailOf(text: string, span: Span): string {
  return text.slice(Math.max(span.start, span.end - END_TAIL), span.end);
}

/** True when `next` continues `previous`: split after an abbreviation, an initial, or before a lower-case word. */
function continues(text: string, previous: Span, next: Span): boolean {
  const before = tailOf(text, previous);
  const after = text.slice(next.start, next.end);
  if (text.slice(previous.end, next.start).includes('\n')) return false;
  if (CONTINUES.test(after)) return true;
  if (TITLE_ABBREVIATION.test(before)) return true;
  return INITIAL.test(before) && /^\p{Lu}/u.test(after);
}

/** Repairs wink's spans: moves stray closing quotes back, merges wrong splits; what it moves is `repaired`. */
function repair(text: string, spans: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  const repaired = readProvenance(SENTENCE_RULES.repaired);
  for (const span of spans) {
    let current: Sentence | null = span;
    const previous = out.at(-1);
    if (previous && !text.slice(previous.end, current.start).includes('\n')) {
      const closing = CLOSING.exec(text.slice(current.start, current.end));
      if (closing && /[.!?,…]$/u.test(tailOf(text, previous))) {
        previous.end = current.start + closing[0].length;
        previous.provenance = repaired;
        current = trim(text, { start: previous.end, end: current.end, provenance: repaired });
      }
      if (current && continues(text, previous, current)) {
        previous.end = current.end;
        previous.provenance = repaired;
        current = null;
      }
    }
    if (current) out.push({ ...current });
  }
  return out;
}

/** Adds any non-blank text of a paragraph that no sentence covers, so that sentences tile every paragraph. */
function fillGaps(text: string, sentences: readonly Sentence[], paragraphs: readonly Span[]): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs) {
    let cursor = p.start;
    const inside: Sentence[] = [];
    for (let k = firstStartingFrom(sentences, p.start); k < sentences.length; k++) {
      const s = sentences[k]!;
      if (s.start > p.end) break;
      if (s.end <= p.end) inside.push(s);
    }
    for (const s of [...inside, sentence(p.end, p.end, SENTENCE_RULES.gap)]) {
      const gap = trim(text, sentence(cursor, s.start, SENTENCE_RULES.gap));
      if (gap) out.push(gap);
      if (s.end > s.start) out.push({ ...s });
      cursor = s.end;
    }
  }
  return out;
}

/**
 * Sentence spans of a cleaned text: wink-nlp's sentences, clipped to paragraphs and repaired where wink splits after
 * abbreviations ("Rep.", "(D-Minn.),"), initials, "U.S." before a lower-case word, or before a closing quote. A span
 * longer than any real sentence (a text without full stops) is cut into pieces (`split-long-sentences.ts`).
 */
export function segmentSentences(
  text: string,
  paragraphs: readonly Span[],
  options: { maxSentenceChars?: number; ctx?: RunContext } = {},
): Sentence[] {
  const wink = sentenceSpans(text, options.ctx);
  const clipped = clipToParagraphs(text, wink, paragraphs)
    .map((s) => trim(text, s))
    .filter((s) => s !== null);
  return splitLongSentences(text, repair(text, fillGaps(text, clipped, paragraphs)), options.maxSentenceChars);
}
