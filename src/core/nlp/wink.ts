import winkNLP, { type ItemEntity, type ItemSentence, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

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

let instance: WinkMethods | undefined;
let taggerOnly: WinkMethods | undefined;

/**
 * The shared wink-nlp instance (the model is loaded once, on first use): sentence splitting, POS tagging and entity
 * recognition. wink's negation and sentiment passes are left out: nothing reads them, and they change no token or tag.
 */
export function wink(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'pos', 'ner']);
  return instance;
}

/**
 * A wink-nlp instance that runs only sentence splitting and POS tagging: for reading many short lines where only
 * tokens, stop words and tags are needed. It skips negation, sentiment and entity passes, which do not change tokens
 * or tags, and reads lines about a third faster.
 */
export function winkTagger(): WinkMethods {
  taggerOnly ??= winkNLP(model, ['sbd', 'pos']);
  return taggerOnly;
}

/** How many texts `analyzeText` keeps memoized (the oldest is dropped first). */
export const ANALYSIS_CACHE_SIZE = 256;

const cache = new Map<string, TextAnalysis>();

/**
 * Tokenizes a text with wink-nlp and maps every token to character offsets. Results are memoized per text (several
 * stages read the same article), with a small bound so that long batches do not grow memory.
 */
export function analyzeText(text: string): TextAnalysis {
  const hit = cache.get(text);
  if (hit) return hit;
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const normals = doc.tokens().out(its.normal) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    let start = text.indexOf(value, cursor);
    // wink may normalize a token's value; fall back to the cursor so offsets stay monotonic.
    if (start < 0 || start - cursor > 64) start = cursor;
    const end = Math.min(text.length, start + value.length);
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
    cursor = end;
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
  const analysis = { tokens, sentences, entities };
  if (cache.size >= ANALYSIS_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(text, analysis);
  return analysis;
}
