/**
 * Content-word stems, one stem rule (`contentStemOf`) over two word splits: wink's tokens for the reader's lines
 * (`contentStems`, a wink document is read for each line anyway) and a plain split for the statements of the dates and
 * timeline stages (`statementStems`).
 */
import { stemmer } from 'stemmer';
import { boundedMemo, type BoundedMemo, type RunContext } from '../run-context.js';
import { winkTagger } from './wink.js';

/** Words too common in news to show that two reports tell the same event. */
const STOP = new Set(
  'the a an and or but of to in on at for with from by as that this it its his her their he she they we i is was were be been has have had will would said says say told also not after before over about into than then who which what when where while there here'.split(
    ' ',
  ),
);

/**
 * Stems already computed, per word: the same words recur across the lines and statements of a story. Module-level on
 * purpose: a word's stem is a pure function of a short string, the same in every run.
 */
const stemMemo = boundedMemo<string, string>(50_000);

/** The stem of a lower-case word (memoized). */
function stemOf(word: string): string {
  return stemMemo.get(word, stemmer);
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

/** How many texts `contentStems` keeps memoized per run (the oldest is dropped first). */
export const CONTENT_STEMS_MEMO_SIZE = 512;

/** The run's memo of content stems, per text. */
function stemsMemo(ctx: RunContext): BoundedMemo<string, string[]> {
  return ctx.memo<string, string[]>('content-stems', CONTENT_STEMS_MEMO_SIZE);
}

/** A document wink has read (the type of `readDoc`'s result). */
type WinkDoc = ReturnType<ReturnType<typeof winkTagger>['readDoc']>;

/**
 * Content-word stems of a text by wink's tokens (lower case, wink's stop words and short words left out): whether a
 * line of a page belongs to the story's topic. Memoized with a small bound: every article of a story scores its lines
 * against the same other articles.
 */
export function contentStems(text: string, ctx: RunContext): string[] {
  return stemsMemo(ctx).get(text, () => stemsOfDoc(winkTagger().readDoc(text)));
}

/** The same as `contentStems`, from a document the caller has already read from `text` (a line is read once). */
export function contentStemsOfDoc(text: string, doc: WinkDoc, ctx: RunContext): string[] {
  return stemsMemo(ctx).get(text, () => stemsOfDoc(doc));
}

/** Stores the content stems of a text read elsewhere (a line read together with its neighbours). */
export function rememberContentStems(text: string, stems: string[], ctx: RunContext): void {
  stemsMemo(ctx).remember(text, stems);
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
