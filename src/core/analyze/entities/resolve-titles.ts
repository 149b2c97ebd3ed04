import type { Article, Entity, EntityMention } from '../../model.js';
import type { TitleMention } from './find-candidates.js';
import { isCapitalized } from './find-name-runs.js';
import { wordUnits } from './word-units.js';
import { DEMONYMS } from '../../lexicon/places.js';
import { PERSON_DESCRIPTORS, TITLE_MODIFIERS } from '../../lexicon/titles.js';
import { entityRule } from './entity-rules.js';
import type { RunContext } from '../../run-context.js';

/** A title standing for a person ("the president"), with the role words it must match. */
interface Descriptor extends TitleMention {
  role: string;
  /** Every word of the title ("israeli", "prime", "minister"): the holder's role must contain them all. */
  words: string[];
}

/** The role phrase a title points to: "prime minister" for "Prime Minister", else its last descriptor word. */
function roleOf(words: readonly string[]): string | null {
  const last = words.at(-1);
  if (!last) return null;
  if (last === 'minister' && words.at(-2) === 'prime') return 'prime minister';
  return PERSON_DESCRIPTORS.has(last) ? last : null;
}

/** Lower-case definite descriptions in one article: "the president", "the Israeli prime minister". */
function findDescriptions(article: Article, ctx: RunContext): Descriptor[] {
  const units = wordUnits(article.text, ctx);
  const out: Descriptor[] = [];
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.lower !== 'the') continue;
    let k = i + 1;
    while (units[k] && (TITLE_MODIFIERS.has(units[k]!.lower) || DEMONYMS.has(units[k]!.lower)) && k - i < 4) k++;
    let head = k;
    while (units[head + 1] && roleOf(units.slice(k, head + 2).map((u) => u.lower)) !== null && head - k < 2) head++;
    const role = roleOf(units.slice(k, head + 1).map((u) => u.lower));
    // "the President Joe Biden": a title before a name is not a stand-in.
    if (!role || (units[head + 1] && isCapitalized(units[head + 1]!))) continue;
    const start = units[i]!.start;
    const end = units[head]!.end;
    const words = units.slice(i + 1, head + 1).map((u) => u.lower);
    out.push({ articleId: article.id, start, end, text: article.text.slice(start, end), role, words });
  }
  return out;
}

/** Entities' indexes with a role that contains the role phrase and every word of the title. */
function holders(entities: readonly Omit<Entity, 'id'>[], role: string, words: readonly string[]): number[] {
  const out: number[] = [];
  entities.forEach((e, i) => {
    if (e.type !== 'person') return;
    const fits = e.roles.some((r) => {
      const lower = ` ${r.toLowerCase()} `;
      return lower.includes(` ${role} `) && words.every((w) => lower.includes(` ${w} `));
    });
    if (fits) out.push(i);
  });
  return out;
}

/** The holder mentioned last before `pos` in the article, else the only holder in the story. */
function pickHolder(candidates: readonly number[], lastSeen: ReadonlyMap<number, number>): number | null {
  let best: number | null = null;
  let bestPos = -1;
  for (const c of candidates) {
    const pos = lastSeen.get(c);
    if (pos !== undefined && pos > bestPos) {
      best = c;
      bestPos = pos;
    }
  }
  if (best !== null) return best;
  return candidates.length === 1 ? candidates[0]! : null;
}

/**
 * Resolves titles standing for a person ("the president", "The President") to the titled person of the story:
 * the holder of that role mentioned last before it in the same article, else the story's only holder. The added
 * mentions are `inferred`. One sweep per article over its mentions and descriptors in text order.
 */
export function resolveTitles(
  articles: readonly Article[],
  entities: readonly Omit<Entity, 'id'>[],
  titles: readonly TitleMention[],
  ctx: RunContext,
): Omit<Entity, 'id'>[] {
  const added: EntityMention[][] = entities.map(() => []);
  const byRole = new Map<string, number[]>();
  const holdersOf = (d: Descriptor): number[] => {
    const key = d.words.join(' ');
    if (!byRole.has(key)) byRole.set(key, holders(entities, d.role, d.words));
    return byRole.get(key)!;
  };
  for (const article of articles) {
    const fromRuns = titles
      .filter((t) => t.articleId === article.id)
      .map((t) => {
        const words = t.text.toLowerCase().split(/\s+/);
        return { ...t, role: roleOf(words), words };
      })
      .filter((t): t is Descriptor => t.role !== null);
    const described = findDescriptions(article, ctx);
    const descriptors = [
      ...described,
      ...fromRuns.filter((t) => !described.some((d) => d.start < t.end && t.start < d.end)),
    ].sort((a, b) => a.start - b.start);
    if (descriptors.length === 0) continue;
    const events: [number, number][] = [];
    entities.forEach((e, i) => {
      for (const m of e.mentions) if (m.articleId === article.id && !m.inferred) events.push([m.start, i]);
    });
    events.sort((a, b) => a[0] - b[0]);
    const lastSeen = new Map<number, number>();
    let ev = 0;
    for (const d of descriptors) {
      while (ev < events.length && events[ev]![0] < d.start) lastSeen.set(events[ev]![1], events[ev++]![0]);
      const who = pickHolder(holdersOf(d), lastSeen);
      if (who === null) continue;
      added[who]!.push({
        articleId: d.articleId,
        start: d.start,
        end: d.end,
        text: d.text,
        inferred: true,
        provenance: entityRule('entities/title-stand-in'),
      });
      lastSeen.set(who, d.start);
    }
  }
  return entities.map((e, i) => ({ ...e, mentions: [...e.mentions, ...added[i]!] }));
}
