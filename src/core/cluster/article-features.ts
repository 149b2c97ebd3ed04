import { stemmer } from 'stemmer';
import { CANONICAL_FORMS } from '../lexicon/places.js';
import { boundedMemo } from '../run-context.js';
import { findNames, nameEvidence, type NameKind, type NameMention } from './find-names.js';
import { STOP_WORDS } from './stop-words.js';
import { tokenize, type WordToken } from './tokenize.js';

/** The kinds of feature an article is matched on; a feature key starts with its kind's prefix. */
export type FeatureKind = 'name' | 'term' | 'phrase' | 'number';

/** Key prefixes of the feature kinds (one namespace: a term never meets a name of the same spelling). */
export const FEATURE_PREFIX: Readonly<Record<FeatureKind, string>> = {
  name: 'n:',
  term: 't:',
  phrase: 'p:',
  number: '#:',
};

/** One feature of an article before weighting by rarity: how much the article says it, and how to show it. */
export interface RawFeature {
  key: string;
  kind: FeatureKind;
  /** Occurrences, each counted with the weight of where it stands (headline and lede count more). */
  count: number;
  /** The first form written in the article ("emissions", "Joe Biden", "52%"). */
  display: string;
  /** For names: person, organization, place or other. */
  nameKind?: NameKind;
}

/** How much a word counts by where it stands, and how much of the body is read. */
export interface PlaceWeights {
  /** Words of the body read (news puts the event first; the rest costs time and adds little). */
  bodyWords: number;
  /** Weight of a word of the headline. */
  title: number;
  /** Weight of a word of the lede (the first sentence of the body). */
  lede: number;
}

/**
 * Porter stems already computed (news vocabulary repeats). Module-level on purpose: a word's stem is a pure function
 * of a short string, the same in every run.
 */
const stems = boundedMemo<string, string>(50_000);

/** Porter stem of a lower-case word, memoized. */
function stemOf(word: string): string {
  return stems.get(word, stemmer);
}

