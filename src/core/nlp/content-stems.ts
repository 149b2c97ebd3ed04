/**
 * Content-word stems, one stem rule (`contentStemOf`) over two word splits: wink's tokens for the reader's lines
 * (`contentStems`, a wink document is read for each line anyway) and a plain split for the statements of the dates and
 * timeline stages (`statementStems`).
 */
import { stemmer } from 'stemmer';
import { winkTagger } from './wink.js';

/** Words too common in news to show that two reports tell the same event. */
const STOP = new Set(
  'the a an and or but of to in on at for with from by as that this it its his her their he she they we i is was were be been has have had will would said says say told also not after before over about into than then who which what when where while there here'.split(
    ' ',
  ),
);

/** Stems already computed, per word: the same words recur across the lines and statements of a story. */
const stemMemo = new Map<string, string>();
const STEM_LIMIT = 50000;

/** The stem of a lower-case word (memoized). */
function stemOf(word: string): string {
  let stem = stemMemo.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stemMemo.size >= STEM_LIMIT) stemMemo.clear();
    stemMemo.set(word, stem);
  }
  return stem;
}

/**
 * Content-word stems of a statement: what decides whether two reports tell the same event (the dates and timeline
 * stages). Words are split on anything but letters and digits, and only the short news list `STOP` is left out:
 * numerals and words such as "former" or "first" tell events apart, where wink's longer list (`contentStems`) drops
 * them. No wink document exists for a statement, and reading one costs ten times as much (233 against 20 ms on the
 * 2,475 sentences of NeuS validation), so the split here is plain.
 */
export function statementStems(statement: string): Set<string> {
  const words = statement.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const stems = new Set<string>();
  for (const w of words) {
    const stem = contentStemOf(w, STOP.has(w), 'word');
    if (stem) stems.add(stem);
  }
  return stems;
}

const memo = new Map<string, string[]>();
/** How many texts `contentStems` keeps memoized (the oldest is dropped first). */
export const CONTENT_STEMS_MEMO_SIZE = 512;

/** A document wink has read (the type of `readDoc`'s result). */
type WinkDoc = ReturnType<ReturnType<typeof winkTagger>['readDoc']>;

/**
 * Content-word stems of a text by wink's tokens (lower case, wink's stop words and short words left out): whether a
 * line of a page belongs to the story's topic. Memoized with a small bound: every article of a story scores its lines
 * against the same other articles.
 */
export function contentStems(text: string): string[] {
  return memo.get(text) ?? remember(text, stemsOfDoc(winkTagger().readDoc(text)));
}

/** The same as `contentStems`, from a document the caller has already read from `text` (a line is read once). */
export function contentStemsOfDoc(text: string, doc: WinkDoc): string[] {
  return memo.get(text) ?? remember(text, stemsOfDoc(doc));
}

/** Stores the content stems of a text read elsewhere (a line read together with its neighbours). */
export function rememberContentStems(text: string, stems: string[]): void {
  if (!memo.has(text)) remember(text, stems);
}

/** Stores stems in the bounded memo, evicting the oldest entry when full. */
function remember(text: string, stems: string[]): string[] {
  if (memo.size >= CONTENT_STEMS_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(text, stems);
  return stems;
}

/** Stems of the content words of a document, by wink's tokenizer and stop-word list. */
function stemsOfDoc(doc: WinkDoc): string[] {
  const its = winkTagger().its;
  const normals = doc.tokens().out(its.normal) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const types = doc.tokens().out(its.type) as string[];
  const stems: string[] = [];
  normals.forEach((n, i) => {
    const stem = contentStemOf(n, Boolean(stops[i]), types[i] ?? '');
    if (stem) stems.push(stem);
  });
  return stems;
}

/** The stem of one token when it is a content word (not a stop word, a word of three letters or more), else null. */
export function contentStemOf(normal: string, stopWord: boolean, type: string): string | null {
  if (stopWord || type !== 'word' || normal.length < 3) return null;
  return stemOf(normal.replace(/['’]s$/, ''));
}
