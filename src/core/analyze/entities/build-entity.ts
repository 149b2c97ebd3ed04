import type { Entity, EntityMention } from '../../model.js';
import type { NameCluster } from './merge-names.js';
import { nameKey } from './name-key.js';
import { winningType } from './type-votes.js';
import { entityProvenance } from './entity-rules.js';

/** Unique values by their text, compared case-insensitively, first spelling kept. */
function uniqueByText<T>(values: Iterable<T>, textOf: (value: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const v of values) {
    const k = nameKey(textOf(v));
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

/** Unique strings, compared case-insensitively, first spelling kept. */
export function uniqueStrings(values: Iterable<string>): string[] {
  return uniqueByText(values, (v) => v);
}

/** The fullest name of a cluster: most words, then most frequent, then first seen. */
function fullestName(cluster: NameCluster): string {
  const counts = new Map<string, number>();
  for (const c of cluster.candidates) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  let best = '';
  let bestWords = 0;
  let bestCount = 0;
  for (const [name, count] of counts) {
    const words = name.split(/\s+/).length;
    if (words > bestWords || (words === bestWords && count > bestCount)) {
      best = name;
      bestWords = words;
      bestCount = count;
    }
  }
  return best;
}

/** An entity (without id) from a cluster of name candidates. */
export function buildEntity(cluster: NameCluster): Omit<Entity, 'id'> {
  const name = fullestName(cluster);
  const key = nameKey(name);
  const mentions: EntityMention[] = cluster.candidates.map((c) => ({ ...c.mention }));
  const aliases = uniqueStrings([
    ...cluster.candidates.map((c) => c.mention.text),
    ...cluster.candidates.map((c) => c.name),
  ]);
  const roles = uniqueByText(
    cluster.candidates.flatMap((c) => c.roles),
    (r) => r.text,
  );
  return {
    name,
    type: cluster.hasFullPersonName ? 'person' : winningType(cluster.votes),
    aliases: aliases.filter((a) => nameKey(a) !== key),
    roles: roles.map((r) => r.text),
    mentions,
    provenance: entityProvenance(
      cluster.hasFullPersonName ? 'entities/full-person-name' : 'entities/type-votes',
      roles.map((r) => r.rule),
    ),
  };
}
