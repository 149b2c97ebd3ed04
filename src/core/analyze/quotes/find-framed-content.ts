import type { Span } from '../../model.js';
import type { SegmentView } from './segment-cues.js';

/** Sources that frame a clause when a sentence opens with them ("In a CNN poll released Monday, ..."). */
const FRAME_NOUNS = new Set(
  `poll polls survey surveys interview interviews statement letter speech op-ed memo report study tweet post email
video ad editorial column book essay remarks testimony filing memoir analysis`.split(/\s+/),
);
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'this', 'that']);
const MAX_FRAME = 14;

/** A clause framed by its source: the frame phrase (the source) and what it reports. */
export interface FramedContent {
  cue: string;
  source: Span;
  content: Span;
}

/**
 * "In a poll released Monday, 50 percent chose Clinton": a segment that opens with "In" and a determiner, names a
 * source noun before its first comma, and goes on with a clause. The content is the clause after the comma; the source
 * is the phrase after "In". Null for other segments.
 */
export function framedContent(text: string, view: SegmentView, segment: Span): FramedContent | null {
  const { units } = view;
  const first = units[view.a];
  if (!first || first.lower !== 'in' || !DETERMINERS.has(units[view.a + 1]?.lower ?? '')) return null;
  let noun = false;
  for (let k = view.a + 2; k <= Math.min(view.b, view.a + MAX_FRAME); k++) {
    const u = units[k]!;
    if (FRAME_NOUNS.has(u.lower)) noun = true;
    if (/^[.;:!?"“”]$/.test(u.value)) return null;
    if (u.value !== ',') continue;
    if (!noun || k + 3 > view.b) return null;
    let end = segment.end;
    while (end > units[k + 1]!.start && /[\s.!?]/.test(text[end - 1]!)) end--;
    return {
      cue: first.value,
      source: { start: units[view.a + 1]!.start, end: units[k - 1]!.end },
      content: { start: units[k + 1]!.start, end },
    };
  }
  return null;
}

/** Survey nouns that a trailing "in" attributes a finding to ("Trump leads in the latest poll"). */
const SURVEY_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys']);
const MAX_TRAILING_FRAME = 8;
const MIN_FINDING_UNITS = 3;

/**
 * "Trump has a decisive lead in the polls", "Clinton held a 24-point lead ... in a CNN national poll": a clause whose
 * finding a trailing "in ... poll" attributes. The content is what precedes "in"; the source is the poll phrase. Null
 * when no "in" reaches a survey noun within a few words, or too little comes before it.
 */
export function trailingPoll(text: string, view: SegmentView, segment: Span): FramedContent | null {
  const { units } = view;
  for (let i = view.a + MIN_FINDING_UNITS; i < view.b; i++) {
    if (units[i]!.lower !== 'in') continue;
    for (let k = i + 1; k <= Math.min(view.b, i + MAX_TRAILING_FRAME); k++) {
      const u = units[k]!;
      if (/^[,.;:!?"“”()—–]$/.test(u.value)) break;
      if (!SURVEY_NOUNS.has(u.lower)) continue;
      let start = segment.start;
      while (start < units[i]!.start && /[\s"“]/.test(text[start]!)) start++;
      let end = units[i]!.start;
      while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
      return {
        cue: units[i]!.value,
        source: { start: units[i + 1]!.start, end: u.end },
        content: { start, end },
      };
    }
  }
  return null;
}
