import type { Entity, EntityMention, Speaker } from '../../model.js';
import type { WordUnit } from '../entities/word-units.js';
import type { PhraseRange } from './find-speaker-phrase.js';
import { DOCUMENT_NOUNS } from '../../lexicon/cue-verbs.js';
import { agrees } from './entity-gender.js';
import { firstIndexWhere } from '../../span-index.js';
import type { RunContext } from '../../run-context.js';

/** An entity mention of the article with its entity. */
export interface LinkedMention {
  mention: EntityMention;
  entity: Entity;
}

/** The last speaker seen in an article, carried to "she added" and to quotes that continue. */
export interface LastSpeaker {
  speaker: Speaker;
  type: Entity['type'] | null;
  /** The speaker's entity, for gender agreement with "he"/"she". */
  entity: Entity | null;
  paragraph: number;
}

/** What resolving a speaker phrase needs to know about the article. */
export interface SpeakerContext {
  text: string;
  units: readonly WordUnit[];
  /** The article's entity mentions sorted by start. */
  mentions: readonly LinkedMention[];
  last: LastSpeaker | null;
  /** The last organization that spoke, for documents ("the readout said"). */
  lastBody: LastSpeaker | null;
  paragraph: number;
  /** The run's context (its memo of entity genders). */
  run: RunContext;
}

const PERSONAL = new Set(['he', 'she']);
const COLLECTIVE = new Set(['they', 'it', 'we']);
const HEAD_ENDERS = new Set(['of', 'with', 'to', 'from', 'for', 'at', 'familiar', 'close', 'by', 'in', 'on']);

/** The index of the first mention (of the sorted list) that ends after `start`: a binary search. */
function firstEndingAfter(mentions: readonly LinkedMention[], start: number): number {
  return firstIndexWhere(mentions.length, (i) => mentions[i]!.mention.end > start);
}

/** Mentions overlapping `[start, end)`, found by binary search on the sorted list. */
export function mentionsIn(mentions: readonly LinkedMention[], start: number, end: number): LinkedMention[] {
  const out: LinkedMention[] = [];
  for (let i = firstEndingAfter(mentions, start); i < mentions.length && mentions[i]!.mention.start < end; i++) {
    if (mentions[i]!.mention.end > start) out.push(mentions[i]!);
  }
  return out;
}

/** The first mention overlapping `[start, end)` that passes `test` (as `mentionsIn(...).find(test)`, without the list). */
export function firstMentionIn(
  mentions: readonly LinkedMention[],
  start: number,
  end: number,
  test: (m: LinkedMention) => boolean,
): LinkedMention | undefined {
  for (let i = firstEndingAfter(mentions, start); i < mentions.length && mentions[i]!.mention.start < end; i++) {
    const m = mentions[i]!;
    if (m.mention.end > start && test(m)) return m;
  }
  return undefined;
}

const PERSON_WALK = 60;

/** The nearest person mentioned before `pos` that the pronoun can refer to (binary search, then a short walk back). */
function personBefore(ctx: SpeakerContext, pos: number, pronoun: string): LinkedMention | null {
  const mentions = ctx.mentions;
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.mention.start < pos) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= Math.max(0, lo - PERSON_WALK); i--) {
    const m = mentions[i]!;
    if (m.entity.type === 'person' && agrees(pronoun, m.entity, ctx.run)) return m;
  }
  return null;
}

/** A speaker named by an entity mention. */
function fromMention(m: LinkedMention, inferred: boolean): Speaker {
  const { start, end, text } = m.mention;
  return { entityId: m.entity.id, name: m.entity.name, mention: { start, end, text }, inferred };
}

/** A pronoun speaker ("she added"): the last speaker of a fitting kind, else the nearest person named before. */
function resolvePronoun(ctx: SpeakerContext, u: WordUnit): Speaker {
  const mention = { start: u.start, end: u.end, text: u.value };
  const last = ctx.last;
  const kind = last && (PERSONAL.has(u.lower) ? last.type === 'person' : last.type !== 'person');
  const fits = kind && last.speaker.entityId !== null && (!last.entity || agrees(u.lower, last.entity, ctx.run));
  if (fits && last) return { ...last.speaker, mention, inferred: true };
  if (PERSONAL.has(u.lower)) {
    const person = personBefore(ctx, u.start, u.lower);
    if (person) return { entityId: person.entity.id, name: person.entity.name, mention, inferred: true };
  }
  return { entityId: null, name: u.value, mention, inferred: false };
}

/** The last unit of the phrase's head, before any preposition ("a source | familiar with ..."). */
function headEnd(units: readonly WordUnit[], r: PhraseRange): number {
  for (let k = r.first + 1; k <= r.last; k++) if (HEAD_ENDERS.has(units[k]!.lower)) return k - 1;
  return r.last;
}

/**
 * Resolves a speaker phrase. The entity must head the phrase ("Price", "White House Press Secretary Jen Psaki"), not
 * sit inside it ("Biden's top adviser", "a source familiar with the U.S. strategy" are not Biden or the U.S.); a document
 * ("a White House readout") speaks for the body named in it; pronouns and bare documents ("the briefing") are carried
 * from the last speaker and marked inferred.
 */
export function resolveSpeaker(ctx: SpeakerContext, r: PhraseRange): Speaker {
  const speaker = resolvePhrase(ctx, r);
  // "Carson's business manager, Armstrong Williams, stated": the apposition names whom the phrase does not.
  if (speaker.entityId === null && r.appositive && /^[A-Z]/.test(ctx.units[r.appositive.first]!.value)) {
    const named = resolvePhrase(ctx, r.appositive);
    if (named.entityId !== null) return named;
  }
  return speaker;
}

/** Resolves one phrase (see `resolveSpeaker`). */
function resolvePhrase(ctx: SpeakerContext, r: PhraseRange): Speaker {
  const { units } = ctx;
  const start = units[r.first]!.start;
  const end = units[r.last]!.end;
  const phrase = { start, end, text: ctx.text.slice(start, end) };
  if (r.first === r.last && (PERSONAL.has(units[r.first]!.lower) || COLLECTIVE.has(units[r.first]!.lower))) {
    return resolvePronoun(ctx, units[r.first]!);
  }
  const h = headEnd(units, r);
  const inside = mentionsIn(ctx.mentions, start, end);
  const hu = units[h]!;
  const head = inside.find((m) => m.mention.end === hu.end || (m.mention.start <= hu.start && m.mention.end >= hu.end));
  if (head) return fromMention(head, head.mention.inferred === true);
  if (DOCUMENT_NOUNS.has(units[h]!.lower)) {
    const author = inside.filter((m) => m.entity.type !== 'place').at(-1);
    if (author) return { ...fromMention(author, false), mention: phrase };
    const last = ctx.lastBody;
    if (last && last.speaker.entityId !== null && ctx.paragraph - last.paragraph <= 2) {
      return { ...last.speaker, mention: phrase, inferred: true };
    }
  }
  return { entityId: null, name: phrase.text, mention: phrase, inferred: false };
}
