import type { QuoteKind, Speaker } from '../../model.js';
import type { WordUnit } from '../entities/word-units.js';
import { colonSpeaker } from './colon-speaker.js';
import type { QuotedSpan } from './find-quoted-spans.js';
import type { Segment } from './quote-aware-segments.js';
import {
  quoteProvenance,
  remember,
  searched,
  speakerContext,
  type ArticleState,
  type SegmentPass,
} from './quote-pass.js';
import { isQuotedTitle, isScareQuote } from './quoted-titles.js';
import { resolveSpeaker } from './resolve-speaker.js';
import type { Attribution } from './segment-cues.js';
import { signatureSpeaker } from './signature-speaker.js';

const MIN_UNATTRIBUTED_WORDS = 6;

/** True when only spaces, dashes and opening punctuation stand between `from` and `to`. */
export function onlyPunctuation(text: string, from: number, to: number): boolean {
  return /^[\s—–\-:,(]*$/.test(text.slice(from, to));
}

/** True when nothing but closing punctuation follows the quotation in its segment. */
function endsSegment(text: string, q: QuotedSpan, seg: Segment): boolean {
  return q.close === null || /^[\s.!?,;:)\]—–-]*$/.test(text.slice(q.close + 1, seg.end));
}

/** The first character of an attribution: its speaker phrase when that comes first, else its cue. */
function attributionStart(at: Attribution, units: readonly WordUnit[]): number {
  const first = at.side === 'before' && at.phrase ? Math.min(at.phrase.first, at.cue.first) : at.cue.first;
  return units[first]!.start;
}

/** Where a quotation stands in its segment, for telling direct from partial. */
interface Placement {
  text: string;
  q: QuotedSpan;
  /** The segment's text before the quotation opens. */
  before: string;
  /** True when nothing but closing punctuation follows the quotation in its segment. */
  ends: boolean;
  units: readonly WordUnit[];
}

/**
 * Direct when the whole reported content is the quotation: it opens its segment; it follows a colon and ends the
 * segment ('He added: "..."', '... had one message: "..."'); it is set off by a comma with its attribution right
 * after ('..., "Q," said X'); or it follows its attribution after a colon, a comma or nothing, ending the segment
 * ('Psaki said: "', 'He says "..."'). Else partial.
 */