const MAGNITUDES = new Set(['million', 'billion', 'trillion']);
const LETTERS = /^\p{L}[\p{L}'.-]*$/u;

/** The number a numeric token states, with its unit ("52%", "1.2 trillion"), or null for a word with digits. */
function numberOf(tokens: readonly WordToken[], i: number, text: string): string | null {
  const t = tokens[i]!;
  if (!/^\d[\d,.]*$/.test(t.raw)) return null;
  const value = t.raw.replace(/,/g, '');
  const next = tokens[i + 1];
  if (text[t.end] === '%' || next?.lower === 'percent') return `${value}%`;
  if (next && MAGNITUDES.has(next.lower)) return `${value} ${next.lower}`;
  return value;
}

/** The term of a word: its stem, or the word itself when it holds digits ("covid-19"); null for stop words. */
function termOf(t: WordToken): string | null {
  if (STOP_WORDS.has(t.lower) || t.lower.length < 3) return null;
  if (t.numeric) return /\p{L}/u.test(t.lower) ? t.lower : null;
  if (!LETTERS.test(t.lower)) return null;
  // Initialisms ("u.s.") are kept as written: the stemmer would cut them.
  return t.lower.includes('.') ? t.lower.replace(/\.$/, '') : stemOf(t.lower);
}

/** True for a headline in Title Case, where capitals do not mark names. */
function isTitleCase(tokens: readonly WordToken[]): boolean {
  const content = tokens.slice(1).filter((t) => !STOP_WORDS.has(t.lower) && !t.numeric);
  return content.length >= 3 && content.filter((t) => t.capitalized).length >= content.length * 0.7;
}

/** Names of a Title Case headline: its words (and word pairs) that the body names. */
function headlineNames(tokens: readonly WordToken[], body: readonly NameMention[]): NameMention[] {
  const byPhrase = new Map<string, NameMention>();
  for (const n of body) {
    byPhrase.set(n.display.toLowerCase(), n);
    if (n.kind === 'person') byPhrase.set(n.key, n);
  }
  const found: NameMention[] = [];
  tokens.forEach((t, i) => {
    const pair = i + 1 < tokens.length ? `${t.lower} ${tokens[i + 1]!.lower}` : null;
    const hit =
      (pair && byPhrase.get(pair)) ?? byPhrase.get(t.lower) ?? byPhrase.get(CANONICAL_FORMS.get(t.lower) ?? '');
    if (hit && t.capitalized) found.push(hit);
  });
  return found;
}

/** Counts one feature occurrence into the map (the first display form is kept). */
function count(into: Map<string, RawFeature>, feature: Omit<RawFeature, 'count'>, weight: number): void {
  const known = into.get(feature.key);
  if (!known) {
    const created: RawFeature = { key: feature.key, kind: feature.kind, count: weight, display: feature.display };
    if (feature.nameKind !== undefined) created.nameKind = feature.nameKind;
    into.set(feature.key, created);
  } else {
    known.count += weight;
    // "Biden" in the headline is the person "Joe Biden" of the body: the surer kind wins.
    if (known.nameKind === 'other' && feature.nameKind !== undefined && feature.nameKind !== 'other') {
      known.nameKind = feature.nameKind;
      known.display = feature.display;
    }
  }
}

/** Index of the first word after the first sentence of the body (the lede's end). */
function ledeEnd(tokens: readonly WordToken[]): number {
  const next = tokens.findIndex((t, i) => i > 0 && t.sentenceStart);
  return next === -1 ? tokens.length : next;
}

/**
 * The features of one article: stemmed content terms, names (people, organizations, places), and stated numbers,
 * each counted with the weight of where it stands (headline, lede, rest of the body). Pure and cheap: one tokenizer
 * pass per text, no tagger.
 */
export function articleFeatures(input: { title: string | null; text: string }, weights: PlaceWeights): RawFeature[] {
  // A generous cut in characters first, so that a long article is not tokenized to its end.
  const body = tokenize(input.text.slice(0, weights.bodyWords * 12)).slice(0, weights.bodyWords);
  const title = input.title ? tokenize(input.title) : [];
  const features = new Map<string, RawFeature>();
  const addWords = (tokens: readonly WordToken[], weightAt: (i: number) => number, text: string): void => {
    let previous: { term: string; display: string } | null = null;
    tokens.forEach((t, i) => {
      const number = numberOf(tokens, i, text);
      if (number !== null) {
        count(features, { key: FEATURE_PREFIX.number + number, kind: 'number', display: number }, weightAt(i));
        previous = null;
        return;
      }
      const term = termOf(t);
      if (term === null) {
        previous = null;
        return;
      }
      count(features, { key: FEATURE_PREFIX.term + term, kind: 'term', display: t.lower }, weightAt(i));
      if (previous && t.joinsPrevious) {
        const display = `${previous.display} ${t.lower}`;
        count(
          features,
          { key: `${FEATURE_PREFIX.phrase}${previous.term} ${term}`, kind: 'phrase', display },
          weightAt(i),
        );
      }
      previous = { term, display: t.lower };
    });
  };
  const lede = ledeEnd(body);
  addWords(title, () => weights.title, input.title ?? '');
  addWords(body, (i) => (i < lede ? weights.lede : 1), input.text);
  const evidence = nameEvidence(title, body);
  const bodyNames = findNames(body, evidence);
  const titleNames = isTitleCase(title) ? headlineNames(title, bodyNames) : findNames(title, evidence);
  const addName = (n: NameMention, weight: number): void =>
    count(features, { key: FEATURE_PREFIX.name + n.key, kind: 'name', display: n.display, nameKind: n.kind }, weight);
  for (const n of titleNames) addName(n, weights.title);
  for (const n of bodyNames) addName(n, 1);
  return [...features.values()];
}
