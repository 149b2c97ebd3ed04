import type { Entity } from '../../model.js';

/** The grammatical gender a pronoun ("he", "she") asks of its referent. */
export type Gender = 'male' | 'female';

const FEMALE =
  /\b(mrs|ms|miss|madam|lady|queen|congresswoman|spokeswoman|chairwoman|businesswoman|wife|mother|sister|daughter|grandmother|first lady)\b/i;
const MALE =
  /\b(mr|sir|lord|king|congressman|spokesman|chairman|businessman|husband|father|brother|son|grandfather)\b/i;

const memo = new WeakMap<Entity, Gender | null>();

/**
 * A person's gender as the text marks it: titles and roles in the names, aliases and mentions ("Mrs. Clinton",
 * "spokeswoman"). Null when unmarked or marked both ways: the caller then does not check agreement.
 */
export function entityGender(entity: Entity): Gender | null {
  const hit = memo.get(entity);
  if (hit !== undefined) return hit;
  const forms = [entity.name, ...entity.aliases, ...entity.roles, ...entity.mentions.map((m) => m.text)].join(' | ');
  const female = FEMALE.test(forms);
  const male = MALE.test(forms);
  const gender = female === male ? null : female ? 'female' : 'male';
  memo.set(entity, gender);
  return gender;
}

/** True when a pronoun can refer to the entity: "he" not to a woman, "she" not to a man. */
export function agrees(pronoun: string, entity: Entity): boolean {
  const gender = entityGender(entity);
  if (!gender) return true;
  return pronoun === 'she' ? gender === 'female' : pronoun === 'he' ? gender === 'male' : true;
}
