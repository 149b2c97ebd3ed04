import type { Speaker } from '../../model.js';
import type { WordUnit } from '../entities/word-units.js';
import { cueAt, type Cue } from './find-cues.js';
import { phraseAfter, phraseBefore, type PhraseRange } from './find-speaker-phrase.js';
import type { QuotedSpan } from './find-quoted-spans.js';
import type { LinkedMention } from './resolve-speaker.js';
import { mentionsIn } from './resolve-speaker.js';

/** A cue with its speaker phrase, and where the phrase stands: before the cue, after it, or carried (participles). */
export interface Attribution {
  cue: Cue;
  phrase: PhraseRange | null;
  side: 'before' | 'after' | 'subject';
  speaker: Speaker | null;
}

/** The units of one segment, outside quotation marks, and the quoted spans that open in it. */
export interface SegmentView {
  units: readonly WordUnit[];
  /** First and last unit index of the segment. */
  a: number;
  b: number;
  quotes: readonly QuotedSpan[];
}

/** True when unit `i` lies inside one of the segment's quotations. */
export function inQuote(view: SegmentView, i: number): boolean {
  return inQuoteAt(view, view.units[i]!.start);
}

/** True when the text offset `at` lies inside one of the segment's quotations. */
export function inQuoteAt(view: SegmentView, at: number): boolean {
  return view.quotes.some((q) => q.open < at && at < (q.close ?? q.end + 1));
}

/** The first unit of the segment that is a word, skipping dashes and quotation marks. */
function firstWord(view: SegmentView): number {
  let k = view.a;
  while (k <= view.b && view.units[k]!.type !== 'word') k++;
  return k;
}

/** Cues in a segment outside its quotations. */
export function segmentCues(view: SegmentView): Cue[] {
  const cues: Cue[] = [];
  const start = firstWord(view);
  for (let i = view.a; i <= view.b; i++) {
    if (inQuote(view, i)) continue;
    const cue = cueAt(view.units, i, i === start);
    if (!cue) continue;
    cues.push(cue);
    i = cue.last;
  }
  return cues;
}

