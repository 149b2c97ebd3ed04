import type { WordUnit } from './word-units.js';
import { ORGANIZATION_HEADS } from '../../lexicon/institutions.js';
import { HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS } from '../../lexicon/titles.js';

/** A run divided into a title part (`first..nameFirst-1`) and a name part (`nameFirst..last`). */
export interface TitledRun {
  /** First unit of the name, or null when the run is a title alone ("Prime Minister"). */
  nameFirst: number | null;
  /** True when the run holds a title or honorific. */
  hasTitle: boolean;
}

/** True when a unit is a title head word or an honorific ("President", "Rep.", "Secretary-General"). */
export function isTitleWord(u: WordUnit): boolean {
  return TITLE_HEADS.has(u.lower) || HONORIFICS.has(u.lower);
}

/** Splits "Secretary of State Antony Blinken" into its title and its name; organizations stay whole. */
export function splitTitle(units: readonly WordUnit[], first: number, last: number): TitledRun {
  let head = -1;
  for (let i = last; i >= first; i--) {
    if (isTitleWord(units[i]!)) {
      head = i;
      break;
    }
  }
  if (head < 0) return { nameFirst: first, hasTitle: false };
  let nameFirst = head + 1;
  // A title's complement: "Secretary of State", "Minister for Foreign Affairs".
  if (nameFirst <= last && (units[nameFirst]!.lower === 'of' || units[nameFirst]!.lower === 'for')) {
    let k = nameFirst + 1;
    while (k <= last && TITLE_MODIFIERS.has(units[k]!.lower)) k++;
    nameFirst = k;
  }
  if (nameFirst > last) return { nameFirst: null, hasTitle: true };
  // "Justice Department", "Security Council": the run names an organization, not a titled person.
  if (ORGANIZATION_HEADS.has(units[last]!.lower)) return { nameFirst: first, hasTitle: false };
  return { nameFirst, hasTitle: true };
}
