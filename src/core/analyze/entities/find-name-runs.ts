import type { Span } from '../../model.js';
import { lexiconClass } from './lexicon-lookup.js';
import type { WordUnit } from './word-units.js';
import { DEMONYMS, PLACE_NAMES } from '../../lexicon/places.js';
import { ORGANIZATION_HEADS, PLACE_HEADS } from '../../lexicon/institutions.js';
import { HONORIFICS, TITLE_HEADS } from '../../lexicon/titles.js';

/** A run of capitalized word units that may name something: unit indexes `first..last` inclusive. */
export interface NameRun {
  first: number;
  last: number;
  /** True when the run starts a sentence, where capitals prove nothing. */
  sentenceInitial: boolean;
}

const NAME_PARTICLES = new Set([
  'de',
  'van',
  'von',
  'bin',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'da',
  'di',
  'del',
  'der',
  'du',
]);
const CALENDAR = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december`.split(/\s+/),
);
const NEVER_NAMES = new Set(['i', 'i’m', "i'm", 'ok', 'okay', 'mr', 'ms', 'mrs']);

/** True when a unit is written with a leading capital (or is an initialism such as "U.S."). */
export function isCapitalized(u: WordUnit): boolean {
  // A leading A-Z is itself the letter the unit must hold.
  if (u.type !== 'word') return false;
  const c = u.value.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** True when every letter of a multi-letter unit is upper case ("LISTEN", "NATO"). */
function isShouted(u: WordUnit): boolean {
  // Counted in one pass over the characters (called for every word of every line).
  const v = u.value;
  let letters = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 2;
}

/** Lines written all in capitals (teasers) or in title case (headlines), where capitals say nothing about names. */
export function unreliableLines(units: readonly WordUnit[], lines: readonly Span[]): Span[] {
  const out: Span[] = [];
  let u = 0;
  for (const line of lines) {
    while (u < units.length && units[u]!.start < line.start) u++;
    let words = 0;
    let shouted = 0;
    let capitalized = 0;
    let long = 0;
    for (let k = u; k < units.length && units[k]!.start < line.end; k++) {
      const unit = units[k]!;
      if (unit.type !== 'word' || !/[A-Za-z]/.test(unit.value)) continue;
      words++;
      if (isShouted(unit)) shouted++;
      if (unit.value.length > 3) {
        long++;
        if (isCapitalized(unit)) capitalized++;
      }
    }
    const isTeaser = words >= 3 && shouted / words >= 0.7;
    const isHeadline = long >= 4 && capitalized / long >= 0.8;
    if (isTeaser || isHeadline) out.push(line);
  }
  return out;
}

/** Indexes of the first word unit of each sentence. */
export function sentenceStarts(units: readonly WordUnit[], sentences: readonly Span[]): Set<number> {
  const starts = new Set<number>();
  let u = 0;
  for (const s of sentences) {
    while (u < units.length && units[u]!.start < s.start) u++;
    let k = u;
    while (k < units.length && units[k]!.start < s.end && !/[A-Za-z0-9]/.test(units[k]!.value)) k++;
    if (k < units.length && units[k]!.start < s.end) starts.add(k);
  }
  return starts;
}

/** True when the gap between `units[i - 1]` and `units[i]` breaks any run: a line break or punctuation. */
function breaksRun(units: readonly WordUnit[], i: number, text: string): boolean {
  const gap = text.slice(units[i - 1]!.end, units[i]!.start);
  return gap.includes('\n') || /[,;:()"“”]/.test(gap);
}

/** "State of the Union", "Church of the Nazarene": "the" at `i` after a head's "of", before a capital on its line. */
function continuesWithThe(units: readonly WordUnit[], i: number, text: string): boolean | null {
  const u = units[i]!;
  const next = units[i + 1];
  if (u.lower !== 'the' || units[i - 1]!.lower !== 'of' || !next || !isCapitalized(next)) return null;
  if (!isNameHead(units[i - 2]?.lower ?? '')) return null;
  return !/\n/.test(text.slice(u.end, next.start));
}

/**
 * True when the lower-case word at `i` joins a name run before a capitalized word on the same line: "of the" after a
 * name head, a name particle ("bin", "de"), or "of" and "for" after a title, organization or place head word
 * ("Secretary of State", "Department of Justice", "District of Columbia", "Centers for Disease Control").
 */
function continuesWithConnector(units: readonly WordUnit[], i: number, text: string): boolean {
  const u = units[i]!;
  const prev = units[i - 1]!;
  const next = units[i + 1];
  if (!next || /\n/.test(text.slice(u.end, next.start))) return false;
  if (u.lower === 'of' && next.lower === 'the') return isNameHead(prev.lower) && isCapitalized(units[i + 2] ?? next);
  if (!isCapitalized(next)) return false;
  if (NAME_PARTICLES.has(u.lower)) return true;
  return (u.lower === 'of' || u.lower === 'for') && isHead(prev.lower);
}

/** True when `units[i]` can continue a run that ends at `i - 1`. */
function continuesRun(units: readonly WordUnit[], i: number, text: string, starts: Set<number>): boolean {
  const u = units[i];
  if (!u || starts.has(i) || CALENDAR.has(u.lower) || breaksRun(units, i, text)) return false;
  if (isCapitalized(u)) return true;
  return continuesWithThe(units, i, text) ?? continuesWithConnector(units, i, text);
}

/** True when a word heads a title, an organization or a place name, also in the plural ("Centers", "States"). */
function isHead(lower: string): boolean {
  const singular = lower.replace(/s$/, '');
  return [lower, singular].some((w) => TITLE_HEADS.has(w) || ORGANIZATION_HEADS.has(w) || PLACE_HEADS.has(w));
}

/** True when a word heads an organization or a place name ("Bank of the West"), not a title ("President of the"). */
function isNameHead(lower: string): boolean {
  return ORGANIZATION_HEADS.has(lower) || PLACE_HEADS.has(lower);
}

/** True when a word is a title word: a title head or an honorific ("President", "Justice", "Sen."). */
function isTitle(u: WordUnit): boolean {
  return TITLE_HEADS.has(u.lower) || HONORIFICS.has(u.lower);
}

/**
 * True when a run-opening unit at a sentence start is an ordinary word capitalized only by position ("Over", "Asked",
 * "The"). Inside a longer run a word wink tags as a proper noun stays ("State Department").
 */
function isPositionalCapital(u: WordUnit, single: boolean, nextIsCue: boolean): boolean {
  // A title or a party or nationality word opening a longer run is part of it ("President Joe Biden called",
  // "Democratic Party officials"), whatever the tagger says at a sentence start.
  if (!single && (isTitle(u) || DEMONYMS.has(u.lower))) return false;
  const cls = lexiconClass(u.lower);
  if (cls === 'common') return single ? !(nextIsCue && u.pos === 'PROPN') : u.pos !== 'PROPN';
  return u.pos !== 'PROPN' && u.pos !== 'NOUN' && cls === 'unknown';
}

/** Words that qualify a title or a name without being part of it ("Senior US diplomat", "Former ..."). */
const LOOSE_QUALIFIERS = new Set(['senior', 'former', 'top', 'acting', 'interim', 'then', 'ex', 'late', 'new']);
const CONNECTORS = new Set(['of', 'for', ...NAME_PARTICLES]);

/** True when a single-unit run can never be a name on its own. */
function isNonName(u: WordUnit): boolean {
  return DEMONYMS.has(u.lower) || CALENDAR.has(u.lower) || NEVER_NAMES.has(u.lower) || u.lower.length < 2;
}

/** True when a connector word at the start of a run is written in lower case ("of", but not the "Al" of "Al Qaeda"). */
function isLowerConnector(u: WordUnit): boolean {
  return CONNECTORS.has(u.lower) && !isCapitalized(u);
}

/**
 * True when a qualifier opening a run qualifies what follows rather than naming it: a title follows in the run
 * ("Former Secretary of State Hillary Clinton", "Senior US diplomat" via the nationality), not a name that begins with
 * the same word ("New York Post", "Top Gun", "Late Show").
 */
function strippedQualifier(units: readonly WordUnit[], first: number, last: number): boolean {
  if (!LOOSE_QUALIFIERS.has(units[first]!.lower)) return false;
  const next = units[first + 1]!;
  if (PLACE_NAMES.has(`${units[first]!.lower} ${next.lower}`)) return false;
  if (DEMONYMS.has(next.lower) || /^(u\.s\.|us|uk|u\.k\.|un|u\.n\.|eu)$/.test(next.lower)) return true;
  for (let k = first + 1; k <= last; k++) if (isTitle(units[k]!)) return true;
  return false;
}

/** Options for finding name runs. */
export interface NameRunOptions {
  text: string;
  units: readonly WordUnit[];
  sentences: readonly Span[];
  lines: readonly Span[];
  /** Whether a unit index is a cue verb (used to keep "Price said" at a sentence start). */
  isCue: (index: number) => boolean;
}

/** Trims a raw run: drops positional capitals at the sentence start and trailing plural role words ("Senators"). */
function trimRun(run: NameRun, o: NameRunOptions, starts: Set<number>): NameRun | null {
  let { first } = run;
  const { last } = run;
  while (first <= last && starts.has(first) && isPositionalCapital(o.units[first]!, first === last, o.isCue(first + 1)))
    first++;
  while (first < last && (strippedQualifier(o.units, first, last) || isLowerConnector(o.units[first]!))) first++;
  if (first > last || isLowerConnector(o.units[first]!)) return null;
  const end = o.units[last]!;
  if (end.lower.endsWith('s') && TITLE_HEADS.has(end.lower.slice(0, -1))) return null;
  if (first === last && isNonName(o.units[first]!)) return null;
  if (o.units.slice(first, last + 1).every((u) => DEMONYMS.has(u.lower))) return null;
  return { first, last, sentenceInitial: starts.has(first) };
}

/** A party-and-state label after a politician's name: "(D-S.C.)", "(R-Ky.)", "(I-Vt.)". */
const PARTY_LABEL = /\((?:D|R|I|Ind|Dem|Rep)[-–](?:[A-Z][A-Za-z]*\.?){1,3}\)/g;

/** The spans of party-and-state labels: their letters are no names ("C." of "(D-S.C.)"). */
function partyLabels(text: string): Span[] {
  return [...text.matchAll(PARTY_LABEL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Finds the runs of capitalized units that may name people, organizations or places. */
export function findNameRuns(o: NameRunOptions): NameRun[] {
  const starts = sentenceStarts(o.units, o.sentences);
  const skipped = [...unreliableLines(o.units, o.lines), ...partyLabels(o.text)].sort((a, b) => a.start - b.start);
  const runs: NameRun[] = [];
  let line = 0;
  for (let i = 0; i < o.units.length; i++) {
    const u = o.units[i]!;
    if (!isCapitalized(u) || CALENDAR.has(u.lower)) continue;
    let last = i;
    while (continuesRun(o.units, last + 1, o.text, starts)) last++;
    while (line < skipped.length && skipped[line]!.end <= u.start) line++;
    const inSkipped = line < skipped.length && skipped[line]!.start <= u.start;
    const trimmed = inSkipped ? null : trimRun({ first: i, last, sentenceInitial: false }, o, starts);
    if (trimmed) runs.push(trimmed);
    i = last;
  }
  return runs;
}
