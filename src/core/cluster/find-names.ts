import { FEMALE_NAMES, MALE_NAMES } from '../lexicon/first-names.js';
import { INSTITUTION_NAMES, ORGANIZATION_HEADS, PLACE_HEADS } from '../lexicon/institutions.js';
import { CANONICAL_FORMS, DEMONYMS, PLACE_NAMES } from '../lexicon/places.js';
import { HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS } from '../lexicon/titles.js';
import { NOT_NAMES, STOP_WORDS } from './stop-words.js';
import type { WordToken } from './tokenize.js';

/** What a name names, as far as cheap evidence tells (lexicons, a title before it, a given name). */
export type NameKind = 'person' | 'organization' | 'place' | 'other';

/** One name found in an article. */
export interface NameMention {
  /** The matching key: a person's surname, else the whole name in canonical lower case ("united states"). */
  key: string;
  /** The name as written, without its title ("Joe Biden"). */
  display: string;
  kind: NameKind;
}

// Lower-case words that may stand inside a name between capitalized words ("Department of Justice", "bin Salman").
const PARTICLES = new Set(['of', 'de', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'da', 'di', 'del', 'du']);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
const ACRONYM = /^(?:\p{Lu}\.?){2,}$/u;

/** Capitalized runs: token index ranges `[first, last]` of words joined by spaces (particles allowed inside). */
function capitalizedRuns(tokens: readonly WordToken[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!startsName(tokens[i]!)) {
      i++;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.joinsPrevious) {
      const t = tokens[j]!;
      if (startsName(t)) last = j;
      else if (!(PARTICLES.has(t.lower) && tokens[j + 1]?.joinsPrevious && startsName(tokens[j + 1]!))) break;
      j++;
    }
    runs.push([i, last]);
    i = last + 1;
  }
  return runs;
}

/** A capitalized word that may be part of a name (not a day or month, not a bare number). */
function startsName(t: WordToken): boolean {
  return t.capitalized && !NOT_NAMES.has(t.lower);
}

/** Lexicon class of a lower-case phrase (canonical form applied), or null when no lexicon knows it. */
function lexiconKind(phrase: string, words: readonly string[]): NameKind | null {
  if (PLACE_NAMES.has(phrase)) return 'place';
  if (INSTITUTION_NAMES.has(phrase)) return 'organization';
  const head = words[words.length - 1] ?? '';
  if (words.length > 1 && ORGANIZATION_HEADS.has(head)) return 'organization';
  if (words.length > 1 && PLACE_HEADS.has(head)) return 'place';
  return null;
}

/**
 * Index after the title words that open a run ("President", "Sen.", "Secretary of State"), or the run start if none.
 * The name must keep at least one word.
 */
function afterTitle(tokens: readonly WordToken[], first: number, last: number): number {
  let cut = first;
  for (let k = first; k < last; k++) {
    const w = tokens[k]!.lower;
    if (TITLE_HEADS.has(w) || HONORIFICS.has(w)) cut = k + 1;
  }
  // "Secretary of State Mike Pompeo": the words that complete the title belong to it.
  while (cut > first && cut < last && (tokens[cut]!.lower === 'of' || TITLE_MODIFIERS.has(tokens[cut]!.lower))) cut++;
  return cut;
}

/** What the whole article tells about its words' case: evidence of what is a common word and what is a name. */
export interface NameEvidence {
  /** Words written in lower case somewhere in the article. */
  common: ReadonlySet<string>;
  /** Capitalized words seen inside a sentence (not first), where the capital marks a name. */
  midSentence: ReadonlySet<string>;
}

/** Gathers the case evidence of all the words of one article (headline and body together). */
export function nameEvidence(...parts: readonly (readonly WordToken[])[]): NameEvidence {
  const common = new Set<string>();
  const midSentence = new Set<string>();
  for (const tokens of parts) {
    for (const t of tokens) {
      if (!t.capitalized) common.add(t.lower);
      else if (!t.sentenceStart) midSentence.add(t.lower);
    }
  }
  return { common, midSentence };
}

