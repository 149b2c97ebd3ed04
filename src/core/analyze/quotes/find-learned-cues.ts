import type { Span, Speaker } from '../../model.js';
import { boundedMemo, type BoundedMemo, type RunContext } from '../../run-context.js';
import {
  LEARNED_CUES,
  learnedCueKey,
  type LearnedContent,
  type LearnedCue,
  type LearnedLexicon,
} from '../../lexicon/learned-cues.js';
import type { WordUnit } from '../entities/word-units.js';
import { phraseBefore, type PhraseRange } from './find-speaker-phrase.js';
import { namesPeople } from './find-stance-objects.js';
import { emitReported, quotesReaching, speakerContext, type SegmentPass } from './quote-pass.js';
import { mentionsIn, resolveSpeaker } from './resolve-speaker.js';
import { inQuote, inQuoteAt } from './segment-cues.js';

const RULE = 'quotes/learned-cue';

/** What the learner records of one cue occurrence in probe mode: every content it could govern, and its subject. */
export interface LearnedProbe {
  key: string;
  cue: Span;
  contents: Record<LearnedContent, Span | null>;
  /** True when the cue's subject is a phrase that names people. */
  people: boolean;
}

/**
 * The finder's options: the lexicon to read (default the shipped one) and, for the learner only, a probe list. With a
 * probe list the finder proposes nothing: it records each occurrence of a lexicon form it would read, so that the
 * other finders' quotes stay as they are.
 */
export interface LearnedCueOptions {
  lexicon: LearnedLexicon;
  probe?: LearnedProbe[];
}

const OPTIONS_MEMO = 'quotes/learned-cue-options';

/**
 * A run context that reads the learned-cue finder with these options and shares every other memo with `base` (so that
 * the learner can run the finder with several lexicons without analyzing a text again).
 */
export function withLearnedCues(base: RunContext, options: LearnedCueOptions): RunContext {
  const own = boundedMemo<string, LearnedCueOptions>(1);
  own.remember('options', options);
  return {
    memo<K, V>(name: string, limit: number): BoundedMemo<K, V> {
      return name === OPTIONS_MEMO ? (own as unknown as BoundedMemo<K, V>) : base.memo<K, V>(name, limit);
    },
  };
}

/** The options of a run: those set by `withLearnedCues`, else the shipped lexicon. */
function optionsOf(run: RunContext): LearnedCueOptions {
  return run.memo<string, LearnedCueOptions>(OPTIONS_MEMO, 1).get('options', () => ({ lexicon: LEARNED_CUES }));
}

/** Function words that make a two-word form with the word before ("support for", "questions about", "agreed to"). */
const SECOND_WORDS = new Set(['about', 'against', 'at', 'for', 'from', 'of', 'on', 'over', 'to', 'with', 'that']);
/** Words after a form that make it a passive or a phrasal verb of another sense ("named by", "backing down"). */
const NOT_CONTENT = new Set(['by', 'down', 'up', 'off', 'away', 'out', 'in', 'into']);
/**
 * Verbs of aspect: never a learned cue's form, nor is the verb after one; their object is the subject's doing, not its
 * words ("Hamas started launching rockets").
 */
const ASPECT_VERBS =
  /^(?:start|starts|started|starting|begin|begins|began|begun|beginning|continue|continues|continued|continuing|stop|stops|stopped|stopping|keep|keeps|kept|keeping|finish|finished)$/;
/**
 * Other words that are never a learned cue's form: participles used as prepositions ("asked Biden following a press
 * conference"), light verbs, whose object is the cue if anything is ("Biden made his statement", "gave a speech"), and
 * "read", which gives a text only before a colon or a quotation (the quotation finder's "reads:"), else is reading.
 */
