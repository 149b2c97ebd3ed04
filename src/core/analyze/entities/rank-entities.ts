import type { Entity } from '../../model.js';
import { slug } from './name-key.js';

/** Salience: mentions stated in the text, plus a bonus per article that names the entity. */
function salience(e: Omit<Entity, 'id'>): number {
  const stated = e.mentions.filter((m) => !m.inferred).length;
  const articles = new Set(e.mentions.map((m) => m.articleId)).size;
  return stated + 0.5 * (e.mentions.length - stated) + 2 * articles;
}

/** Orders entities by salience (then by first appearance), sorts their mentions, and gives each a stable slug id. */
export function rankEntities(entities: readonly Omit<Entity, 'id'>[], articleOrder: readonly string[]): Entity[] {
  const order = new Map(articleOrder.map((id, i) => [id, i]));
  const position = (m: { articleId: string; start: number }): number => (order.get(m.articleId) ?? 0) * 1e9 + m.start;
  const sorted = entities.map((e) => ({
    ...e,
    mentions: [...e.mentions].sort((a, b) => position(a) - position(b)),
  }));
  const scored = sorted.map((e) => ({
    e,
    score: salience(e),
    first: position(e.mentions[0] ?? { articleId: '', start: 0 }),
  }));
  scored.sort((a, b) => b.score - a.score || a.first - b.first);
  const used = new Map<string, number>();
  return scored.map(({ e }) => {
    const base = slug(e.name);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, ...e };
  });
}
