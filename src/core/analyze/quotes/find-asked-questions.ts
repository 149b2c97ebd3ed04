import type { Span } from '../../model.js';
import type { SegmentView } from './segment-cues.js';

/** Words that open the question after a sentence-initial "Asked" ("Asked whether ...", "Asked about ..."). */
const QUESTION_OPENERS = new Set(['whether', 'if', 'about', 'what', 'why', 'how', 'when', 'who', 'to', 'for', 'by']);
const LEADS = new Set(['when', 'after', 'once', 'if']);

/** A question put to the subject of the sentence: the asker's phrase, if named ("by X"), and the question. */
export interface AskedQuestion {
  cue: string;
  asker: Span | null;
  content: Span;
}

/**
 * "Asked whether the plan would work, Ryan said ...", "When asked about the race, ...": the question is attributed
 * (PolNeAR marks it, with the asker as source when "by X" names one). The content runs to the first comma; null when
 * the segment does not open this way or the question is not closed by a comma.
 */
export function askedQuestion(view: SegmentView): AskedQuestion | null {
  const k = askedCue(view);
  if (k === null) return null;
  const by = asker(view, k + 1);
  if (!by) return null;
  const content = questionToComma(view, by.from);
  return content ? { cue: view.units[k]!.value, asker: by.asker, content } : null;
}

/** The unit of a segment-opening "asked" followed by a question opener ("When being asked whether"), or null. */
function askedCue(view: SegmentView): number | null {
  const { units } = view;
  let k = view.a;
  if (LEADS.has(units[k]?.lower ?? '')) k++;
  if (units[k]?.lower === 'being') k++;
  const cue = units[k];
  if (!cue || cue.lower !== 'asked' || !QUESTION_OPENERS.has(units[k + 1]?.lower ?? '')) return null;
  return k;
}

/** The asker named by "by X" at unit `from` (capitalized words) and where the question starts; null for a bare "by". */
function asker(view: SegmentView, from: number): { asker: Span | null; from: number } | null {
  const { units } = view;
  if (units[from]!.lower !== 'by') return { asker: null, from };
  let j = from + 1;
  while (j <= view.b && /^[A-Z]/.test(units[j]!.value)) j++;
  if (j === from + 1) return null;
  return { asker: { start: units[from + 1]!.start, end: units[j - 1]!.end }, from: j };
}

/** The question from unit `from` to the first comma, or null when other punctuation or the segment's end comes first. */
function questionToComma(view: SegmentView, from: number): Span | null {
  const { units } = view;
  for (let j = from; j <= view.b; j++) {
    const v = units[j]!.value;
    if (/^[.;:!?"“”]$/.test(v)) return null;
    if (v === ',') return j > from ? { start: units[from]!.start, end: units[j - 1]!.end } : null;
  }
  return null;
}
