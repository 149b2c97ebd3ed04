/**
 * The cue lexicon of the learned-cue finder (`quotes/learned-cue`), read from `learned-cues.json`, which
 * `npm run learn:cues` (scripts/learn-cues.ts) writes from word statistics of the PolNeAR train split: cue forms that
 * the other finders leave uncovered and that head true attributions often enough, each with the content it governs.
 */
import learned from './learned-cues.json' with { type: 'json' };

/** Where a learned cue's content lies: the clause after it, or the rest of the sentence after it. */
export type LearnedContent = 'after-clause' | 'after-sentence';

/** Who may be a learned cue's subject: anybody (or nobody named), or only a phrase that names people. */
export type LearnedSubject = 'any' | 'people';

/** The contents a learned cue may govern, in the order the learner tries them. */
export const LEARNED_CONTENTS: readonly LearnedContent[] = ['after-clause', 'after-sentence'];

/** The subjects a learned cue may require, in the order the learner tries them. */
export const LEARNED_SUBJECTS: readonly LearnedSubject[] = ['any', 'people'];

/** How a learned cue is read: the content it governs and the subject it needs. */
export interface LearnedCue {
  content: LearnedContent;
  subject: LearnedSubject;
}

/** One entry of the lexicon file: a cue form with its reading and the train counts it was chosen by. */
export interface LearnedCueEntry extends LearnedCue {
  /** The lower-cased form: one word, or a word and the function word after it ("support for"). */
  form: string;
  /** The coarse part of speech of the form's first word (wink's tag). */
  pos: string;
  /** Occurrences on the train split that no other finder's quote covers. */
  occurrences: number;
  /** Of those, how many lie inside the cue of a true attribution that no other finder matched. */
  cueHits: number;
  /** Quotes this reading proposes on the train split that match a true attribution, and that match none. */
  tp: number;
  fp: number;
}

/** The lexicon file: how it was made, and its entries sorted by form and part of speech. */
export interface LearnedCueFile {
  about: string;
  command: string;
  selection: { minTruePositives: number; minPrecision: number };
  crossValidation: string[];
  cues: LearnedCueEntry[];
}

/** A learned cue lexicon: `learnedCueKey(form, pos)` to the cue's reading. */
export type LearnedLexicon = ReadonlyMap<string, LearnedCue>;

/** The key of a cue form with the part of speech of its first word ("support for/NOUN"). */
export function learnedCueKey(form: string, pos: string): string {
  return `${form}/${pos}`;
}

/** The lexicon of a lexicon file's entries. */
export function lexiconOf(entries: readonly LearnedCueEntry[]): LearnedLexicon {
  return new Map(entries.map((e) => [learnedCueKey(e.form, e.pos), { content: e.content, subject: e.subject }]));
}

/** The lexicon file as shipped. */
export const LEARNED_CUE_FILE: LearnedCueFile = learned as LearnedCueFile;

/** The shipped lexicon of learned cues. */
export const LEARNED_CUES: LearnedLexicon = lexiconOf(LEARNED_CUE_FILE.cues);
