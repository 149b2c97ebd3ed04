import type { Article, Entity, EntityMention } from '../../model.js';
import { isCapitalized } from './find-name-runs.js';
import { nameKey } from './name-key.js';
import { wordUnits, type WordUnit } from './word-units.js';
import { pushTo } from '../../push-to.js';
import type { RunContext } from '../../run-context.js';
import { entityRule } from './entity-rules.js';

interface AliasForm {
  words: string[];
  entity: number;
}

/** Name forms (without titles) of every entity, indexed by first word; forms shared by two entities are left out. */
function aliasIndex(entities: readonly Omit<Entity, 'id'>[]): Map<string, AliasForm[]> {
  const owner = new Map<string, number>();
  entities.forEach((e, i) => {
    if (e.type === 'other') return;
    for (const form of [e.name, ...e.aliases]) {
      const key = nameKey(form);
      const prev = owner.get(key);
      owner.set(key, prev === undefined || prev === i ? i : -1);
    }
  });
  const index = new Map<string, AliasForm[]>();
  for (const [key, entity] of owner) {
    if (entity < 0) continue;
    const words = key.split(' ');
    pushTo(index, words[0]!, { words, entity });
  }
  for (const forms of index.values()) forms.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** The alias form that matches the units starting at `i`, if any. */
function matchAt(units: readonly WordUnit[], i: number, forms: readonly AliasForm[]): AliasForm | null {
  for (const f of forms) {
    if (f.words.every((w, k) => units[i + k] !== undefined && nameKey(units[i + k]!.value) === w)) return f;
  }
  return null;
}

/** True when a unit is written all in capitals though the entity's name is not (a shouted teaser line). */
function isShoutedForm(u: WordUnit, entity: Omit<Entity, 'id'>): boolean {
  return u.value.length > 1 && u.value === u.value.toUpperCase() && entity.name !== entity.name.toUpperCase();
}

/** Every entity mention grouped by article, sorted by position. */
function mentionsByArticle(entities: readonly Omit<Entity, 'id'>[]): Map<string, EntityMention[]> {
  const map = new Map<string, EntityMention[]>();
  for (const e of entities) for (const m of e.mentions) pushTo(map, m.articleId, m);
  for (const list of map.values()) list.sort((a, b) => a.start - b.start);
  return map;
}

/**
 * Adds mentions of known names in places the name finder skipped (sentence starts, headlines): each uncovered
 * capitalized occurrence of an entity's unambiguous name form becomes a mention of it. One pass over the tokens.
 */
export function linkAliases(
  articles: readonly Article[],
  entities: readonly Omit<Entity, 'id'>[],
  ctx: RunContext,
): Omit<Entity, 'id'>[] {
  const index = aliasIndex(entities);
  const added: EntityMention[][] = entities.map(() => []);
  const byArticle = mentionsByArticle(entities);
  for (const article of articles) {
    const covered = byArticle.get(article.id) ?? [];
    const units = wordUnits(article.text, ctx);
    let c = 0;
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      while (c < covered.length && covered[c]!.end <= u.start) c++;
      if (!isCapitalized(u) || (c < covered.length && covered[c]!.start <= u.start)) continue;
      const form = matchAt(units, i, index.get(nameKey(u.value)) ?? []);
      if (!form || isShoutedForm(u, entities[form.entity]!)) continue;
      const end = units[i + form.words.length - 1]!.end;
      added[form.entity]!.push({
        articleId: article.id,
        start: u.start,
        end,
        text: article.text.slice(u.start, end),
        provenance: entityRule('entities/known-name'),
      });
      i += form.words.length - 1;
    }
  }
  return entities.map((e, i) => ({ ...e, mentions: [...e.mentions, ...added[i]!] }));
}
