import type { Span } from '../../model.js';
import { STANCE_HOLDERS, STANCE_OBJECT_CUES } from '../../lexicon/stance-cues.js';
import type { WordUnit } from '../entities/word-units.js';
import { phraseBefore, type PhraseRange } from './find-speaker-phrase.js';
import { emitReported, quotesReaching, speakerContext, type SegmentPass } from './quote-pass.js';
import { resolveSpeaker } from './resolve-speaker.js';
import { inQuote, type Attribution } from './segment-cues.js';

/** Units that end a stance's object: clause punctuation and quotation marks. */
const OBJECT_END = /^(?:[,;:.!?()—–"“”]|--)$/;
/** Words before the verb that make it no stance held ("does not support", "would never back"). */
const NEGATIONS = new Set(['not', "n't", 'n’t', 'never', 'no', 'nor', 'cannot']);

/** True when one of the three units before `i` negates it. */
function negated(units: readonly WordUnit[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (NEGATIONS.has(units[k]!.lower)) return true;
  return false;
}

/**
 * The object of the stance verb at unit `i`: after a "that", up to the clause punctuation; null when it is empty. It is
 * not cut at a later verb ("voters who want a switch stayed home"): on the PolNeAR train split, cutting there matched
 * fewer true attributions than it fixed.
 */
function stanceObject(p: SegmentPass, i: number): Span | null {
  const { units } = p.view;
  let first = i + 1;
  if (units[first]?.lower === 'that') first++;
  let last = first - 1;
  while (last + 1 <= p.view.b && !OBJECT_END.test(units[last + 1]!.value)) last++;
  return last >= first ? { start: units[first]!.start, end: units[last]!.end } : null;
}

/**
 * True when a speaker phrase names people, who can hold a stance: a person or an organization, a name (not a place's),
 * a pronoun or "who", a group ("Republican voters", "about 4 in 10"). Not "the beam" of "the beam supports the roof".
 */
export function namesPeople(p: SegmentPass, phrase: PhraseRange): boolean {
  const head = p.view.units[phrase.last]!;
  if (STANCE_HOLDERS.has(head.lower) || head.pos === 'NUM') return true;
  if (phrase.first === phrase.last && /^(it|this|that|which)$/.test(head.lower)) return true;
  const speaker = resolveSpeaker(speakerContext(p), phrase);
  const type = speaker.entityId ? p.entities.get(speaker.entityId)?.type : undefined;
  if (type) return type === 'person' || type === 'organization';
  return head.pos === 'PROPN';
}

/** The subject of the stance verb at unit `i` when it names people, else null. */
function holder(p: SegmentPass, i: number): PhraseRange | null {
  const phrase = phraseBefore(p.view.units, i, p.view.a, false);
  if (!phrase || inQuote(p.view, phrase.first)) return null;
  return namesPeople(p, phrase) ? phrase : null;
}

/** True when a quote already found overlaps the span (the stance is someone's reported speech already). */
function covered(p: SegmentPass, span: Span): boolean {
  return quotesReaching(p).some((q) => q.embed === undefined && q.start < span.end && span.start < q.end);
}

/** Words after the verb that make it a passive or a phrasal verb of another sense ("backed by", "backing down"). */
const NOT_OBJECT = new Set(['by', 'down', 'up', 'off', 'away', 'out', 'in', 'into']);

/**
 * True when unit `i` is a stance verb this finder reads: a lower-case verb form (not a headline's), outside quotations,
 * not negated, not passive.
 */
function stanceVerb(p: SegmentPass, i: number): boolean {
  const u = p.view.units[i]!;
  if (!STANCE_OBJECT_CUES.has(u.value) || u.pos !== 'VERB' || inQuote(p.view, i)) return false;
  if (NOT_OBJECT.has(p.view.units[i + 1]?.lower ?? '')) return false;
  return !negated(p.view.units, i) && !covered(p, u);
}

/**
 * Finder `quotes/stance-object`: a position held by a source that no cue of speech reports, the object of a stance
 * verb with a subject that names people ("about 6 in 10 white men supported Sanders", "voters who want a switch to more
 * liberal policies", "many Republicans fear exactly the kind of jurist ..."). Runs after the other finders and skips
 * what they found.
 */
export function findStanceObjects(p: SegmentPass, _atts: readonly Attribution[]): boolean {
  let found = false;
  for (let i = p.view.a + 1; i <= p.view.b; i++) {
    if (!stanceVerb(p, i)) continue;
    const phrase = holder(p, i);
    const content = phrase ? stanceObject(p, i) : null;
    if (!phrase || !content || covered(p, content)) continue;
    const speaker = resolveSpeaker(speakerContext(p), phrase);
    emitReported(p, { rule: 'quotes/stance-object', content, cue: p.view.units[i]!.value, speaker });
    found = true;
  }
  return found;
}