/** Trims a run's ends of words that are not part of the name: stop words, demonyms, a common first word. */
function trimRun(tokens: readonly WordToken[], run: [number, number], evidence: NameEvidence): [number, number] | null {
  let [first, last] = run;
  // A name the lexicons know whole ("European Union", "New York Times") is kept as it stands.
  const whole = tokens
    .slice(first, last + 1)
    .map((t) => t.lower)
    .join(' ');
  if (lexiconKind(CANONICAL_FORMS.get(whole) ?? whole, [whole]) !== null) return [first, last];
  const weak = (k: number): boolean => {
    const w = tokens[k]!.lower;
    if (STOP_WORDS.has(w) || DEMONYMS.has(w)) return true;
    // "Lawmakers ..." at the start of a sentence: a common word that happens to be capitalized.
    return tokens[k]!.sentenceStart && evidence.common.has(w) && !evidence.midSentence.has(w);
  };
  while (first <= last && weak(first)) first++;
  while (last >= first && (DEMONYMS.has(tokens[last]!.lower) || PARTICLES.has(tokens[last]!.lower))) last--;
  return first <= last ? [first, last] : null;
}

/** The name of one trimmed run, or null when the run is not a name. */
function nameOfRun(
  tokens: readonly WordToken[],
  first: number,
  last: number,
  evidence: NameEvidence,
): NameMention | null {
  const all = tokens.slice(first, last + 1).map((t) => t.lower);
  const whole = all.join(' ');
  const known = lexiconKind(CANONICAL_FORMS.get(whole) ?? whole, all);
  const start = known ? first : afterTitle(tokens, first, last);
  const words = tokens.slice(start, last + 1);
  const lower = words.map((t) => t.lower);
  const phrase = CANONICAL_FORMS.get(lower.join(' ')) ?? lower.join(' ');
  const display = words.map((t) => t.raw).join(' ');
  if (words.length === 1 && start === first && !loneWordIsName(words[0]!, known !== null, evidence)) return null;
  const kind = known ?? lexiconKind(phrase, lower) ?? personKind(lower, start > first);
  const surnameWords = lower.filter((w) => !SUFFIXES.has(w));
  const key = kind === 'person' ? (surnameWords[surnameWords.length - 1] ?? phrase) : phrase;
  return { key, display, kind };
}

/** Whether a run of one capitalized word is a name: at a sentence's start only with some evidence that it is one. */
function loneWordIsName(only: WordToken, known: boolean, evidence: NameEvidence): boolean {
  const evidenced = known || ACRONYM.test(only.raw) || evidence.midSentence.has(only.lower);
  if (only.sentenceStart && !evidenced) return false;
  return !STOP_WORDS.has(only.lower) && only.lower.length >= 2;
}

/** Person when a title stood before the name or a known given name starts it; otherwise unknown. */
function personKind(lower: readonly string[], titled: boolean): NameKind {
  if (titled) return 'person';
  const given = lower[0] ?? '';
  if (lower.length > 1 && (MALE_NAMES.has(given) || FEMALE_NAMES.has(given))) return 'person';
  return 'other';
}

/**
 * Names in a text's words: capitalized runs trimmed of sentence-initial common words, titles cut off ("President Joe
 * Biden" is the person "Joe Biden"), typed by the project's lexicons. A lone word that is the surname of a person
 * named in full elsewhere in the same words is that person ("Biden"). `evidence` is what the whole article tells of
 * its words' case (default: these words alone).
 */
export function findNames(tokens: readonly WordToken[], evidence: NameEvidence = nameEvidence(tokens)): NameMention[] {
  const names: NameMention[] = [];
  for (const run of capitalizedRuns(tokens)) {
    const trimmed = trimRun(tokens, run, evidence);
    const name = trimmed && nameOfRun(tokens, trimmed[0], trimmed[1], evidence);
    if (name) names.push(name);
  }
  return linkSurnames(names);
}

/**
 * Links surnames within one article: a longer name whose last word also stands alone ("Kamala Harris ... Harris said")
 * is a person keyed by that surname, and a lone word that is a person's surname is that person.
 */
function linkSurnames(names: readonly NameMention[]): NameMention[] {
  const lone = new Set(names.filter((n) => !n.key.includes(' ')).map((n) => n.key));
  const people = names.map((n): NameMention => {
    if (n.kind !== 'other') return n;
    const last = n.key.slice(n.key.lastIndexOf(' ') + 1);
    return n.key.includes(' ') && lone.has(last) ? { ...n, key: last, kind: 'person' } : n;
  });
  const surnames = new Set(people.filter((n) => n.kind === 'person').map((n) => n.key));
  return people.map((n) => (n.kind === 'other' && surnames.has(n.key) ? { ...n, kind: 'person' } : n));
}
