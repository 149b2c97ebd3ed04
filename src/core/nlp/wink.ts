import type { ItemEntity, ItemSentence, WinkMethods } from 'wink-nlp';
import { breakLongRuns } from './break-long-runs.js';
import { freshReadingWink } from './fresh-reading-wink.js';
import type { RunContext } from '../run-context.js';

/** A token of a text, with character offsets into that text. */
export interface Token {
  start: number;
  end: number;
  /** The token as written. */
  value: string;
  /** Lower-cased, normalized form. */
  normal: string;
  /** Universal POS tag (NOUN, PROPN, VERB, NUM, PUNCT, ...). */
  pos: string;
  /** wink token type: word, number, punctuation, symbol, url, email, mention, hashtag, emoji, ... */
  type: string;
  stopWord: boolean;
  /** The sentence this token belongs to (index into `TextAnalysis.sentences`). */
  sentence: number;
}

/** A wink-nlp named entity (DATE, CARDINAL, MONEY, PERCENT, ORDINAL, TIME, DURATION, ...) with character offsets. */
export interface WinkEntity {
  start: number;
  end: number;
  value: string;
  type: string;
  /** First and last token index (inclusive). */
  tokenStart: number;
  tokenEnd: number;
}

/** Tokens, raw wink sentence spans and wink entities of one text. */
export interface TextAnalysis {
  tokens: Token[];
  /** wink-nlp's own sentence boundaries (character spans); see read/sentences for the repaired ones. */
  sentences: { start: number; end: number; tokenStart: number; tokenEnd: number }[];
  entities: WinkEntity[];
}

/** A wink instance whose `readDoc` reads over-long runs of characters in pieces (see break-long-runs.ts). */
function withBoundedRuns(nlp: WinkMethods): WinkMethods {
  const bounded = Object.create(nlp) as WinkMethods;
  bounded.readDoc = (text: string) => nlp.readDoc(breakLongRuns(text));
  return bounded;
}

// The wink instances are module singletons on purpose: library objects around one loaded model, the same for every run
// (loading the model is the expensive part). wink learns the words it reads into its lexicon; each instance forgets
// them before every read (fresh-reading-wink.ts), so no text's reading depends on an earlier one.
let instance: WinkMethods | undefined;
let taggerOnly: WinkMethods | undefined;

/**
 * The shared wink-nlp instance (the model is loaded once, on first use): sentence splitting, POS tagging and entity
 * recognition. wink's negation and sentiment passes are left out: nothing reads them, and they change no token or tag.
 */
export function wink(): WinkMethods {
  instance ??= withBoundedRuns(freshReadingWink(['sbd', 'pos', 'ner']));
  return instance;
}

/**
 * A wink-nlp instance that only tags parts of speech: for reading many short lines where only tokens, stop words and
 * tags are needed. It skips sentence splitting, negation, sentiment and entity passes, which do not change tokens or
 * tags (checked on the extraction pages, the seeds, NeuS and PolNeAR), and reads lines well over a third faster.
 */
export function winkTagger(): WinkMethods {
  taggerOnly ??= withBoundedRuns(freshReadingWink(['pos']));
  return taggerOnly;
}

let sentencerOnly: WinkMethods | undefined;

/**
 * A wink-nlp instance that only tokenizes and splits sentences: its boundaries are those of the full pipeline (the
 * later passes do not move them), at about half the cost, for readers that need sentences and nothing else.
 */
function winkSentencer(): WinkMethods {
  sentencerOnly ??= withBoundedRuns(freshReadingWink(['sbd']));
  return sentencerOnly;
}

/** How far past the end of the previous token a token's value is looked for. */
const TOKEN_GAP = 64;

/** Character offsets of each token of a text, from wink's token values in order. */
function tokenSpans(text: string, values: readonly string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const value of values) {
    // Looked for near the cursor only: a value missing from the text is not searched for to its end.
    const at = text.slice(cursor, cursor + TOKEN_GAP + value.length).indexOf(value);
    // wink may normalize a token's value; fall back to the cursor so offsets stay monotonic.
    const start = at < 0 ? cursor : cursor + at;
    const end = Math.min(text.length, start + value.length);
    spans.push({ start, end });
    cursor = end;
  }
  return spans;
}

/**
 * wink-nlp's sentence boundaries of a text as character spans, without tagging or entity recognition. When the run's
 * full analysis of the text is already memoized (`ctx`), its sentences are returned instead (they are the same); no
 * other run's memo is read.
 */
export function sentenceSpans(text: string, ctx?: RunContext): { start: number; end: number }[] {
  const hit = ctx ? analysisMemo(ctx).peek(text) : undefined;
  if (hit) return hit.sentences.map((s) => ({ start: s.start, end: s.end }));
  const nlp = winkSentencer();
  // Token values are found in the text wink read (over-long runs broken), which has the text's offsets.
  const read = breakLongRuns(text);
  const doc = nlp.readDoc(read);
  const spans = tokenSpans(read, doc.tokens().out(nlp.its.value) as string[]);
  const out: { start: number; end: number }[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [a, b] = s.out(nlp.its.span) as unknown as [number, number];
    const first = spans[a];
    const last = spans[b];
    if (first && last) out.push({ start: first.start, end: last.end });
  });
  return out;
}

/** How many texts `analyzeText` keeps memoized per run (the oldest is dropped first). */
export const ANALYSIS_CACHE_SIZE = 256;

/** The run's memo of analyses, per text. */
function analysisMemo(ctx: RunContext) {
  return ctx.memo<string, TextAnalysis>('wink.analysis', ANALYSIS_CACHE_SIZE);
}

/**
 * Tokenizes a text with wink-nlp and maps every token to character offsets. Results are memoized per text in the run's
 * context (several stages read the same article), with a small bound so that long batches do not grow memory.
 */
export function analyzeText(text: string, ctx: RunContext): TextAnalysis {
  return analysisMemo(ctx).get(text, analyzeUncached);
}

/** Tokenizes a text with wink-nlp (no memo). */
function analyzeUncached(text: string): TextAnalysis {
  const nlp = wink();
  const its = nlp.its;
  const read = breakLongRuns(text);
  const doc = nlp.readDoc(read);
  const values = doc.tokens().out(its.value) as string[];
  const normals = doc.tokens().out(its.normal) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const tokens: Token[] = [];
  const spans = tokenSpans(read, values);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const { start, end } = spans[i]!;
    tokens.push({
      start,
      end,
      value,
      normal: normals[i] ?? value.toLowerCase(),
      pos: pos[i] ?? 'X',
      type: types[i] ?? 'word',
      stopWord: Boolean(stops[i]),
      sentence: 0,
    });
  }
  const sentences: TextAnalysis['sentences'] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    const first = tokens[a];
    const last = tokens[b];
    if (!first || !last) return;
    for (let t = a; t <= b; t++) tokens[t]!.sentence = sentences.length;
    sentences.push({ start: first.start, end: last.end, tokenStart: a, tokenEnd: b });
  });
  const entities: WinkEntity[] = [];
  doc.entities().each((e: ItemEntity) => {
    const [a, b] = e.out(its.span) as unknown as [number, number];
    const first = tokens[a];
    const last = tokens[b];
    if (!first || !last) return;
    entities.push({
      start: first.start,
      end: last.end,
      value: text.slice(first.start, last.end),
      type: e.out(its.type) as string,
      tokenStart: a,
      tokenEnd: b,
    });
  });
  return { tokens, sentences, entities };
}