const NOT_FORMS = new RegExp(
  '^(?:following|including|during|regarding|concerning|considering|given|' +
    'make|makes|made|making|take|takes|took|taken|taking|give|gives|gave|giving|get|gets|got|getting|' +
    'have|has|had|having|do|does|did|doing|read|reads|reading)$',
);
/** Units that end a clause, and units that end a sentence (a content never runs past a quotation mark). */
const CLAUSE_END = /^(?:[,;:.!?()—–"“”]|--)$/;
const SENTENCE_END = /^[;.!?()"“”]$/;
/** Words before a form that negate it: PolNeAR attributes negated cues too, so they join the cue ("did not agree"). */
const NEGATIONS = new Set(['not', "n't", 'n’t', 'never', 'no', 'nor', 'cannot']);

/** Parts of speech of a function word: such a form ("that", "about", "whether") is the cue with the word before it. */
const FUNCTION_POS = new Set(['SCONJ', 'ADP', 'ADV']);
/** Parts of speech that are no cue, alone or with the word before ("would", "some", "himself"). */
const NO_CUE_POS = new Set(['AUX', 'DET', 'PRON', 'PART', 'CCONJ', 'NUM', 'PUNCT', 'SYM', 'X']);

/** True when a quote that is already found (and not embedded) overlaps the span. */
function covered(p: SegmentPass, span: Span, probe: boolean): boolean {
  return quotesReaching(p).some(
    (q) => q.embed === undefined && (!probe || q.provenance.rule !== RULE) && q.start < span.end && span.start < q.end,
  );
}

/** The forms at unit `i` (a word and a function word after it, then the word alone), with their last units. */
function formsAt(p: SegmentPass, i: number): { key: string; last: number }[] {
  const { units } = p.view;
  const u = units[i]!;
  const next = units[i + 1];
  const forms = [{ key: learnedCueKey(u.lower, u.pos), last: i }];
  if (next && i + 1 <= p.view.b && SECOND_WORDS.has(next.value)) {
    forms.unshift({ key: learnedCueKey(`${u.lower} ${next.lower}`, u.pos), last: i + 1 });
  }
  return forms;
}

/** Parts of speech a content cut short may not end with ("telling them that", "an"). */
const TRAILING_POS = new Set(['SCONJ', 'ADP', 'ADV', 'PART', 'PRON', 'DET', 'CCONJ', 'AUX']);
/** Quotation marks: a content cut by one (or by the colon ending its segment) ends where the quotation opens. */
const QUOTE_MARK = /^["“”]$/;
/** A content about asking for comment ("requests for comment"): an outlet's narration, not the subject's words. */
const ASKED_FOR_COMMENT = /^(?:requests?|calls?|messages?|e-?mails?|inquir(?:y|ies))\b.*\bcomment/i;

/**
 * The last unit of a content cut short by a quotation or a quote already found: back to before its last comma, dash or
 * conjunction
 * ("called Netanyahu, the Israeli Prime Minister, emphasizing"), and before trailing function words ("telling them
 * that"), so that the content does not end mid-phrase.
 */
function trimCut(units: readonly WordUnit[], first: number, to: number): number {
  let last = to;
  for (let k = to; k > first; k--) {
    if (/^(?:[,—–]|--)$/.test(units[k]!.value) || units[k]!.pos === 'CCONJ') {
      last = k - 1;
      break;
    }
  }
  while (last >= first && (units[last]!.type !== 'word' || TRAILING_POS.has(units[last]!.pos))) last--;
  return last;
}

/** The first unit from `first` (up to `last`) that is no adverb. */
function firstNonAdverb(units: readonly WordUnit[], first: number, last: number): number {
  let k = first;
  while (k < last && units[k]!.pos === 'ADV') k++;
  return k;
}

/** Words that only say when ("spoke again Tuesday"): a content needs two words besides them. */
const WHEN_WORDS =
  /^(?:again|also|today|yesterday|tomorrow|tonight|later|earlier|recently|now|then|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|month|year|last|next|this|on)$/;

/** The words of units `first` to `last` other than determiners and words of time ("the park" is one word of content). */
function contentWords(units: readonly WordUnit[], first: number, last: number): number {
  let words = 0;
  for (let k = first; k <= last; k++) {
    const u = units[k]!;
    if (u.type === 'word' && u.pos !== 'DET' && !WHEN_WORDS.test(u.lower)) words++;
  }
  return words;
}

/**
 * True when the content opening at unit `first` is no object of the one-word form at unit `i`: a preposition ("phone
 * calls with Abbas"), a verb after a noun (the noun is the clause's subject: "such statements have to be agreed"), a
 * noun after an adjective (an attribute: "already worried Democrats").
 */
function notObject(units: readonly WordUnit[], i: number, first: number, last: number): boolean {
  const head = units[i]!;
  const open = units[first]!;
  if (head.pos === 'SCONJ') return false;
  if (open.pos === 'ADP' && open.lower !== 'that') return true;
  const verb = /^(VERB|AUX)$/.test(units[firstNonAdverb(units, first, last)]!.pos);
  if (/^(NOUN|PROPN)$/.test(head.pos) && verb) return true;
  return head.pos === 'ADJ' && /^(NOUN|PROPN)$/.test(open.pos);
}

/** True when "that" before unit `first` opens a relative clause on a noun ("the group that controls the territory"). */
function relativeClause(p: SegmentPass, first: number, last: number): boolean {
  const { units } = p.view;
  const that = first - 1;
  if (units[that]?.lower !== 'that' || that <= p.view.a || units[that - 1]!.pos !== 'NOUN') return false;
  return /^(VERB|AUX)$/.test(units[firstNonAdverb(units, first, last)]!.pos);
}

/**
 * True when units `first` to `last` read as the content of the form from unit `form.i` to `form.last`: two words or
 * more besides determiners and words of time, opening with a word, an object of a one-word form, no names-only object
 * of a verb, no relative clause, no request for comment.
 */
function readable(p: SegmentPass, form: { i: number; last: number }, first: number, last: number): boolean {
  const { units } = p.view;
  const open = units[first];
  if (!open || open.type !== 'word' || contentWords(units, first, last) < 2) return false;
  if (form.last === form.i && notObject(units, form.i, first, last)) return false;
  const head = units[form.i]!;
  if ((head.pos === 'VERB' && namesOnly(units, first, last)) || relativeClause(p, first, last)) return false;
  const text = p.article.text;
  const end = units[last]!.end;
  return !ASKED_FOR_COMMENT.test(text.slice(open.start, end)) && !ASKED_FOR_COMMENT.test(text.slice(head.start, end));
}

/**
 * True when the content's first clause is a name and nothing else but words of time ("called Benjamin Netanyahu, the
 * Israeli Prime Minister", "called Ivo Sand on Monday"): the verb's object is a person or a body, not something said.
 */
function namesOnly(units: readonly WordUnit[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const u = units[k]!;
    if (/^(?:[,—–(]|--)$/.test(u.value)) break;
    if (u.type === 'word' && u.pos !== 'PROPN' && u.pos !== 'DET' && !WHEN_WORDS.test(u.lower)) return false;
  }
  return true;
}

/**
 * After a noun form, the last unit of its content's noun phrase: the content ends before a verb that follows a noun
 * ("dozens of street clashes have erupted": the form's phrase is the clause's subject, the verb no part of it).
 */
function nounContentEnd(units: readonly WordUnit[], first: number, to: number): number {
  for (let k = first + 1; k <= to; k++) {
    if (/^(VERB|AUX)$/.test(units[k]!.pos) && /^(NOUN|PROPN|PRON)$/.test(units[k - 1]!.pos)) return k - 1;
  }
  return to;
}

/** The content after the form ending at unit `form.last`, up to the clause's or sentence's end; null when none. */
function contentAfter(p: SegmentPass, form: { i: number; last: number }, end: RegExp, probe: boolean): Span | null {
  const { units } = p.view;
  let first = form.last + 1;
  if (units[first]?.lower === 'that' && first <= p.view.b) first++;
  const clause = units[first - 1]!.lower === 'that';
  let to = first - 1;
  while (to + 1 <= p.view.b && !end.test(units[to + 1]!.value) && !covered(p, units[to + 1]!, probe)) to++;
  const next = units[to + 1];
  const cut = to + 1 <= p.view.b ? QUOTE_MARK.test(next!.value) || covered(p, next!, probe) : next?.value === ':';
  if (cut) to = trimCut(units, first, to);
  if (/^(NOUN|PROPN)$/.test(units[form.i]!.pos) && !clause) to = nounContentEnd(units, first, to);
  return to >= first && readable(p, form, first, to) ? { start: units[first]!.start, end: units[to]!.end } : null;
}

/** The content a reading governs after the form from unit `form.i` to `form.last`. */
function contentOf(
  p: SegmentPass,
  form: { i: number; last: number },
  content: LearnedContent,
  probe: boolean,
): Span | null {
  return contentAfter(p, form, content === 'after-clause' ? CLAUSE_END : SENTENCE_END, probe);
}

/** The first unit of the cue: a negation up to three units before the form, else the form's first. */
function cueStart(p: SegmentPass, i: number): number {
  for (let k = i - 1; k >= Math.max(p.view.a, i - 3); k--) if (NEGATIONS.has(p.view.units[k]!.lower)) return k;
  return i;
}

/**
 * True when unit `i` may open a learned cue: a lower-case form (not a headline's title case), outside quotations and
 * quotes already found, not after a verb of aspect ("started launching"), not followed by a passive's "by" or a particle.
 */
function openable(p: SegmentPass, i: number, probe: boolean): boolean {
  const u = p.view.units[i]!;
  const prev = p.view.units[i - 1]?.lower ?? '';
  if (u.value !== u.lower || NO_CUE_POS.has(u.pos) || NEGATIONS.has(u.lower)) return false;
  if (NOT_FORMS.test(u.lower) || ASPECT_VERBS.test(u.lower) || ASPECT_VERBS.test(prev)) return false;
  if (inQuote(p.view, i) || covered(p, u, probe)) return false;
  return !NOT_CONTENT.has(p.view.units[i + 1]?.lower ?? '');
}

/**
 * The first unit of the cue whose form opens at unit `i`: a function word ("that", "about", "whether") is the cue only
 * with the content word before it ("concerns about", "asked whether"), a lower-case word outside quotations; -1 when
 * there is none ("it's an insult not only to").
 */
function cueHead(p: SegmentPass, i: number): number {
  const u = p.view.units[i]!;
  const prev = p.view.units[i - 1];
  if (!FUNCTION_POS.has(u.pos)) return i;
  if (!prev || i - 1 < p.view.a || !/^(VERB|NOUN|ADJ)$/.test(prev.pos) || NEGATIONS.has(prev.lower)) return -1;
  return prev.value === prev.lower && !inQuote(p.view, i - 1) ? i - 1 : -1;
}

/**
 * True when a verb at unit `head` with no subject phrase may still report someone's words: it opens the segment, follows
 * a comma, a conjunction or "to" ("..., tweeting that", "and agreed to"), or a noun the phrase finder could not read as
 * a subject; not after a relative "that" ("airstrikes that have targeted"), another verb ("sent already worried
 * Democrats") or a quoted title ('the so-called "reform" passed'), auxiliaries and adverbs skipped.
 */
function carriedVerb(p: SegmentPass, head: number): boolean {
  const { units } = p.view;
  let k = head - 1;
  while (k >= p.view.a && /^(ADV|AUX|PART)$/.test(units[k]!.pos) && units[k]!.lower !== 'to') k--;
  const prev = units[k];
  if (k < p.view.a || !prev) return true;
  if (/^(?:that|which)$/.test(prev.lower)) return false;
  return /^(?:[,;:—–(]|--|and|but|or|to)$/.test(prev.lower) || /^(NOUN|PROPN|PRON)$/.test(prev.pos);
}

/** The subject phrase before unit `head`, outside quotations: for "Omar (D-Minn.), who called", the name before "who". */
function subjectPhrase(p: SegmentPass, head: number): PhraseRange | null {
  const { units, a } = p.view;
  const phrase = phraseBefore(units, head, a, false);
  if (!phrase || inQuote(p.view, phrase.first)) return null;
  const who = phrase.first === phrase.last && units[phrase.first]!.lower === 'who';
  if (!who || units[phrase.first - 1]?.value !== ',' || phrase.first - 1 <= a) return phrase;
  const antecedent = phraseBefore(units, phrase.first - 1, a);
  return antecedent && !inQuote(p.view, antecedent.first) ? antecedent : phrase;
}

/**
 * The subject of the verb a noun cue is the object of ("Ortiz has no doubt that", "Ortiz made the argument that"), when
 * it names people: a verb at most four units before the noun, with no punctuation between.
 */
function verbSubject(p: SegmentPass, head: number): PhraseRange | null {
  const { units, a } = p.view;
  for (let k = head - 1; k >= Math.max(a, head - 4); k--) {
    const u = units[k]!;
    if (u.type !== 'word') return null;
    if (u.pos !== 'VERB' && u.pos !== 'AUX') continue;
    const phrase = subjectPhrase(p, k);
    return phrase && namesPeople(p, phrase) ? phrase : null;
  }
  return null;
}

/** Possessive pronouns of people: whose support, criticism or questions a noun cue names ("their support for"). */
const POSSESSIVES = new Set(['his', 'her', 'their', 'our', 'my']);

/**
 * The possessor of a noun cue, when it names people: a possessive pronoun ("their support for") or a name with "'s"
 * ("Ortiz's criticism of"), adjectives between skipped.
 */
function possessor(p: SegmentPass, head: number): PhraseRange | null {
  const { units, a } = p.view;
  let k = head - 1;
  while (k > a && units[k]!.pos === 'ADJ') k--;
  const u = units[k];
  if (!u || k < a || inQuote(p.view, k)) return null;
  if (POSSESSIVES.has(u.lower)) return { first: k, last: k };
  if (!/^['’]s$/.test(u.value)) return null;
  const phrase = subjectPhrase(p, k);
  return phrase && namesPeople(p, phrase) ? phrase : null;
}

/**
 * The subject phrase of the cue whose first unit is `head` (before its negation and auxiliaries) and whether it names
 * people; for a noun cue with no subject of its own, its possessor or the subject of the verb it is the object of.
 */
function subjectOf(p: SegmentPass, head: number): { phrase: PhraseRange | null; people: boolean } {
  const { units, a } = p.view;
  // Before the auxiliaries too ("voters do not support"): the phrase finder skips adverbs, not "do".
  let start = cueStart(p, head);
  while (start - 1 > a && /^(AUX|PART|ADV)$/.test(units[start - 1]!.pos) && units[start - 1]!.lower !== 'to') start--;
  const phrase = subjectPhrase(p, start);
  if (!phrase) {
    const holder = units[head]!.pos === 'NOUN' ? (possessor(p, head) ?? verbSubject(p, head)) : null;
    return { phrase: holder, people: holder !== null };
  }
  // A relative pronoun may stand for things ("airstrikes that have targeted"): it names people only as "who".
  const relative = phrase.first === phrase.last && /^(?:it|this|that|which)$/.test(p.view.units[phrase.first]!.lower);
  return { phrase, people: !relative && namesPeople(p, phrase) };
}

/** A personal pronoun opening the sentence, before unit `before`: the subject a later verb of the sentence carries. */
function pronounSubject(p: SegmentPass, before: number): PhraseRange | null {
  const { units, a } = p.view;
  return a < before && /^(?:he|she|they|i|we)$/.test(units[a]!.lower) ? { first: a, last: a } : null;
}

/**
 * The speaker of a verb cue with no subject of its own ("Ortiz toured the harbor and voiced support for"): the first
 * person its sentence names before it outside quotations, else the first organization, inferred (the sentence does not
 * say it of this verb). Null when the sentence names none.
 */
function clauseSubject(p: SegmentPass, before: number): Speaker | null {
  const named = mentionsIn(p.mentions, p.seg.start, before).filter((m) => !inQuoteAt(p.view, m.mention.start));
  const pick = named.find((m) => m.entity.type === 'person') ?? named.find((m) => m.entity.type === 'organization');
  if (!pick) return null;
  const { start, end } = pick.mention;
  const mention = { start, end, text: p.article.text.slice(start, end) };
  return { entityId: pick.entity.id, name: pick.entity.name, mention, inferred: true };
}

/**
 * The speaker of a learned cue opening at unit `start`: its subject, else the sentence's (a pronoun opening it, a name
 * in it). On the train split the sentence's subject is the true source more often than not, nouns included ("calls
 * for"), and it is marked inferred.
 */
function learnedSpeaker(p: SegmentPass, phrase: PhraseRange | null, start: number): Speaker | null {
  if (phrase) return resolveSpeaker(speakerContext(p), phrase);
  const pronoun = pronounSubject(p, start);
  return pronoun ? resolveSpeaker(speakerContext(p), pronoun) : clauseSubject(p, p.view.units[start]!.start);
}

/** Records what each lexicon form at unit `i` would read, for the learner. */
function probeAt(p: SegmentPass, i: number, lexicon: LearnedLexicon, probe: LearnedProbe[]): void {
  const head = cueHead(p, i);
  if (head < 0) return;
  const { phrase, people } = subjectOf(p, head);
  if (phrase ? !people : p.view.units[head]!.pos === 'VERB' && !carriedVerb(p, head)) return;
  for (const { key, last } of formsAt(p, i)) {
    if (!lexicon.has(key) || NOT_CONTENT.has(p.view.units[last + 1]?.lower ?? '')) continue;
    const contents = {
      'after-clause': contentOf(p, { i, last }, 'after-clause', true),
      'after-sentence': contentOf(p, { i, last }, 'after-sentence', true),
    };
    probe.push({ key, cue: { start: p.view.units[head]!.start, end: p.view.units[last]!.end }, contents, people });
  }
}

/** Proposes the quote of the first lexicon form at unit `i`, if its reading finds a subject and a content. */
function readAt(p: SegmentPass, i: number, lexicon: LearnedLexicon): boolean {
  const form = formsAt(p, i).find((f) => lexicon.has(f.key));
  const cue: LearnedCue | undefined = form && lexicon.get(form.key);
  if (!form || !cue || NOT_CONTENT.has(p.view.units[form.last + 1]?.lower ?? '')) return false;
  const head = cueHead(p, i);
  if (head < 0) return false;
  const { phrase, people } = subjectOf(p, head);
  // A subject that names no people ("airstrikes that have targeted", "the problem is that") tells of things, not words.
  if (phrase ? !people : p.view.units[head]!.pos === 'VERB' && !carriedVerb(p, head)) return false;
  if (cue.subject === 'people' && !people) return false;
  const content = contentOf(p, { i, last: form.last }, cue.content, false);
  if (!content) return false;
  const { units } = p.view;
  const start = cueStart(p, head);
  const speaker = learnedSpeaker(p, phrase, start);
  const words = p.article.text.slice(units[start]!.start, units[form.last]!.end);
  emitReported(p, { rule: RULE, content, cue: words, speaker });
  return true;
}

/**
 * Finder `quotes/learned-cue`: attributions by cues learned from the PolNeAR train split (`lexicon/learned-cues.json`,
 * written by `npm run learn:cues`), the long tail of cues no other finder reads ("agreed to", "questions about",
 * "criticism of"): the content on the learned side of the cue, its subject as the speaker. Runs last and skips what the
 * other finders found.
 */
export function findLearnedCues(p: SegmentPass): boolean {
  const { lexicon, probe } = optionsOf(p.run);
  let found = false;
  for (let i = p.view.a; i <= p.view.b; i++) {
    if (!openable(p, i, probe !== undefined)) continue;
    if (probe) probeAt(p, i, lexicon, probe);
    else found = readAt(p, i, lexicon) || found;
  }
  return found;
}
