import type { Span } from '../../model.js';
import { boundedMemo, type BoundedMemo, type RunContext } from '../../run-context.js';
import {
  LEARNED_CUES,
  learnedCueKey,
  type LearnedContent,
  type LearnedCue,
  type LearnedLexicon,
} from '../../lexicon/learned-cues.js';
import { phraseBefore, type PhraseRange } from './find-speaker-phrase.js';
import { namesPeople } from './find-stance-objects.js';
import { emitReported, speakerContext, type SegmentPass } from './quote-pass.js';
import { resolveSpeaker } from './resolve-speaker.js';
import { inQuote } from './segment-cues.js';

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
/** Units that end a clause, and units that end a sentence (a content never runs past a quotation mark). */
const CLAUSE_END = /^(?:[,;:.!?()—–"“”]|--)$/;
const SENTENCE_END = /^[;.!?()"“”]$/;
/** Words before a form that negate it: PolNeAR attributes negated cues too, so they join the cue ("did not agree"). */
const NEGATIONS = new Set(['not', "n't", 'n’t', 'never', 'no', 'nor', 'cannot']);

/** True when a quote that is already found (and not embedded) overlaps the span. */
function covered(p: SegmentPass, span: Span, probe: boolean): boolean {
  return p.state.out.some(
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

/** The content after the form ending at unit `last`, up to the clause's or sentence's end; null when empty. */
function contentAfter(p: SegmentPass, last: number, end: RegExp, probe: boolean): Span | null {
  const { units } = p.view;
  let first = last + 1;
  if (units[first]?.lower === 'that' && first <= p.view.b) first++;
  let to = first - 1;
  while (to + 1 <= p.view.b && !end.test(units[to + 1]!.value) && !covered(p, units[to + 1]!, probe)) to++;
  return to >= first ? { start: units[first]!.start, end: units[to]!.end } : null;
}

/** The clause before the subject phrase (or the cue, without one) starting at unit `from`; null when empty. */
function contentBefore(p: SegmentPass, from: number, probe: boolean): Span | null {
  const { units } = p.view;
  let last = from - 1;
  if (units[last]?.value === ',' && last >= p.view.a) last--;
  let first = last + 1;
  while (first - 1 >= p.view.a && !CLAUSE_END.test(units[first - 1]!.value) && !covered(p, units[first - 1]!, probe)) {
    first--;
  }
  return last >= first ? { start: units[first]!.start, end: units[last]!.end } : null;
}

/** The content a reading governs at the form from unit `i` to `last`, whose subject phrase is `phrase`. */
function contentOf(
  p: SegmentPass,
  at: { i: number; last: number; phrase: PhraseRange | null },
  content: LearnedContent,
  probe: boolean,
): Span | null {
  if (content === 'before') return contentBefore(p, at.phrase?.first ?? at.i, probe);
  return contentAfter(p, at.last, content === 'after-clause' ? CLAUSE_END : SENTENCE_END, probe);
}

/** The first unit of the cue: a negation up to three units before the form, else the form's first. */
function cueStart(p: SegmentPass, i: number): number {
  for (let k = i - 1; k >= Math.max(p.view.a, i - 3); k--) if (NEGATIONS.has(p.view.units[k]!.lower)) return k;
  return i;
}

/**
 * True when unit `i` may open a learned cue: a lower-case form (not a headline's title case), outside quotations and
 * quotes already found, not followed by a passive's "by" or a particle.
 */
function openable(p: SegmentPass, i: number, probe: boolean): boolean {
  const u = p.view.units[i]!;
  if (u.value !== u.lower || inQuote(p.view, i) || covered(p, u, probe)) return false;
  return !NOT_CONTENT.has(p.view.units[i + 1]?.lower ?? '');
}

/** Parts of speech of a function word: such a form ("that", "about", "whether") is the cue with the word before it. */
const FUNCTION_POS = new Set(['SCONJ', 'ADP', 'ADV', 'PART', 'PRON', 'DET', 'CCONJ', 'AUX']);

/**
 * The first unit of the cue whose form opens at unit `i`: the word before a function word ("concerns about", "asked
 * whether"), when it is a lower-case word outside quotations; else `i`.
 */
function cueHead(p: SegmentPass, i: number): number {
  const u = p.view.units[i]!;
  const prev = p.view.units[i - 1];
  if (!FUNCTION_POS.has(u.pos) || !prev || i - 1 < p.view.a || prev.type !== 'word') return i;
  return prev.value === prev.lower && !inQuote(p.view, i - 1) ? i - 1 : i;
}

/** The subject phrase before unit `head`, outside quotations, and whether it names people. */
function subjectOf(p: SegmentPass, head: number): { phrase: PhraseRange | null; people: boolean } {
  const phrase = phraseBefore(p.view.units, head, p.view.a, false);
  if (!phrase || inQuote(p.view, phrase.first)) return { phrase: null, people: false };
  return { phrase, people: namesPeople(p, phrase) };
}

/** Records what each lexicon form at unit `i` would read, for the learner. */
function probeAt(p: SegmentPass, i: number, lexicon: LearnedLexicon, probe: LearnedProbe[]): void {
  const head = cueHead(p, i);
  const { phrase, people } = subjectOf(p, head);
  for (const { key, last } of formsAt(p, i)) {
    if (!lexicon.has(key) || NOT_CONTENT.has(p.view.units[last + 1]?.lower ?? '')) continue;
    const at = { i: head, last, phrase };
    const contents = {
      'after-clause': contentOf(p, at, 'after-clause', true),
      'after-sentence': contentOf(p, at, 'after-sentence', true),
      before: contentOf(p, at, 'before', true),
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
  const { phrase, people } = subjectOf(p, head);
  if (cue.subject === 'people' && !people) return false;
  const content = contentOf(p, { i: head, last: form.last, phrase }, cue.content, false);
  if (!content) return false;
  const { units } = p.view;
  // A subject that names no people ("the problem for Mexico is that") is no speaker: the quote says where it looked.
  const speaker = phrase && people ? resolveSpeaker(speakerContext(p), phrase) : null;
  const words = p.article.text.slice(units[cueStart(p, head)]!.start, units[form.last]!.end);
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
