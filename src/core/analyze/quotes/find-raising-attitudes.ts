import type { Span } from '../../model.js';
import type { WordUnit } from '../entities/word-units.js';
import type { SegmentView } from './segment-cues.js';

/** Verbs of seeming whose clause PolNeAR annotates as an attitude with no named source ("X seemed to ..."). */
const SEEM = new Set(['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared']);
/** Predicates of expectation after a form of "be" ("is expected to", "are likely to"). */
const EXPECTED = new Set(['expected']);
/** Passive verbs of regard after a form of "be" ("is seen as", "was viewed as"). */
const REGARDED = new Set(['seen', 'viewed', 'regarded', 'perceived']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", '’s']);

/** An attitude stated without its holder: the cue and the clause it qualifies. */
export interface RaisingAttitude {
  cue: string;
  /** Where the cue stands. */
  at: number;
  content: Span;
}

/** True when unit `i` is a seeming verb used as one ("seemed to", "appears unlikely", "it appears that"). */
function seems(units: readonly WordUnit[], i: number): boolean {
  const next = units[i + 1];
  if (!next) return false;
  if (/^(to|that|like)$/.test(next.lower) || next.value === ',') return true;
  return next.pos === 'ADJ' || next.pos === 'ADV';
}

/**
 * The first raising cue of a segment outside quotations ("seemed to", "is expected to", "is seen as") with the whole
 * segment as its content: PolNeAR's content is the subject and the complement around the cue. Null when there is none.
 */
export function raisingAttitude(text: string, view: SegmentView, segment: Span): RaisingAttitude | null {
  if (view.quotes.length > 0) return null;
  const { units } = view;
  for (let i = view.a + 1; i <= view.b; i++) {
    if (!raisingCue(units, i)) continue;
    let { start, end } = segment;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /[\s.!?]/.test(text[end - 1]!)) end--;
    return { cue: units[i]!.value, at: units[i]!.start, content: { start, end } };
  }
  return null;
}

/** True when unit `i` is a raising cue: a seeming verb, "be expected to", "be seen as". */
function raisingCue(units: readonly WordUnit[], i: number): boolean {
  const u = units[i]!;
  if (SEEM.has(u.lower)) return seems(units, i);
  const afterBe = BE.has(units[i - 1]?.lower ?? '');
  if (EXPECTED.has(u.lower)) return afterBe && units[i + 1]?.lower === 'to';
  return REGARDED.has(u.lower) && afterBe && units[i + 1]?.lower === 'as';
}
