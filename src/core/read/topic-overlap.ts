import { stemmer } from 'stemmer';
import { winkTagger } from '../nlp/wink.js';
import type { StoryTerms } from './story-context.js';

const memo = new Map<string, string[]>();
/** How many texts `contentStems` keeps memoized (the oldest is dropped first). */
export const CONTENT_STEMS_MEMO_SIZE = 512;

/** A document wink has read (the type of `readDoc`'s result). */
type WinkDoc = ReturnType<ReturnType<typeof winkTagger>['readDoc']>;

/**
 * Content-word stems of a text (lower case, stop words and short words left out). Memoized with a small bound: every
 * article of a story scores its lines against the same other articles.
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
  return stemmer(normal.replace(/['’]s$/, ''));
}

/** The vocabulary of a story: stem counts of the article's own body, plus the other articles' (counted once per story). */
export interface TopicVocabulary {
  /** How often a stem occurs in the article's own prose and in the other articles. */
  count(stem: string): number;
}

/** Builds a vocabulary from the article's own texts (its prose lines) and the story's prepared terms. */
export function buildVocabulary(texts: readonly string[], story?: StoryTerms): TopicVocabulary {
  const own = new Map<string, number>();
  for (const t of texts) for (const s of contentStems(t)) own.set(s, (own.get(s) ?? 0) + 1);
  return { count: (stem) => (own.get(stem) ?? 0) + (story?.count(stem) ?? 0) };
}

/**
 * The share of a line's content stems that the story uses elsewhere (0..1). The line's own stems are subtracted when
 * the line is itself part of the vocabulary, so a line never supports itself. Lines without content words score 1.
 */
export function topicOverlap(text: string, vocabulary: TopicVocabulary, lineIsInVocabulary = false): number {
  const stems = contentStems(text);
  if (stems.length === 0) return 1;
  const own = new Map<string, number>();
  if (lineIsInVocabulary) for (const s of stems) own.set(s, (own.get(s) ?? 0) + 1);
  let shared = 0;
  for (const s of stems) if (vocabulary.count(s) - (own.get(s) ?? 0) > 0) shared++;
  return shared / stems.length;
}
