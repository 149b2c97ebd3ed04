import type { RunContext } from '../run-context.js';
import { winkTagger } from '../nlp/wink.js';
import { codePoints, countLetters, isKnownNonLetter, lettersOf } from './count-letters.js';
import { endsLikeSentence, type Line } from './lines.js';
import { contentStemOf, contentStemsOfDoc, rememberContentStems } from '../nlp/content-stems.js';

/** The form of one line: what the cleaning rules judge besides its words. */
export interface LineFeatures {
  words: number;
  /** Ends with terminal punctuation (optionally followed by closing quotes). */
  terminal: boolean;
  /** Nearly every letter is upper case (and there are enough letters to tell). */
  allCaps: boolean;
  /** Most longer words start with a capital, as in a Title Case headline. */
  titleCase: boolean;
  /** Has a verb or auxiliary by wink's tagger. */
  hasVerb: boolean;
  /** The line is only a URL. */
  linkOnly: boolean;
  /** Reads as running prose: a finished sentence of some length with a verb. */
  prose: boolean;
  /** Short, unfinished and not a link: the form of a headline or label. */
  headlineForm: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.\-&]*/gu;
const LINK_ONLY = /^(?:<)?(?:https?:\/\/|www\.)\S+?(?:>)?$/i;

/** The words of a line (letters/digits with inner apostrophes, periods and hyphens). */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** True when at least 85% of the letters (and at least 10 of them) are upper case. */
export function isAllCaps(text: string): boolean {
  // Fast path, without building strings, for lines whose only letters are ASCII (typographic quotes, dashes and other
  // symbols are known non-letters).
  let all = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      all++;
      upper++;
    } else if (c >= 0x61 && c <= 0x7a) all++;
    else if (c >= 0x80 && !isKnownNonLetter(c)) return isAllCapsByCodePoint(text);
  }
  return all >= 10 && upper / all >= 0.85;
}

/** `isAllCaps` for any text: every code point of category L, upper case when lower-casing changes it. */
function isAllCapsByCodePoint(text: string): boolean {
  const letters = lettersOf(text);
  if (codePoints(letters) < 10) return false;
  let all = 0;
  let upper = 0;
  for (const c of letters) {
    all++;
    if (c !== c.toLowerCase()) upper++;
  }
  return upper / all >= 0.85;
}

/** True when at least 70% of the words of four letters or more start with a capital (and there are three such words). */
export function isTitleCase(text: string): boolean {
  return titleCaseWords(wordsOf(text));
}

/** `isTitleCase` of a line's words (`wordsOf`), counted without building the list of long words. */
function titleCaseWords(words: readonly string[]): boolean {
  let long = 0;
  let capitalized = 0;
  for (const w of words) {
    // A word shorter than four code units cannot have four letters: most words are settled without counting.
    if (w.length < 4 || !hasFourLetters(w)) continue;
    long++;
    if (startsUpperCase(w)) capitalized++;
  }
  if (long < 3) return false;
  return capitalized / long >= 0.7;
}

/** True when a word has at least four letters; ASCII is counted directly, anything else by `countLetters`. */
function hasFourLetters(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return countLetters(word) >= 4;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
  }
  return letters >= 4;
}

/** True when a word starts with an upper-case letter (`/^\p{Lu}/u`). */
function startsUpperCase(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return /^\p{Lu}/u.test(word);
}

/** True when wink tags some token of the text as a verb or auxiliary. */
export function hasVerb(text: string): boolean {
  return verbIn(winkTagger().readDoc(text));
}

/** True when some token of a document wink has read is tagged as a verb or auxiliary. */
function verbIn(doc: ReturnType<ReturnType<typeof winkTagger>['readDoc']>): boolean {
  const pos = doc.tokens().out(winkTagger().its.pos) as string[];
  return pos.some((p) => p === 'VERB' || p === 'AUX');
}

/** Tags a line once for its verb and keeps the content stems from the same reading for the run's topic rules. */
function lineHasVerb(text: string, ctx: RunContext | undefined): boolean {
  const doc = winkTagger().readDoc(text);
  if (ctx) contentStemsOfDoc(text, doc, ctx);
  return verbIn(doc);
}

/**
 * Verb flags of all the lines of a body from one tagger reading of them together (joined by blank lines), which
 * costs far less than reading each line apart; the lines' content stems from the same reading are remembered for the
 * topic rules.
 */
export function tagLines(lines: readonly Line[], ctx: RunContext): boolean[] {
  const texts = lines.map((l) => l.text);
  const joined = texts.join('\n\n');
  const tagger = winkTagger();
  const its = tagger.its;
  const tokens = tagger.readDoc(joined).tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const normals = tokens.out(its.normal) as string[];
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const types = tokens.out(its.type) as string[];
  const ends: number[] = [];
  let offset = 0;
  for (const t of texts) {
    offset += t.length;
    ends.push(offset);
    offset += 2;
  }
  const verbs = texts.map(() => false);
  const stems = texts.map((): string[] => []);
  let cursor = 0;
  let line = 0;
  values.forEach((value, i) => {
    const at = joined.indexOf(value, cursor);
    if (at < 0) return;
    cursor = at + value.length;
    while (line < ends.length - 1 && at >= ends[line]!) line++;
    if (pos[i] === 'VERB' || pos[i] === 'AUX') verbs[line] = true;
    const stem = contentStemOf(normals[i] ?? '', Boolean(stops[i]), types[i] ?? '');
    if (stem) stems[line]!.push(stem);
  });
  texts.forEach((t, k) => rememberContentStems(t, stems[k]!, ctx));
  return verbs;
}

/**
 * Computes the form features of a line. wink's tagger knows English only: for other languages (`english` false) a
 * line of four words or more is assumed to have a verb, so that no rule takes foreign prose for a fragment.
 */
export function lineFeatures(line: Line, english = true, tagged?: boolean, ctx?: RunContext): LineFeatures {
  const wordList = wordsOf(line.text);
  const words = wordList.length;
  const terminal = endsLikeSentence(line.text);
  const linkOnly = LINK_ONLY.test(line.text);
  const verb = !linkOnly && (english ? (tagged ?? lineHasVerb(line.text, ctx)) : words >= 4);
  return {
    words,
    terminal,
    allCaps: isAllCaps(line.text),
    titleCase: titleCaseWords(wordList),
    hasVerb: verb,
    linkOnly,
    prose: terminal && words >= 8 && verb,
    headlineForm: !terminal && !linkOnly && words >= 3 && words <= 25 && !/[:;,]$/.test(line.text),
  };
}
