import type { Span } from '../../model.js';
import type { Attribution, SegmentView } from './segment-cues.js';
import type { WordUnit } from '../entities/word-units.js';
import { HEARER_CUES } from '../../lexicon/cue-verbs.js';

const MIN_CONTENT_WORDS = 2;
/** Words that open a time adjunct after a cue ("said Friday afternoon", "said yesterday"). */
const TIME_WORDS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|last|this|on)$/;
const ADJUNCT_LIMIT = 7;
/** A one-word content that stands for a whole statement ("said so", "said no", "said that"). */
const PRO_FORM = /^(so|yes|no|that|this|it)$/i;
/** A short time or place adjunct after a cue ("said on Thursday", "said in Iowa", "said publicly on Monday"). */
const ADJUNCT = /^([a-z]+ly\s+)?(on|in|at|last|this|during|earlier|later|late|early|from)\s+\S+(\s+\S+)?$/i;

/** Trims spaces and closing punctuation (not closing quotation marks) off a span. */
function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,:;—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,.;:—–-]/.test(text[end - 1]!)) end--;
  return { start, end };
}

const QUESTION_WORDS = /^(if|whether|why|how|what|when|where)$/;
const QUESTION_REACH = 10;

/**
 * Where an asked question begins: its "if", "whether" or question word, past the person asked and a time ("asked
 * Biden Monday afternoon following a press conference if he would ..."), or null when none comes soon.
 */
