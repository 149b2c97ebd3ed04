import type { WordUnit } from './word-units.js';
import { isCapitalized } from './find-name-runs.js';
import { INSTITUTION_NAMES } from '../../lexicon/institutions.js';
import { DEMONYMS, PLACE_NAMES } from '../../lexicon/places.js';
import { TITLE_HEADS, TITLE_MODIFIERS } from '../../lexicon/titles.js';

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
const MAX_ROLE_UNITS = 9;

/** True when a unit may stand inside a role phrase ("State Department spokesperson", "top national security"). */
function inRole(u: WordUnit): boolean {
  return isCapitalized(u) || TITLE_HEADS.has(u.lower) || TITLE_MODIFIERS.has(u.lower) || DEMONYMS.has(u.lower);
}

/** Joins units `a..b` back into their text. */
function textOf(text: string, units: readonly WordUnit[], a: number, b: number): string {
  return text.slice(units[a]!.start, units[b]!.end);
}

/** A lower-case role written right before a name: "White House press secretary Jen Psaki" gives its first three words. */
export function roleBefore(text: string, units: readonly WordUnit[], first: number): string | null {
  const prev = units[first - 1];
  if (!prev || !TITLE_HEADS.has(prev.lower) || isCapitalized(prev)) return null;
  let a = first - 1;
  while (
    a - 1 >= 0 &&
    first - a < MAX_ROLE_UNITS &&
    inRole(units[a - 1]!) &&
    !/\n|,/.test(text.slice(units[a - 1]!.end, units[a]!.start))
  )
    a--;
  while (a < first - 1 && /^(of|and|the|to|for)$/.test(units[a]!.lower)) a++;
  return textOf(text, units, a, first - 1);
}

/** True when a unit may stand inside an appositive role: title words, modifiers, nationalities, known bodies. */
function inApposedRole(u: WordUnit): boolean {
  if (TITLE_HEADS.has(u.lower) || TITLE_MODIFIERS.has(u.lower) || DEMONYMS.has(u.lower)) return true;
  return isCapitalized(u) && (PLACE_NAMES.has(u.lower) || INSTITUTION_NAMES.has(u.lower));
}

/** Words that may end an appositive role: a comma, a period, a relative pronoun, the end. */
const ROLE_ENDINGS = new Set([',', '.', ';', 'who', 'that', 'and', ')', '—', '–']);

/** An appositive role right after a name: "Benjamin Netanyahu, the Israeli Prime Minister," gives the role. */
export function roleAfter(text: string, units: readonly WordUnit[], last: number): string | null {
  if (units[last + 1]?.value !== ',') return null;
  let a = last + 2;
  if (units[a] && DETERMINERS.has(units[a]!.lower)) a++;
  let head = -1;
  for (let k = a; k < units.length && k - a < MAX_ROLE_UNITS; k++) {
    const u = units[k]!;
    if (u.lower === 'of' || u.lower === 'for') continue;
    if (!inApposedRole(u)) break;
    if (TITLE_HEADS.has(u.lower)) head = k;
  }
  if (head < a) return null;
  const after = units[head + 1];
  return !after || ROLE_ENDINGS.has(after.lower) ? textOf(text, units, a, head) : null;
}

/** Relation and role nouns that introduce a name after a comma ("his Israeli counterpart, Meir Ben-Shabbat"). */
const INTRODUCERS = new Set([
  'counterpart',
  'wife',
  'husband',
  'son',
  'daughter',
  'brother',
  'sister',
  'mother',
  'father',
  'colleague',
  'successor',
  'predecessor',
  'deputy',
  'rival',
  'opponent',
]);

/** True when a name follows a comma after a role or relation noun, the apposition written the other way round. */
export function introducedByRole(units: readonly WordUnit[], first: number): boolean {
  const prev = units[first - 2];
  return (
    units[first - 1]?.value === ',' &&
    prev !== undefined &&
    (TITLE_HEADS.has(prev.lower) || INTRODUCERS.has(prev.lower)) &&
    !isCapitalized(prev)
  );
}
