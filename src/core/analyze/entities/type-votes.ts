import type { EntityType } from '../../model.js';
import { lexiconClass } from './lexicon-lookup.js';
import type { WordUnit } from './word-units.js';
import { INSTITUTION_NAMES, ORGANIZATION_HEADS, PLACE_HEADS } from '../../lexicon/institutions.js';
import { COUNTRY_NAMES, PLACE_NAMES } from '../../lexicon/places.js';

/** Evidence for each entity type, summed over a name's mentions across the story. */
export type TypeVotes = Record<EntityType, number>;

/** Empty votes. */
export function noVotes(): TypeVotes {
  return { person: 0, organization: 0, place: 0, other: 0 };
}

/** Adds b into a copy of a. */
export function addVotes(a: TypeVotes, b: TypeVotes): TypeVotes {
  return {
    person: a.person + b.person,
    organization: a.organization + b.organization,
    place: a.place + b.place,
    other: a.other + b.other,
  };
}

/** The type with the most evidence (ties go to the more specific type, in the order person, org, place). */
export function winningType(v: TypeVotes): EntityType {
  const order: EntityType[] = ['person', 'organization', 'place', 'other'];
  let best: EntityType = 'other';
  let score = 0;
  for (const t of order) {
    if (v[t] > score) {
      best = t;
      score = v[t];
    }
  }
  return best;
}

/** What is known about one name mention when voting on its type. */
export interface MentionEvidence {
  units: readonly WordUnit[];
  /** First and last unit of the name part (title excluded). */
  first: number;
  last: number;
  titled: boolean;
  apposedRole: boolean;
  spokenBy: boolean;
  sentenceInitial: boolean;
}

/** Gazetteer evidence: institutions and places named as a whole or by their head word. */
function gazetteerVotes(key: string, lastLower: string, v: TypeVotes): void {
  const bare = key.replace(/^the /, '');
  if (INSTITUTION_NAMES.has(bare)) v.organization += 10;
  if (COUNTRY_NAMES.has(bare)) v.place += 12;
  else if (PLACE_NAMES.has(bare)) v.place += 8;
  const head = lastLower.replace(/s$/, '');
  if (ORGANIZATION_HEADS.has(lastLower) || ORGANIZATION_HEADS.has(head)) v.organization += 6;
  if (PLACE_HEADS.has(lastLower)) v.place += 4;
}

/** compromise lexicon evidence: known first names, surnames, places and organizations. */
function lexiconVotes(e: MentionEvidence, v: TypeVotes): void {
  const first = lexiconClass(e.units[e.first]!.lower);
  const last = lexiconClass(e.units[e.last]!.lower);
  const multi = e.last > e.first;
  if (multi && first === 'first-name') v.person += 3;
  if (last === 'last-name' || last === 'person') v.person += multi ? 2 : 1;
  if (!multi && first === 'first-name') v.person += 1;
  if (!multi && first === 'place') v.place += 3;
  if (first === 'organization' || last === 'organization') v.organization += 3;
}

/** Votes on the type of one name mention from its title, apposition, speech verb, gazetteers and compromise's lexicon. */
export function mentionVotes(e: MentionEvidence, key: string): TypeVotes {
  const v = noVotes();
  if (e.titled) v.person += 5;
  if (e.apposedRole) v.person += 4;
  if (e.spokenBy) v.person += 1;
  gazetteerVotes(key, e.units[e.last]!.lower, v);
  lexiconVotes(e, v);
  // No evidence at all: something named, of unknown kind (weaker at a sentence start).
  v.other += e.sentenceInitial ? 0.5 : 1;
  return v;
}