function questionStart(view: SegmentView, from: number): number | null {
  for (let k = from; k <= Math.min(view.b, from + QUESTION_REACH); k++) {
    const u = view.units[k]!;
    if (QUESTION_WORDS.test(u.lower)) return k;
    if (/^[.;:!?"“”]$/.test(u.value)) return null;
  }
  return null;
}

/** Past the hearer of a cue that takes one ("told reporters", "told the press"): one short noun phrase. */
function pastHearer(view: SegmentView, at: Attribution, k: number): number {
  const { units } = view;
  if (!HEARER_CUES.has(at.cue.text.toLowerCase()) || k > view.b || units[k]!.type !== 'word') return k;
  // One short noun phrase: "reporters", "Reuters", "the press", "him".
  const limit = Math.min(view.b, k + 3);
  let j = k;
  while (
    j < limit &&
    units[j + 1]!.type === 'word' &&
    /^(the|a|his|her|their|press|news|reporters|[A-Z].*)$/.test(units[j]!.value) &&
    /^[A-Z]|^(reporters|press|media)$/.test(units[j + 1]!.value)
  )
    j++;
  return j + 1;
}

/** The unit after a "that" or a colon within a short adjunct from unit `k` ("said on Monday that"), or null. */
function pastThat(view: SegmentView, k: number, next: number): number | null {
  const { units } = view;
  // Quotation marks and possessives of a quoted show name ("said on NBC’s “Meet the Press” that") do not count.
  let limit = k + ADJUNCT_LIMIT;
  let quoted = false;
  for (let j = k; j <= Math.min(next - 1, limit); j++) {
    const u = units[j]!;
    const mark = /^(["“”‘’']+|[’']s)$/.test(u.value);
    if (mark) limit++;
    if (/^["“”]+$/.test(u.value)) quoted = !quoted;
    if (quoted || mark) continue;
    if ((u.lower === 'that' && u.pos !== 'DET') || u.value === ':') return j + 1;
    if ((u.type !== 'word' && u.value !== ',') || u.pos === 'VERB' || u.pos === 'AUX') return null;
  }
  return null;
}

/** The unit where reported content begins after a cue: past the hearer ("told reporters") and a nearby "that". */
function contentStart(view: SegmentView, at: Attribution, next: number): number {
  const from = at.side === 'after' && at.phrase ? at.phrase.last + 1 : at.cue.last + 1;
  const question = /^ask/.test(at.cue.text.toLowerCase()) ? questionStart(view, from) : null;
  if (question !== null) return question;
  const k = pastHearer(view, at, from);
  return pastThat(view, k, next) ?? k;
}

/**
 * True when a quotation closes right before `pos` (and a comma) in a segment that opens with a quotation: the quoted
 * words are the content. A fragment ending the reporter's clause ('The failure was "heartbreaking," she said', 'But
 * "it will not be," he said') is not: the clause holding it is.
 */
function followsQuotation(text: string, view: SegmentView, pos: number, segment: Span): boolean {
  return view.quotes.some(
    (q) =>
      q.close !== null &&
      q.close < pos &&
      /^[\s,]*$/.test(text.slice(q.close + 1, pos)) &&
      words(text, { start: segment.start, end: view.quotes[0]!.open }) === 0,
  );
}

/** Words in a span (rough count for the minimum content length). */
function words(text: string, s: Span): number {
  return text
    .slice(s.start, s.end)
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
}

/**
 * Where the content after a cue stops: before a later cue of the same segment that hangs on the same subject (",
 * adding", ", according to", "praised A and criticized B"), and before the speaker of a later attribution with a
 * subject of its own ("said Carter stopped, while 9 percent found ...").
 */
function contentEnd(view: SegmentView, later: Attribution | undefined, start: number, segEnd: number): number {
  if (!later) return segEnd;
  if (later.side !== 'before') return view.units[later.cue.first]!.start;
  if (later.cue.kind !== 'speech') return segEnd;
  const first = later.phrase ? Math.min(later.phrase.first, later.cue.first) : later.cue.first;
  if (first <= start) return segEnd;
  // Back to the comma closing the clause, when one stands between ("to de-escalate, drawing fire from both ...").
  for (let k = first - 1; k > start + 1; k--) if (view.units[k]!.value === ',') return view.units[k]!.start;
  return view.units[first]!.start;
}

/** Words that cannot end reported content: it was cut before what they join ("defend itself and", "fire while"). */
const DANGLING =
  /(?:^|\s)(and|or|but|nor|while|whereas|although|though|as|because|since|if|when|after|before|with|without|to|of|for|by|from|in|on|at|the|a|an|that|which|who|whom|whose|including|even|also|then|so|yet)$/i;

/** Drops conjunctions, prepositions and articles left dangling at the end of a content span, with their commas. */
function dropDangling(text: string, s: Span): Span {
  let span = trim(text, s);
  // At a sentence's end a pronoun or an adverb is the last word, not a cut ("could change that.", "said so.").
  if (
    /^\s*[.!?]/.test(text.slice(span.end, span.end + 2)) &&
    /(?:^|\s)(that|so|too|then|yet)$/i.test(text.slice(span.start, span.end))
  ) {
    return span;
  }
  for (let guard = 0; guard < 4; guard++) {
    const m = DANGLING.exec(text.slice(span.start, span.end));
    if (!m) break;
    const cut = trim(text, { start: span.start, end: span.end - m[1]!.length });
    if (cut.end <= cut.start) break;
    span = cut;
  }
  return span;
}

/** True when the content of an attribution is a quotation given before it ('"...," Price said', '"...," said Price'). */
function quotationIsContent(text: string, view: SegmentView, at: Attribution, segment: Span): boolean {
  const { units } = view;
  // '"...," Price said on Monday': the quotation before the speaker is the content; nothing is reported after.
  if (at.side === 'before' && at.phrase && followsQuotation(text, view, units[at.phrase.first]!.start, segment)) {
    return true;
  }
  // '"...," said Price, a spokesman.': what follows an inverted attribution is apposition, not content.
  return isInverted(at) && followsQuotation(text, view, units[at.cue.first]!.start, segment);
}

/** True for an attribution whose speaker follows its cue ("said Price"), not "according to". */
function isInverted(at: Attribution): boolean {
  return at.side === 'after' && at.cue.kind !== 'according-to';
}

/** The two candidate contents of an attribution: the words after it and the words before it in the segment. */
interface Sides {
  at: Attribution;
  /** The first unit of the content after the attribution. */
  start: number;
  after: Span;
  before: Span;
  /** Where the attribution starts (its speaker phrase or its cue). */
  stop: number;
  /** True when the words before end with a comma or a dash and report something: a trailing attribution. */
  trails: boolean;
}

/**
 * True when `text[from, to)` ends with a comma or a dash, then closing quotation marks and spaces ('..., she said',
 * '"A," she said'), read back from `to`: the whole slice is not searched, which on a segment of many attributions
 * made the check quadratic.
 */
function endsWithBreak(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && /\s/.test(text[k]!)) k--;
  while (k >= from && /["”’']/.test(text[k]!)) k--;
  return k >= from && /[,—–]/.test(text[k]!);
}

/** The content before and after an attribution of the segment (see `reportedContent`). */
function contentSides(
  text: string,
  view: SegmentView,
  attributions: readonly Attribution[],
  index: number,
  segment: Span,
): Sides {
  const at = attributions[index]!;
  const { units } = view;
  const next = index + 1 < attributions.length ? attributions[index + 1]!.cue.first : view.b + 1;
  const start = contentStart(view, at, next);
  const end = inRelativeClause(view, at)
    ? clauseEnd(view, start, segment.end)
    : contentEnd(view, attributions[index + 1], start, segment.end);
  const after = trim(text, { start: units[start]?.start ?? segment.end, end });
  // Trailing attribution: the content is what precedes it in the segment.
  const stop = at.side === 'before' && at.phrase ? units[at.phrase.first]!.start : units[at.cue.first]!.start;
  const before = trim(text, { start: segment.start, end: stop });
  const trails =
    words(text, before) >= MIN_CONTENT_WORDS &&
    endsWithBreak(text, segment.start, stop) &&
    !introductoryAdjunct(view, before);
  return { at, start, after, before, stop, trails };
}

/**
 * The reported content of an attribution: after the cue when the speaker comes first ("Price said the focus is ..."),
 * before the speaker when the attribution trails ("..., sources said", "..., according to the readout"), after the
 * comma when "According to X, ..." opens the sentence. Null when nothing of substance is reported.
 */
export function reportedContent(
  text: string,
  view: SegmentView,
  attributions: readonly Attribution[],
  index: number,
  segment: Span,
): Span | null {
  const at = attributions[index]!;
  if (quotationIsContent(text, view, at, segment)) return null;
  const sides = contentSides(text, view, attributions, index, segment);
  const { units } = view;
  const { after, before, trails } = sides;
  const leadsSentence = at.cue.first <= view.a + 1 || /^[:;—–]$/.test(units[at.cue.first - 1]?.value ?? '');
  // "..., said David Gilbert, its president", 'They "had chemistry," said X': the content precedes an inverted
  // attribution set off by a comma; what follows the name is apposition.
  if (isInverted(at) && trails && phraseEndsClause(view, at)) return before;
  if (trails && at.side === 'before' && adjunctAfterTrail(text, units[sides.start], segment.start, sides.stop, after))
    return before;
  if (at.cue.kind === 'according-to' && !leadsSentence) return accordingContent(text, view, at, before, after);
  return quotationClause(text, view, after) ?? contentAfter(text, view, sides);
}

/** The content after the attribution when it reports something, else the content before a trailing one, else null. */
function contentAfter(text: string, view: SegmentView, sides: Sides): Span | null {
  const { at, after, before, trails } = sides;
  const afterText = text.slice(after.start, after.end);
  if ((words(text, after) >= MIN_CONTENT_WORDS && !ADJUNCT.test(afterText)) || PRO_FORM.test(afterText)) {
    // "The question ..., she said, is not so cut and dried": the attribution interrupts the content; keep its
    // longer part.
    const interrupts = trails && at.side === 'before' && view.units[at.cue.last + 1]?.value === ',';
    return interrupts && words(text, before) > words(text, after) ? before : dropDangling(text, after);
  }
  return trails ? before : null;
}

/**
 * True when the words before an attribution are a phrase of time or manner opening the sentence ("At the same time,
 * the person added"): a preposition or an adverb first and no verb, so they report nothing.
 */
function introductoryAdjunct(view: SegmentView, before: Span): boolean {
  const inside = view.units.filter((u) => u.start >= before.start && u.end <= before.end && u.type === 'word');
  if (!inside[0] || !/^(ADP|ADV)$/.test(inside[0].pos)) return false;
  return !inside.some((u) => u.pos === 'VERB' || u.pos === 'AUX');
}

/**
 * True when what follows a trailing attribution's cue says where, how or when it was said, not what: a phrase opening
 * with a preposition or an adverb after a quotation ('..."just scratching out a profit," Mr. Hedge said from his
 * office'), or a time and the rest of the sentence after a clause ("..., lawmakers said Friday afternoon, as they
 * bristled ..."), with no quotation or "that" of its own.
 */
function adjunctAfterTrail(
  text: string,
  opening: WordUnit | undefined,
  from: number,
  stop: number,
  after: Span,
): boolean {
  if (!opening || PRO_FORM.test(opening.value)) return false;
  const time = TIME_WORDS.test(opening.lower);
  if (!time && !/^(ADP|ADV)$/.test(opening.pos)) return false;
  if (/(["”’']+[,—–]|[,—–]["”’']+)\s*$/.test(text.slice(from, stop))) return true;
  return time && !/["“”]|\bthat\b/.test(text.slice(after.start, after.end));
}

/**
 * The quotation a content span opens with, when the words after it belong to the reporter's clause ('protesters
 * chanting "No justice, no peace" blocked the road': a verb follows the close), else null.
 */
function quotationClause(text: string, view: SegmentView, content: Span): Span | null {
  const q = view.quotes.find((x) => x.open === content.start && x.close !== null && x.close < content.end);
  if (!q || q.close === null) return null;
  const next = view.units.find((u) => u.start > q.close! && u.type === 'word');
  return next && next.start < content.end && /^(VERB|AUX)$/.test(next.pos) ? { start: q.open, end: q.close + 1 } : null;
}

/** True when the speaker phrase after an inverted cue ends its clause ("said X." or "said X, a ..."). */
function phraseEndsClause(view: SegmentView, at: Attribution): boolean {
  const last = at.phrase?.last ?? at.cue.last;
  return last >= view.b || /^[,.;:!?)—–-]$/.test(view.units[last + 1]?.value ?? '.');
}

/**
 * The content of an "according to" inside or after its clause: what precedes it ("X rose 3 percent according to the
 * data"), or, when it interrupts the clause ("Absent, according to members, was any mention of ..."), the longer part.
 */
function accordingContent(text: string, view: SegmentView, at: Attribution, before: Span, after: Span): Span | null {
  let comma = (at.phrase?.last ?? at.cue.last) + 1;
  while (comma <= view.b && view.units[comma]!.value !== ',') comma++;
  const rest = comma < view.b ? trim(text, { start: view.units[comma + 1]!.start, end: after.end }) : null;
  if (rest && words(text, rest) > words(text, before)) return rest;
  return words(text, before) >= MIN_CONTENT_WORDS ? before : null;
}

/** True when the attribution sits in a relative clause ("Sanders, who had said he would debate, criticized ..."). */
function inRelativeClause(view: SegmentView, at: Attribution): boolean {
  if (at.side !== 'before' || !at.phrase) return false;
  for (let k = at.phrase.last + 1; k < at.cue.first; k++) if (/^(who|which)$/.test(view.units[k]!.lower)) return true;
  return false;
}

/** Where a relative clause's content ends: at the next comma or dash after `start`, else the segment end. */
function clauseEnd(view: SegmentView, start: number, segEnd: number): number {
  for (let k = start; k <= view.b; k++) if (/^[,—–]$/.test(view.units[k]!.value)) return view.units[k]!.start;
  return segEnd;
}