/** The subject of the clause a participle cue hangs on: the first named entity or a pronoun opening the segment. */
function clauseSubject(view: SegmentView, cue: Cue, mentions: readonly LinkedMention[]): PhraseRange | null {
  const { units } = view;
  let pronoun = -1;
  for (let k = view.a; k < cue.first; k++) {
    if (/^(he|she|they)$/.test(units[k]!.lower) && !inQuote(view, k)) {
      pronoun = k;
      break;
    }
  }
  const from = units[view.a]!.start;
  const to = pronoun >= 0 ? units[pronoun]!.start : units[cue.first]!.start;
  const named = mentionsIn(mentions, from, to).find((m) => {
    const after = unitFrom(view, m.mention.end);
    return m.entity.type !== 'place' && !/^['’]s$/.test(units[after]?.value ?? '') && !inQuoteAt(view, m.mention.start);
  });
  if (!named) return pronoun >= 0 ? { first: pronoun, last: pronoun } : null;
  const first = unitFrom(view, named.mention.start);
  let last = first;
  while (last + 1 <= view.b && units[last + 1]!.end <= named.mention.end) last++;
  return first <= view.b ? { first, last } : null;
}

/** The first unit of the segment starting at or after a character offset. */
function unitFrom(view: SegmentView, pos: number): number {
  let k = view.a;
  while (k <= view.b && view.units[k]!.start < pos) k++;
  return k;
}

/** For "Guterres, who said", the phrase before the comma; other phrases unchanged. */
function relativeAntecedent(view: SegmentView, phrase: PhraseRange | null): PhraseRange | null {
  if (!phrase || phrase.first !== phrase.last || !/^(who|which)$/.test(view.units[phrase.first]!.lower)) return phrase;
  const comma = phrase.first - 1;
  if (view.units[comma]?.value !== ',') return null;
  const before = phraseBefore(view.units, comma, view.a);
  if (!before) return null;
  // "drawing fire from both conservatives and leftists, who argue": the antecedent is the noun phrase after the last
  // verb or preposition of the phrase, not the clause around it.
  let first = before.first;
  for (let k = before.first; k < before.last; k++) {
    const u = view.units[k]!;
    if ((u.pos === 'VERB' || u.pos === 'ADP') && u.lower !== 'of') first = k + 1;
  }
  while (first < before.last && /^(both|either|neither|all)$/.test(view.units[first]!.lower)) first++;
  return { first, last: before.last };
}

/**
 * The noun phrase a participle follows with no comma between ("footage of Trump saying", "protesters chanting", "a
 * statement saying"): the participle modifies it, so it speaks. A person named right before the participle wins over
 * the longer phrase around it. Null after a comma, a conjunction or a verb ("..., saying", "while chanting").
 */
function participleSubject(view: SegmentView, cue: Cue, mentions: readonly LinkedMention[]): PhraseRange | null {
  const k = cue.first - 1;
  const prev = view.units[k];
  if (!prev || k < view.a || !/^(NOUN|PROPN)$/.test(prev.pos) || inQuote(view, k)) return null;
  // A place or an outlet before the participle is where it was said ("on Facebook writing"), not who said it.
  const named = mentionsIn(mentions, prev.start, prev.end).find((m) => m.mention.end === prev.end);
  if (named) {
    const first = unitFrom(view, named.mention.start);
    return named.entity.type === 'person' && first <= k ? { first, last: k } : null;
  }
  const phrase = phraseBefore(view.units, cue.first, view.a, false);
  if (!phrase || phrase.last !== k) return null;
  // "his memo to employees explaining": after a preposition other than "of" ("one of her ads asking") the phrase may
  // end in the participle's object, not its subject.
  for (let j = phrase.first; j <= phrase.last; j++) {
    if (view.units[j]!.pos === 'ADP' && view.units[j]!.lower !== 'of') return null;
  }
  return phrase;
}

/**
 * For "I laughed and said", "Ms. Sherry smiled and said": the subject of the verb right before the conjunction, when
 * that verb is not itself the previous cue (whose phrase then serves), else null.
 */
function firstVerbSubject(
  view: SegmentView,
  cue: Cue,
  previous: Omit<Attribution, 'speaker'> | undefined,
): PhraseRange | null {
  const verb = cue.first - 2;
  const u = view.units[verb];
  if (!u || verb <= view.a || u.pos !== 'VERB' || previous?.cue.last === verb || inQuote(view, verb)) return null;
  const phrase = phraseBefore(view.units, verb, view.a);
  return phrase && !inQuote(view, phrase.first) ? phrase : null;
}

/** The attribution of a participle cue: its own subject before it, else the previous cue's, else the clause's. */
function participleAttribution(
  view: SegmentView,
  cue: Cue,
  mentions: readonly LinkedMention[],
  previous: Omit<Attribution, 'speaker'> | undefined,
): Omit<Attribution, 'speaker'> {
  const own = participleSubject(view, cue, mentions);
  if (own) return { cue, phrase: own, side: 'before' };
  return { cue, phrase: previous?.phrase ?? clauseSubject(view, cue, mentions), side: 'subject' };
}

/** The attribution of a finite cue: its speaker phrase before it ("Price said"), else after it ("said Price"). */
function finiteAttribution(view: SegmentView, cue: Cue): Omit<Attribution, 'speaker'> | null {
  const before = relativeAntecedent(view, phraseBefore(view.units, cue.first, view.a));
  if (before && !inQuote(view, before.first)) return { cue, phrase: before, side: 'before' };
  const after = cue.kind === 'speech' ? phraseAfter(view.units, cue.last, view.b) : null;
  return after ? { cue, phrase: after, side: 'after' } : null;
}

/** The attribution of one cue given the attributions before it in the segment, or null when it has no speaker phrase. */
function attributionOf(
  view: SegmentView,
  cue: Cue,
  mentions: readonly LinkedMention[],
  previous: Omit<Attribution, 'speaker'> | undefined,
): Omit<Attribution, 'speaker'> | null {
  if (cue.kind === 'according-to') return { cue, phrase: phraseAfter(view.units, cue.last, view.b), side: 'after' };
  if (cue.kind === 'participle') return participleAttribution(view, cue, mentions, previous);
  if (/^(and|but|or)$/.test(view.units[cue.first - 1]?.lower ?? '')) {
    // "... met with Netanyahu and reiterated": the subject of the first verb speaks.
    const phrase = firstVerbSubject(view, cue, previous) ?? previous?.phrase ?? clauseSubject(view, cue, mentions);
    return { cue, phrase, side: 'subject' };
  }
  return finiteAttribution(view, cue);
}

/** Finds each cue's speaker phrase: before the cue ("Price said"), after it ("said Price", "according to X"). */
export function attachPhrases(
  view: SegmentView,
  cues: readonly Cue[],
  mentions: readonly LinkedMention[],
): Omit<Attribution, 'speaker'>[] {
  const out: Omit<Attribution, 'speaker'>[] = [];
  for (const cue of cues) {
    const at = attributionOf(view, cue, mentions, out.at(-1));
    if (at) out.push(at);
  }
  return out;
}
