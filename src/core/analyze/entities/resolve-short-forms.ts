import type { Entity, EntityMention, Mention } from '../../model.js';
import { ORGANIZATION_HEADS } from '../../lexicon/institutions.js';
import { entityRule } from './entity-rules.js';

/** A place named by its head word alone ("the Strip" for the Gaza Strip), to be resolved to the full name. */
export interface ShortForm extends Omit<Mention, 'provenance'> {
  /** The head word, lower-cased ("strip"). */
  head: string;
}

/** Entities' indexes whose name ends with the head word, by head. */
function byHead(entities: readonly Omit<Entity, 'id'>[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  entities.forEach((e, i) => {
    const words = e.name.toLowerCase().split(/\s+/);
    if (words.length < 2 || e.type === 'person') return;
    const head = words.at(-1)!;
    out.set(head, [...(out.get(head) ?? []), i]);
  });
  return out;
}

/** The entity mentioned last before `pos` in the article among the candidates, else the story's only candidate. */
function pick(
  candidates: readonly number[],
  entities: readonly Omit<Entity, 'id'>[],
  articleId: string,
  pos: number,
): number | null {
  let best: number | null = null;
  let bestPos = -1;
  for (const c of candidates) {
    for (const m of entities[c]!.mentions) {
      if (m.articleId === articleId && !m.inferred && m.start < pos && m.start > bestPos) {
        best = c;
        bestPos = m.start;
      }
    }
  }
  return best ?? (candidates.length === 1 ? candidates[0]! : null);
}

/**
 * Resolves places named by their head word alone ("airstrikes in the Strip", "the District") to the place whose full
 * name ends with that word ("Gaza Strip"): the one mentioned last before it in the same article, else the story's only
 * one. The added mentions are `inferred`; a short form that fits no entity names nothing and is left out.
 */
export function resolveShortForms(
  entities: readonly Omit<Entity, 'id'>[],
  shortForms: readonly ShortForm[],
): Omit<Entity, 'id'>[] {
  if (shortForms.length === 0) return [...entities];
  const heads = byHead(entities);
  const added: EntityMention[][] = entities.map(() => []);
  for (const s of shortForms) {
    const who = pick(heads.get(s.head) ?? [], entities, s.articleId, s.start);
    if (who === null) continue;
    added[who]!.push({
      articleId: s.articleId,
      start: s.start,
      end: s.end,
      text: s.text,
      inferred: true,
      provenance: entityRule('entities/short-form'),
    });
  }
  return entities.map((e, i) => (added[i]!.length > 0 ? { ...e, mentions: [...e.mentions, ...added[i]!] } : e));
}

/**
 * Folds an organization named by its head word alone ("The Post has learned", "told the Times") into the story's only
 * organization whose full name ends with that word ("New York Post"); its mentions become inferred mentions of it.
 * With no such organization, or several, the short name stays an entity of its own.
 */
export function foldHeadNames(entities: readonly Omit<Entity, 'id'>[]): Omit<Entity, 'id'>[] {
  const heads = byHead(entities);
  const into = new Map<number, number>();
  entities.forEach((e, i) => {
    const lower = e.name.toLowerCase();
    if (/\s/.test(e.name) || !ORGANIZATION_HEADS.has(lower) || e.type === 'person') return;
    const targets = (heads.get(lower) ?? []).filter((t) => t !== i && entities[t]!.type === 'organization');
    if (targets.length === 1) into.set(i, targets[0]!);
  });
  if (into.size === 0) return [...entities];
  const extra = new Map<number, EntityMention[]>();
  for (const [from, to] of into) {
    const moved = entities[from]!.mentions.map((m) => ({
      ...m,
      inferred: true,
      provenance: entityRule('entities/head-name'),
    }));
    extra.set(to, [...(extra.get(to) ?? []), ...moved]);
  }
  return entities.flatMap((e, i) => {
    if (into.has(i)) return [];
    const more = extra.get(i);
    return more ? [{ ...e, mentions: [...e.mentions, ...more] }] : [e];
  });
}
