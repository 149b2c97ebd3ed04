import type { Span, Speaker } from '../../model.js';
import { askedQuestion } from './find-asked-questions.js';
import { framedContent, trailingPoll } from './find-framed-content.js';
import { headlineClaim } from './find-headline-claims.js';
import { raisingAttitude } from './find-raising-attitudes.js';
import { emitReported, type SegmentPass } from './quote-pass.js';
import { mentionsIn } from './resolve-speaker.js';
import type { Attribution } from './segment-cues.js';

/** A speaker named by a phrase of the text: the entity mentioned in it when `named` is given, else the phrase. */
function phraseSpeaker(p: SegmentPass, at: Span, named: { id: string; name: string } | undefined): Speaker {
  const mention = { start: at.start, end: at.end, text: p.article.text.slice(at.start, at.end) };
  return { entityId: named?.id ?? null, name: named?.name ?? mention.text, mention, inferred: false };
}

/**
 * Finder `quotes/raising-attitude`: an attitude with no holder ("X seemed to ...", "is expected to") for a segment
 * that attributes nothing else.
 */
export function findRaisingAttitude(p: SegmentPass, atts: readonly Attribution[]): boolean {
  // A seeming verb before any cue of the segment is the segment's own attitude ("He seemed to say ...").
  const found = raisingAttitude(p.article.text, p.view, p.seg);
  if (!found || atts.some((at) => p.units[at.cue.first]!.start < found.at)) return false;
  emitReported(p, {
    rule: 'quotes/raising-attitude',
    content: found.content,
    cue: found.cue,
    speaker: null,
    reason: 'attitude-without-holder',
  });
  return true;
}

/**
 * Finder `quotes/framed-source`: the clause of a sentence opening with its source ("In a poll released Monday, ...")
 * or closing with a poll, when nothing else in the segment attributes it. The speaker is the entity named in the
 * frame, else the frame phrase itself.
 */
export function findFramedSource(p: SegmentPass, atts: readonly Attribution[]): boolean {
  if (atts.length > 0) return false;
  const text = p.article.text;
  const found = framedContent(text, p.view, p.seg) ?? trailingPoll(text, p.view, p.seg);
  if (!found) return false;
  const named = mentionsIn(p.mentions, found.source.start, found.source.end).find((m) => m.entity.type !== 'place');
  const speaker = phraseSpeaker(p, found.source, named?.entity);
  emitReported(p, { rule: 'quotes/framed-source', content: found.content, cue: found.cue, speaker });
  return true;
}

/** Finder `quotes/asked-question`: the question of a sentence opening with "Asked whether ..." (a named asker speaks). */
export function findAskedQuestion(p: SegmentPass): boolean {
  const found = askedQuestion(p.view);
  if (!found) return false;
  const by = found.asker;
  const named = by ? mentionsIn(p.mentions, by.start, by.end)[0] : undefined;
  const speaker = by ? phraseSpeaker(p, by, named?.entity) : null;
  emitReported(p, { rule: 'quotes/asked-question', content: found.content, cue: found.cue, speaker });
  return true;
}

const SOURCE_LABEL = /\b(poll|polls|survey|study|report|newspaper|officials|sources|aides|camp|campaign|experts)$/i;

/**
 * Finder `quotes/headline-label`: the claim of a labelled headline ("Graham: Trump's Rhetoric Destroying GOP's
 * Chance") with its label as the source, when the label names one and nothing else in the segment attributes.
 */
export function findHeadlineLabel(p: SegmentPass, atts: readonly Attribution[]): boolean {
  if (atts.length > 0) return false;
  const found = headlineClaim(p.article.text, p.seg);
  if (!found) return false;
  const label = found.label;
  // The label must name a source: a person or an organization ending it, or a source noun ("Poll:", "Aides:").
  const named = mentionsIn(p.mentions, label.start, label.end)
    .filter((m) => m.entity.type === 'person' || m.entity.type === 'organization')
    .find((m) => m.mention.end === label.end);
  const speaker = phraseSpeaker(p, label, named?.entity);
  if (!named && !SOURCE_LABEL.test(speaker.name)) return false;
  emitReported(p, { rule: 'quotes/headline-label', content: found.content, cue: ':', speaker });
  return true;
}
