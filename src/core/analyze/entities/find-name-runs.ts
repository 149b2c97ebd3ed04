import type { Span } from '../../model.js';
import { lexiconClass } from './lexicon-lookup.js';
import type { WordUnit } from './word-units.js';
import { DEMONYMS } from '../../lexicon/places.js';
import { ORGANIZATION_HEADS } from '../../lexicon/institutions.js';
import { TITLE_HEADS } from '../../lexicon/titles.js';

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

/** True when `units[i]` can continue a run that ends at `i - 1`. */
function continuesRun(units: readonly WordUnit[], i: number, text: string, starts: Set<number>): boolean {
  const prev = units[i - 1]!;
  const u = units[i];
  if (!u || starts.has(i) || CALENDAR.has(u.lower) || text.slice(prev.end, u.start).includes('\n')) return false;
  if (/[,;:()"“”]/.test(text.slice(prev.end, u.start))) return false;
  if (isCapitalized(u)) return true;
  const next = units[i + 1];
  if (!next || !isCapitalized(next) || /\n/.test(text.slice(u.end, next.start))) return false;
  if (NAME_PARTICLES.has(u.lower)) return true;
  // "Secretary of State", "Department of Justice": 'of' only after a title or organization word.
  return (u.lower === 'of' || u.lower === 'for') && (TITLE_HEADS.has(prev.lower) || ORGANIZATION_HEADS.has(prev.lower));
}

/**
 * True when a run-opening unit at a sentence start is an ordinary word capitalized only by position ("Over", "Asked",
 * "The"). Inside a longer run a word wink tags as a proper noun stays ("State Department").
 */
function isPositionalCapital(u: WordUnit, single: boolean, nextIsCue: boolean): boolean {
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
  while (first < last && (LOOSE_QUALIFIERS.has(o.units[first]!.lower) || CONNECTORS.has(o.units[first]!.lower)))
    first++;
  if (first > last || CONNECTORS.has(o.units[first]!.lower)) return null;
  const end = o.units[last]!;
  if (end.lower.endsWith('s') && TITLE_HEADS.has(end.lower.slice(0, -1))) return null;
  if (first === last && isNonName(o.units[first]!)) return null;
  if (o.units.slice(first, last + 1).every((u) => DEMONYMS.has(u.lower))) return null;
  return { first, last, sentenceInitial: starts.has(first) };
}

/** Finds the runs of capitalized units that may name people, organizations or places. */
export function findNameRuns(o: NameRunOptions): NameRun[] {
  const starts = sentenceStarts(o.units, o.sentences);
  const skipped = unreliableLines(o.units, o.lines);
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