function quoteKind(
  text: string,
  q: QuotedSpan,
  seg: Segment,
  at: Attribution | null,
  units: readonly WordUnit[],
): QuoteKind {
  if (onlyPunctuation(text, seg.start, q.open)) return 'direct';
  const before = text.slice(seg.start, q.open);
  const ends = endsSegment(text, q, seg);
  if (/:\s*$/.test(before) && ends) return 'direct';
  // A quotation opening a sentence of its own after its attribution ('..., said X, of Y. "B."') stands alone.
  if (/[.!?]["”’']*\s+$/.test(before) && ends) return 'direct';
  return at ? attributedKind({ text, q, before, ends, units }, at) : 'partial';
}

/** The kind of a quotation with an attribution (see `quoteKind`). */
function attributedKind(place: Placement, at: Attribution): QuoteKind {
  const { text, q, before, units } = place;
  // After a comma, a dash or a colon ('... on Iowa TV: "...," the senator says'), an attribution right after the close.
  if (q.close !== null && /[,;:—–]\s*$/.test(before)) {
    const gap = text.slice(q.close + 1, Math.max(q.close + 1, attributionStart(at, units)));
    if (attributionStart(at, units) > q.close && /^[\s,]*$/.test(gap)) return 'direct';
  }
  const lastAttributionUnit = Math.max(at.cue.last, at.phrase?.last ?? at.cue.last);
  const end = units[lastAttributionUnit]!.end;
  if (end > q.open) return 'partial';
  // 'Psaki said: "', 'adding on Twitter: "': the attribution, at most a short adjunct, then a colon or comma.
  const gap = text.slice(end, q.open);
  if (/^[^.!?"“”]{0,40}[:,]\s*$/.test(gap)) return 'direct';
  return /^\s*$/.test(gap) && place.ends ? 'direct' : 'partial';
}

const SUBORDINATE = /\b(when|as|because|while|after|before|if|since|until|though|although|and|but)\b/i;

/** The attribution closest to a quote: one right after it wins over one before it. */
function nearest(
  atts: readonly Attribution[],
  q: QuotedSpan,
  units: readonly WordUnit[],
  text: string,
): Attribution | null {
  let best: Attribution | null = null;
  let bestDistance = Infinity;
  const qEnd = q.close ?? q.end;
  for (const at of atts) {
    const start = units[at.cue.first]!.start;
    // Speech attributes a quotation before belief does ("stating that the White House believes this is '...'"); an
    // attribution in a clause of its own after the quotation ('"...," when Clinton blasted him') attributes something
    // else.
    const subordinate = start >= qEnd && SUBORDINATE.test(text.slice(qEnd, attributionStart(at, units)));
    const penalty = (at.cue.kind === 'cognition' || at.cue.kind === 'stance' ? 1000 : 0) + (subordinate ? 2000 : 0);
    const distance = penalty + (start >= qEnd ? start - qEnd : q.open - units[at.cue.last]!.end + 0.5);
    if (distance >= 0 && distance < bestDistance) {
      best = at;
      bestDistance = distance;
    }
  }
  return best;
}

const GOVERNED_GAP = 4;

/**
 * True when a cue governs a quotation that follows it in its own clause ('called the plan "a disgrace"', 'offering "a
 * deep and sincere apology"'): at most a few words between them, none a verb, no punctuation. Quoted words elsewhere in
 * the sentence ('the issue of "systemic racism"', 'NBC's "Today"') are the reporter's, whatever cue is near.
 */
function governs(at: Attribution | null, q: QuotedSpan, units: readonly WordUnit[]): boolean {
  if (!at || units[at.cue.last]!.end > q.open) return false;
  let words = 0;
  for (let k = at.cue.last + 1; k < units.length && units[k]!.start < q.open; k++) {
    const u = units[k]!;
    if (u.type !== 'word' || u.pos === 'VERB' || u.pos === 'AUX' || ++words > GOVERNED_GAP) return false;
  }
  return true;
}

/**
 * The attribution a quotation continues: '"A," he said. "B."' gives B the same speaker mention and cue as A, when B
 * opens right after A's segment in the same paragraph. The speaker stays inferred (no cue of B's own names it).
 */
function continued(state: ArticleState, text: string, q: QuotedSpan): { speaker: Speaker; cue: string } | null {
  const a = state.attributed;
  if (!a || a.paragraph !== q.paragraph || a.end > q.open || !/^\s*$/.test(text.slice(a.end, q.open))) return null;
  return { speaker: { ...a.speaker, inferred: true }, cue: a.cue };
}

/** A speaker carried to a quote that continues the previous one (no cue of its own). */
function carried(state: ArticleState, paragraph: number): Speaker | null {
  const last = state.last;
  if (!last || paragraph - last.paragraph > 1) return null;
  return { ...last.speaker, mention: null, inferred: true };
}

/** The speaker a segment-opening "he" or "she" refers to ('She then addressed the crowd: "..."'), else null. */
function pronounSubject(p: SegmentPass): Speaker | null {
  const k = p.view.a;
  const u = p.units[k];
  if (!u || !/^(he|she)$/.test(u.lower)) return null;
  const speaker = resolveSpeaker(speakerContext(p), { first: k, last: k });
  return speaker.entityId ? speaker : null;
}

/** How a quotation got its speaker and cue, and the rule that found it. */
interface Attributed {
  speaker: Speaker | null;
  cue: string | null;
  /** The signer of a quotation signed after its close, if it is signed. */
  signed: Speaker | null;
  rule: string;
}

/**
 * The speaker of a direct quotation with no cue of its own: named before a colon ('Sanders had one message: "..."'),
 * introduced by the previous paragraph's colon, continuing the last attributed quotation, or carried from the last
 * speaker.
 */
function uncuedSpeaker(p: SegmentPass, q: QuotedSpan, atts: readonly Attribution[]): Omit<Attributed, 'signed'> {
  const text = p.article.text;
  if (/:\s*$/.test(text.slice(p.seg.start, q.open))) {
    const speaker =
      colonSpeaker(text, { start: p.seg.start, end: q.open }, atts, p.mentions, p.units) ?? pronounSubject(p);
    return { speaker, cue: null, rule: 'quotes/colon-speaker' };
  }
  if (p.introduced && onlyPunctuation(text, p.seg.start, q.open)) {
    return { speaker: p.introduced, cue: null, rule: 'quotes/introduced-speaker' };
  }
  const goesOn = continued(p.state, text, q);
  if (goesOn) return { ...goesOn, rule: 'quotes/continued-quotation' };
  return { speaker: carried(p.state, q.paragraph), cue: null, rule: 'quotes/carried-speaker' };
}

/** A direct quotation with no cue of its own, with its speaker; null when it has none and is too short to keep. */
function uncuedQuotation(p: SegmentPass, q: QuotedSpan, atts: readonly Attribution[]): Attributed | null {
  const found = uncuedSpeaker(p, q, atts);
  // A quotation signed after its close ("- Bernie Sanders.") is the signer's, whatever was carried to it.
  const signed = signatureSpeaker(p.article.text, q.end, p.mentions);
  const speaker = signed ?? found.speaker;
  const words = p.article.text.slice(q.start, q.end).split(/\s+/).length;
  if (!speaker && words < MIN_UNATTRIBUTED_WORDS) return null;
  const rule = signed ? 'quotes/signature-speaker' : speaker ? found.rule : 'quotes/unattributed-quotation';
  return { speaker, cue: found.cue, signed, rule };
}

/** Records a quotation of the segment and what the next quotations carry from it. */
function recordQuotation(
  p: SegmentPass,
  q: QuotedSpan,
  at: Attribution | null,
  kind: QuoteKind,
  how: Attributed,
): void {
  const { speaker, cue, signed } = how;
  const quote = {
    ...(at ? searched(p, speaker, 'cue-without-speaker') : noCueSearch(p, speaker)),
    articleId: p.article.id,
    start: q.start,
    end: q.end,
    text: p.article.text.slice(q.start, q.end),
    kind,
    cue,
    speaker,
    provenance: quoteProvenance(how.rule),
  };
  p.state.out.push(quote);
  if (kind === 'partial' && !governs(at, q, p.units)) p.state.loose.add(quote);
  // A signer speaks for one quotation of a list; the next unattributed one is not theirs.
  if (speaker && !signed) remember(p.state, speaker, p.entities, q.paragraph);
  p.state.attributed =
    speaker?.mention && cue && kind === 'direct' && !signed
      ? { speaker, cue, paragraph: q.paragraph, end: p.seg.end }
      : null;
}

/** Why a quotation with no cue of its own got no speaker: the last one named is too far back, or there is none. */
function noCueSearch(p: SegmentPass, speaker: Speaker | null): ReturnType<typeof searched> {
  return p.state.last
    ? searched(p, speaker, 'earlier-speaker-too-far', p.searchFrom)
    : searched(p, speaker, 'no-cue', p.searchFrom);
}

/**
 * Finder `quotes/quotation` (and the rules naming how a quotation with no cue got its speaker): the quotations of a
 * segment, direct or partial, with their speakers. Quoted titles and scare quotes are skipped.
 */
export function findQuotations(p: SegmentPass, atts: readonly Attribution[]): boolean {
  const text = p.article.text;
  const before = p.state.out.length;
  for (const q of p.view.quotes) {
    if (isQuotedTitle(text, q, p.seg, p.paragraph) || isScareQuote(text, q)) continue;
    const at = nearest(atts, q, p.units, text);
    const kind = quoteKind(text, q, p.seg, at, p.units);
    if (!at && kind !== 'direct') continue;
    const how: Attributed | null = at
      ? { speaker: at.speaker, cue: at.cue.text, signed: null, rule: 'quotes/quotation' }
      : uncuedQuotation(p, q, atts);
    if (how) recordQuotation(p, q, at, kind, how);
  }
  return p.state.out.length > before;
}
