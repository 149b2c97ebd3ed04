import type { Span } from '../../model.js';
import { reportedContent } from './content-spans.js';
import type { QuotedSpan } from './find-quoted-spans.js';
import { emitReported, quotesReaching, type DraftQuote, type SegmentPass } from './quote-pass.js';
import { isQuotedTitle } from './quoted-titles.js';
import type { Attribution } from './segment-cues.js';
import { namesPeople } from './find-stance-objects.js';
import { DOCUMENT_NOUNS, EVIDENCE_NOUNS } from '../../lexicon/cue-verbs.js';
import { STANCE_HOLDERS } from '../../lexicon/stance-cues.js';
import { PERSON_DESCRIPTORS, TITLE_HEADS } from '../../lexicon/titles.js';

/**
 * Stance verbs with a physical sense as common as the attributing one ("the beam supports the roof", "cables back the
 * tower"): only these are checked for a subject that is a thing. Checking every stance verb this way dropped more true
 * attributions than false ones on the PolNeAR train split (common nouns name people too: "lawyers", "rivals").
 */
const PHYSICAL_SENSE = new Set([
  'support',
  'supports',
  'supported',
  'supporting',
  'back',
  'backs',
  'backed',
  'backing',
]);

/**
 * True when a stance cue's subject is a thing that holds no stance: a phrase of common nouns ("the old oak beam
 * supports the roof", "two steel cables back the tower") naming no person, group, title, document or evidence, and no
 * entity. Pronouns, names and roles ("the senator") may hold one.
 */
function thingSubject(p: SegmentPass, at: Attribution): boolean {
  if (!PHYSICAL_SENSE.has(at.cue.text.toLowerCase()) || !at.phrase || at.side !== 'before') return false;
  const { first, last } = at.phrase;
  const head = p.units[last]!;
  if (head.pos !== 'NOUN' || at.speaker?.entityId) return false;
  for (let k = first; k <= last; k++) if (p.units[k]!.pos === 'PROPN') return false;
  const lower = head.lower;
  const speaks = DOCUMENT_NOUNS.has(lower) || EVIDENCE_NOUNS.has(lower) || STANCE_HOLDERS.has(lower);
  return !speaks && !TITLE_HEADS.has(lower) && !PERSON_DESCRIPTORS.has(lower) && !namesPeople(p, at.phrase);
}

/** The quotation of the segment that a content span (nearly) is, if any. */
function quotationOf(content: Span, quotes: readonly QuotedSpan[]): QuotedSpan | undefined {
  return quotes.find((q) => q.open <= content.start + 1 && (q.close ?? q.end) >= content.end - 2);
}

/**
 * True when a content span is (nearly) all one quotation that stands as a quote of its own: emitted as direct, or
 * the cue's object with no "that" before it ('chanting "No justice, no peace"'). The quote already covers it. A
 * quotation worked into the reporter's clause ('Cruz says that "..."') is reported speech with quoted words: the
 * attribution is given once, as indirect speech holding them.
 */
function isOwnQuotation(
  text: string,
  content: Span,
  quotes: readonly QuotedSpan[],
  out: readonly DraftQuote[],
): boolean {
  const q = quotationOf(content, quotes);
  if (q === undefined) return false;
  const emitted = out.find((o) => o.start === q.start);
  if (emitted?.kind === 'direct') return true;
  return emitted !== undefined && !/\bthat\s*$/i.test(text.slice(Math.max(0, q.open - 8), q.open));
}

/**
 * True when reported content opens with a quotation its cue governs, with no "that" before it ('called him "a genius"
 * for his tax strategies', 'reported "2,521 shooting incidents" in the city'): quoted words worked into the reporter's
 * clause, a partial quote.
 */
function opensWithQuotation(p: SegmentPass, content: Span): boolean {
  const q = p.view.quotes.find((x) => x.open === content.start);
  if (!q) return false;
  return !/\bthat\s*$/i.test(p.article.text.slice(Math.max(0, q.open - 8), q.open));
}

/** True when reported content opens with a quoted name, not speech: the hearer of 'told "Fox and Friends"'. */
function opensWithName(p: SegmentPass, content: Span): boolean {
  const q = p.view.quotes.find((x) => x.open === content.start);
  if (!q || !/\bt(?:old|ells?|elling)\s*$/i.test(p.article.text.slice(p.seg.start, q.open))) return false;
  return isQuotedTitle(p.article.text, q, p.seg, p.paragraph);
}

/**
 * True when the content found for an attribution holds a direct quote given by that same attribution ('..., he
 * predicted: "A," Roffman predicted'): the quotation is what it reports, and the words around it are the reporter's.
 */
function quotesItself(p: SegmentPass, content: Span, at: Attribution): boolean {
  const mention = at.speaker?.mention;
  return quotesReaching(p).some(
    (q) =>
      q.kind === 'direct' &&
      q.cue === at.cue.text &&
      q.start >= content.start &&
      q.end <= content.end &&
      (mention ? q.speaker?.mention?.start === mention.start : q.speaker === at.speaker),
  );
}

/** True when the content is already given as a quotation (its own, one running on, or one its attribution gives). */
function coveredByQuotation(p: SegmentPass, content: Span, at: Attribution): boolean {
  if (isOwnQuotation(p.article.text, content, p.view.quotes, p.state.out)) return true;
  if (p.runOn && quotationOf(content, [p.runOn])) return true;
  return quotesItself(p, content, at) || opensWithName(p, content);
}

/**
 * Finder `quotes/reported-speech`: reported (indirect) speech for each attribution of the segment with a speaker whose
 * content is not just a quotation found by `quotes/quotation` (which must run first).
 */
export function findReportedSpeech(p: SegmentPass, atts: readonly Attribution[]): boolean {
  const before = p.state.out.length;
  atts.forEach((at, i) => {
    if ((!at.speaker && !at.phrase) || thingSubject(p, at)) return;
    const content = reportedContent(p.article.text, p.view, atts, i, p.seg);
    if (!content || coveredByQuotation(p, content, at)) return;
    const partial = opensWithQuotation(p, content);
    emitReported(p, { rule: 'quotes/reported-speech', content, cue: at.cue.text, speaker: at.speaker, partial });
  });
  return p.state.out.length > before;
}
