import type { EntityProvenance, Provenance } from '../../model.js';

/**
 * The rules of the entities stage, by the name their annotations carry (stable: golden diffs name them):
 * - `entities/name-run`: a run of capitalized words the name finder reads as a name (find-candidates.ts);
 * - `entities/known-name`: a known name at a position the finder skipped, a sentence start or headline (link-aliases.ts);
 * - `entities/title-stand-in`: a title standing for its holder, "the president" (resolve-titles.ts, inferred);
 * - `entities/short-form`: a place named by its head word, "the Strip" (resolve-short-forms.ts, inferred);
 * - `entities/head-name`: an organization named by its head word, "the Post", folded into it (resolve-short-forms.ts);
 * - `entities/merge-names`: an entity, the name candidates of one referent merged across the story (merge-names.ts);
 * - `entities/full-person-name`, `entities/type-votes`: what typed an entity, a full personal name among its names or
 *   the summed evidence of its mentions (titles, apposition, speech verbs, gazetteers, lexicon; type-votes.ts);
 * - `entities/title-in-name`, `entities/role-before`, `entities/role-apposition`: what read a role, a title inside the
 *   name run ("President Joe Biden"), a role before it ("Israeli Prime Minister"), or after it ("Ned Price, a State
 *   Department spokesman"; find-roles.ts, split-title.ts).
 */
export type EntityRule =
  | 'entities/name-run'
  | 'entities/known-name'
  | 'entities/title-stand-in'
  | 'entities/short-form'
  | 'entities/head-name'
  | 'entities/merge-names'
  | 'entities/full-person-name'
  | 'entities/type-votes'
  | 'entities/title-in-name'
  | 'entities/role-before'
  | 'entities/role-apposition';

/** The provenance of an annotation of the entities stage made by `rule` (a fresh object: annotations own theirs). */
export function entityRule(rule: EntityRule): Provenance {
  return { stage: 'entities', rule };
}

/** The provenance of an entity merged from its names: the rule that typed it and the rule of each of its roles. */
export function entityProvenance(typeRule: EntityRule, roleRules: readonly EntityRule[]): EntityProvenance {
  return { ...entityRule('entities/merge-names'), type: entityRule(typeRule), roles: roleRules.map(entityRule) };
}
