import type { Entity } from '../../model.js';
import type { RunContext } from '../../run-context.js';
import { FEMALE_NAMES, MALE_NAMES } from '../../lexicon/first-names.js';

/** The grammatical gender a pronoun ("he", "she") asks of its referent. */
export type Gender = 'male' | 'female';

const FEMALE =
  /\b(mrs|ms|miss|madam|lady|queen|congresswoman|councilwoman|spokeswoman|chairwoman|businesswoman|wife|mother|sister|daughter|grandmother|first lady)\b/i;
const MALE =
  /\b(mr|sir|lord|king|congressman|councilman|spokesman|chairman|businessman|husband|father|brother|son|grandfather)\b/i;

/** At most this many entities' genders are kept per run (a story has far fewer). */
const GENDER_MEMO_LIMIT = 20_000;

/**
 * A person's gender as the text marks it: titles and roles in the names, aliases and mentions ("Mrs. Clinton",
 * "spokeswoman"), else a given name used overwhelmingly for one sex ("Jennifer"). Null when unmarked or marked both
 * ways: the caller then does not check agreement.
 */
export function entityGender(entity: Entity, ctx: RunContext): Gender | null {
  // Per run: an entity object belongs to one run's story.
  return ctx.memo<Entity, Gender | null>('quotes/entity-gender', GENDER_MEMO_LIMIT).get(entity, markedGender);
}

/** The gender the entity's forms mark (see `entityGender`), computed. */
function markedGender(entity: Entity): Gender | null {
  const forms = [entity.name, ...entity.aliases, ...entity.roles, ...entity.mentions.map((m) => m.text)].join(' | ');
  const female = FEMALE.test(forms);
  const male = MALE.test(forms);
  return female === male ? (female ? null : givenNameGender(entity)) : female ? 'female' : 'male';
}

/** The gender of a person's given name ("Jennifer Psaki"), when the name is one used overwhelmingly for one sex. */
function givenNameGender(entity: Entity): Gender | null {
  if (entity.type !== 'person') return null;
  const words = entity.name.split(/\s+/);
  // The given name comes first, after a title the entity name may keep ("Councilman Robert Hale").
  for (let k = 0; k < Math.min(2, words.length - 1); k++) {
    const word = words[k]!.toLowerCase();
    if (MALE_NAMES.has(word)) return 'male';
    if (FEMALE_NAMES.has(word)) return 'female';
  }
  return null;
}

/** True when a pronoun can refer to the entity: "he" not to a woman, "she" not to a man. */
export function agrees(pronoun: string, entity: Entity, ctx: RunContext): boolean {
  const gender = entityGender(entity, ctx);
  if (!gender) return true;
  return pronoun === 'she' ? gender === 'female' : pronoun === 'he' ? gender === 'male' : true;
}
