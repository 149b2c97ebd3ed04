import type { Article, Entity, Quote, QuoteKind, Span, Speaker, SpeakerSearchReason } from '../../model.js';
import { articleUnits } from '../entities/article-units.js';
import { wordUnits, type WordUnit } from '../entities/word-units.js';
import { colonSpeaker } from './colon-speaker.js';
import { reportedContent } from './content-spans.js';
import { findQuotedSpans, type QuotedSpan } from './find-quoted-spans.js';
import { askedQuestion } from './find-asked-questions.js';
import { dropNestedReports } from './drop-nested-reports.js';
import { signatureSpeaker } from './signature-speaker.js';
import { headlineClaim } from './find-headline-claims.js';
import { framedContent, trailingPoll } from './find-framed-content.js';
import { raisingAttitude } from './find-raising-attitudes.js';
import { quoteAwareSegments, type Segment } from './quote-aware-segments.js';
import { isQuotedTitle, isScareQuote } from './quoted-titles.js';
import {
  mentionsIn,
  resolveSpeaker,
  type LastSpeaker,
  type LinkedMention,
  type SpeakerContext,
} from './resolve-speaker.js';
import { attachPhrases, segmentCues, type Attribution, type SegmentView } from './segment-cues.js';

/** A quote before ids are given. */
export type DraftQuote = Omit<Quote, 'id'>;

const MIN_UNATTRIBUTED_WORDS = 6;

/** The article's entity mentions with their entities, sorted by position. */
function linkedMentions(article: Article, entities: readonly Entity[]): LinkedMention[] {
  const out: LinkedMention[] = [];
  for (const entity of entities) {
    for (const mention of entity.mentions) if (mention.articleId === article.id) out.push({ mention, entity });
  }
  return out.sort((x, y) => x.mention.start - y.mention.start);
}

/** True when only spaces, dashes and opening punctuation stand between `from` and `to`. */
function onlyPunctuation(text: string, from: number, to: number): boolean {
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
  if (!at) return 'partial';
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
  return /^\s*$/.test(gap) && ends ? 'direct' : 'partial';
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

/** The unit range of a segment. */
function unitRange(units: readonly WordUnit[], seg: Span, from: number): { a: number; b: number } {
  let a = from;
  while (a < units.length && units[a]!.start < seg.start) a++;
  let b = a;
  while (b < units.length && units[b]!.end <= seg.end) b++;
  return { a, b: b - 1 };
}

/** State carried from segment to segment of one article. */
interface ArticleState {
  last: LastSpeaker | null;
  /** The last organization that spoke: what "the readout" or "the statement" speaks for. */
  lastBody: LastSpeaker | null;
  /** The speaker of a segment ending in a colon, for a quotation opening the next paragraph. */
  colon: { speaker: Speaker | null; paragraph: number } | null;
  /** The last quotation attributed by a named speaker and a cue, and where its segment ends. */
  attributed: { speaker: Speaker; cue: string; paragraph: number; end: number } | null;
  out: DraftQuote[];
  /** Partial quotes their cue does not govern: kept only while reported speech may hold them, then dropped. */
  loose: Set<DraftQuote>;
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

/** Records a speaker as the article's last one. */
function remember(
  state: ArticleState,
  speaker: Speaker | null,
  entities: ReadonlyMap<string, Entity>,
  paragraph: number,
): void {
  if (!speaker) return;
  const entity = speaker.entityId ? (entities.get(speaker.entityId) ?? null) : null;
  state.last = { speaker, type: entity?.type ?? null, entity, paragraph };
  if (entity?.type === 'organization') state.lastBody = state.last;
}

/** Options for one segment's pass. */
interface SegmentPass {
  article: Article;
  units: readonly WordUnit[];
  seg: Segment;
  /** The paragraph holding the segment. */
  paragraph: Span;
  /** Where a search for a carried speaker starts: the paragraph before the segment's (a speaker goes on that far). */
  searchFrom: number;
  view: SegmentView;
  mentions: readonly LinkedMention[];
  entities: ReadonlyMap<string, Entity>;
  state: ArticleState;
  /** The speaker that the previous paragraph introduced with a colon, if it did. */
  introduced: Speaker | null;
  /** A quotation opened in an earlier paragraph that runs on into this segment. */
  runOn: QuotedSpan | null;
}

/** What speaker resolution sees at this point of the pass (read fresh: earlier speakers update the state). */
function speakerContext(p: SegmentPass): SpeakerContext {
  return {
    text: p.article.text,
    units: p.units,
    mentions: p.mentions,
    last: p.state.last,
    lastBody: p.state.lastBody,
    paragraph: p.seg.paragraph,
  };
}

/** Resolves the speakers of a segment's attributions, in order (so that "she" can see a speaker named earlier). */
function resolveAll(p: SegmentPass, atts: Omit<Attribution, 'speaker'>[]): Attribution[] {
  const out: Attribution[] = [];
  for (const at of atts) {
    const speaker = at.phrase ? resolveSpeaker(speakerContext(p), at.phrase) : null;
    out.push({ ...at, speaker });
    remember(p.state, speaker, p.entities, p.seg.paragraph);
  }
  return out;
}

/** The speaker a segment-opening "he" or "she" refers to ('She then addressed the crowd: "..."'), else null. */
function pronounSubject(p: SegmentPass): Speaker | null {
  const k = p.view.a;
  const u = p.units[k];
  if (!u || !/^(he|she)$/.test(u.lower)) return null;
  const speaker = resolveSpeaker(speakerContext(p), { first: k, last: k });
  return speaker.entityId ? speaker : null;
}

/** Emits the quotations of a segment with their speakers. */
function emitQuotes(p: SegmentPass, atts: readonly Attribution[]): void {
  const text = p.article.text;
  for (const q of p.view.quotes) {
    if (isQuotedTitle(text, q, p.seg, p.paragraph) || isScareQuote(text, q)) continue;
    const at = nearest(atts, q, p.units, text);
    const kind = quoteKind(text, q, p.seg, at, p.units);
    let speaker = at?.speaker ?? null;
    let cue = at ? at.cue.text : null;
    let signed: Speaker | null = null;
    if (!at) {
      if (kind !== 'direct') continue;
      const colon = /:\s*$/.test(text.slice(p.seg.start, q.open));
      const goesOn = colon ? null : continued(p.state, text, q);
      if (colon) {
        speaker =
          colonSpeaker(text, { start: p.seg.start, end: q.open }, atts, p.mentions, p.units) ?? pronounSubject(p);
      } else if (p.introduced && onlyPunctuation(text, p.seg.start, q.open)) speaker = p.introduced;
      else if (goesOn) {
        speaker = goesOn.speaker;
        cue = goesOn.cue;
      } else speaker = carried(p.state, q.paragraph);
      // A quotation signed after its close ("- Bernie Sanders.") is the signer's, whatever was carried to it.
      signed = signatureSpeaker(text, q.end, p.mentions);
      speaker = signed ?? speaker;
      const words = text.slice(q.start, q.end).split(/\s+/).length;
      if (!speaker && words < MIN_UNATTRIBUTED_WORDS) continue;
    }
    const quote: DraftQuote = {
      ...(at ? searched(p, speaker, 'cue-without-speaker') : noCueSearch(p, speaker)),
      articleId: p.article.id,
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      kind,
      cue,
      speaker,
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

/** Where the speaker of a quote was looked for, when none was found: the segment, or from `from` to its end. */
function searched(
  p: SegmentPass,
  speaker: Speaker | null,
  reason: SpeakerSearchReason,
  from = p.seg.start,
): Pick<DraftQuote, 'speakerSearch'> {
  return speaker ? {} : { speakerSearch: { start: from, end: p.seg.end, reason } };
}

/** Why a quotation with no cue of its own got no speaker: the last one named is too far back, or there is none. */
function noCueSearch(p: SegmentPass, speaker: Speaker | null): Pick<DraftQuote, 'speakerSearch'> {
  return p.state.last
    ? searched(p, speaker, 'earlier-speaker-too-far', p.searchFrom)
    : searched(p, speaker, 'no-cue', p.searchFrom);
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

/** Records reported (indirect) speech over a content span of the segment's article. */
function pushIndirect(
  p: SegmentPass,
  content: Span,
  cue: string,
  speaker: Speaker | null,
  reason: SpeakerSearchReason = 'cue-without-speaker',
  partial = false,
): void {
  const { start, end } = content;
  p.state.out.push({
    ...searched(p, speaker, reason),
    articleId: p.article.id,
    start,
    end,
    text: p.article.text.slice(start, end),
    kind: partial ? 'partial' : 'indirect',
    cue,
    speaker,
  });
}

/**
 * True when the content found for an attribution holds a direct quote given by that same attribution ('..., he
 * predicted: "A," Roffman predicted'): the quotation is what it reports, and the words around it are the reporter's.
 */
function quotesItself(p: SegmentPass, content: Span, at: Attribution): boolean {
  const mention = at.speaker?.mention;
  return p.state.out.some(
    (q) =>
      q.kind === 'direct' &&
      q.cue === at.cue.text &&
      q.start >= content.start &&
      q.end <= content.end &&
      (mention ? q.speaker?.mention?.start === mention.start : q.speaker === at.speaker),
  );
}

/** Emits reported (indirect) speech for each attribution whose content is not just a quotation. */
function emitReported(p: SegmentPass, atts: readonly Attribution[]): void {
  const text = p.article.text;
  atts.forEach((at, i) => {
    if (!at.speaker && !at.phrase) return;
    const content = reportedContent(text, p.view, atts, i, p.seg);
    if (!content || isOwnQuotation(text, content, p.view.quotes, p.state.out)) return;
    if (p.runOn && quotationOf(content, [p.runOn])) return;
    if (quotesItself(p, content, at) || opensWithName(p, content)) return;
    pushIndirect(p, content, at.cue.text, at.speaker, 'cue-without-speaker', opensWithQuotation(p, content));
  });
}

/** Emits an attitude with no holder ("X seemed to ...") for a segment that attributes nothing else. */
function emitRaising(p: SegmentPass, atts: readonly Attribution[]): void {
  // A seeming verb before any cue of the segment is the segment's own attitude ("He seemed to say ...").
  const found = raisingAttitude(p.article.text, p.view, p.seg);
  if (found && atts.some((at) => p.units[at.cue.first]!.start < found.at)) return;
  if (!found) return;
  pushIndirect(p, found.content, found.cue, null, 'attitude-without-holder');
}

/**
 * Emits the clause of a sentence opening with its source ("In a poll released Monday, ...") when nothing else in the
 * segment attributes it. The speaker is the entity named in the frame, else the frame phrase itself.
 */
function emitFramed(p: SegmentPass, atts: readonly Attribution[]): boolean {
  if (atts.length > 0) return false;
  const text = p.article.text;
  const found = framedContent(text, p.view, p.seg) ?? trailingPoll(text, p.view, p.seg);
  if (!found) return false;
  const named = mentionsIn(p.mentions, found.source.start, found.source.end).find((m) => m.entity.type !== 'place');
  const mention = {
    start: found.source.start,
    end: found.source.end,
    text: text.slice(found.source.start, found.source.end),
  };
  const speaker: Speaker = named
    ? { entityId: named.entity.id, name: named.entity.name, mention, inferred: false }
    : { entityId: null, name: mention.text, mention, inferred: false };
  pushIndirect(p, found.content, found.cue, speaker);
  return true;
}

/** Emits the question of a sentence opening with "Asked whether ..." (the asker, when named, speaks). */
function emitAsked(p: SegmentPass): void {
  const found = askedQuestion(p.view);
  if (!found) return;
  const text = p.article.text;
  const by = found.asker;
  const mention = by ? { start: by.start, end: by.end, text: text.slice(by.start, by.end) } : null;
  const named = by ? mentionsIn(p.mentions, by.start, by.end)[0] : undefined;
  const speaker: Speaker | null = mention
    ? { entityId: named?.entity.id ?? null, name: named?.entity.name ?? mention.text, mention, inferred: false }
    : null;
  pushIndirect(p, found.content, found.cue, speaker);
}

const SOURCE_LABEL = /\b(poll|polls|survey|study|report|newspaper|officials|sources|aides|camp|campaign|experts)$/i;

/** Emits the claim of a labelled headline ("Graham: Trump's Rhetoric Destroying GOP's Chance") with its label. */
function emitHeadline(p: SegmentPass, atts: readonly Attribution[]): boolean {
  if (atts.length > 0) return false;
  const text = p.article.text;
  const found = headlineClaim(text, p.seg);
  if (!found) return false;
  const { start, end } = found.content;
  const label = found.label;
  const mention = { start: label.start, end: label.end, text: text.slice(label.start, label.end) };
  // The label must name a source: a person or an organization ending it, or a source noun ("Poll:", "Aides:").
  const named = mentionsIn(p.mentions, label.start, label.end)
    .filter((m) => m.entity.type === 'person' || m.entity.type === 'organization')
    .find((m) => m.mention.end === label.end);
  if (!named && !SOURCE_LABEL.test(mention.text)) return false;
  const speaker: Speaker = {
    entityId: named?.entity.id ?? null,
    name: named?.entity.name ?? mention.text,
    mention,
    inferred: false,
  };
  pushIndirect(p, { start, end }, ':', speaker);
  return true;
}

/** Finds the direct, partial and indirect quotes of one article's body text. */
export function findArticleQuotes(article: Article, entities: readonly Entity[]): DraftQuote[] {
  const text = article.text;
  const units = wordUnits(text);
  const { sentences, paragraphs } = articleUnits(article);
  const quoted = findQuotedSpans(text, paragraphs);
  const segments = quoteAwareSegments(text, paragraphs, sentences, quoted);
  const mentions = linkedMentions(article, entities);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const state: ArticleState = {
    last: null,
    lastBody: null,
    colon: null,
    attributed: null,
    out: [],
    loose: new Set(),
  };
  let from = 0;
  let qi = 0;
  for (const seg of segments) {
    const { a, b } = unitRange(units, seg, from);
    from = a;
    while (qi < quoted.length && quoted[qi]!.open < seg.start) qi++;
    const quotes: QuotedSpan[] = [];
    for (let k = qi; k < quoted.length && quoted[k]!.open < seg.end; k++) quotes.push(quoted[k]!);
    const view: SegmentView = { units, a, b, quotes };
    const colon = state.colon;
    const introduced = colon && colon.paragraph === seg.paragraph - 1 ? colon.speaker : null;
    const before = quoted[qi - 1];
    const runOn = before && (before.close ?? before.end) > seg.start ? before : null;
    const paragraph = paragraphs[seg.paragraph] ?? seg;
    const searchFrom = (paragraphs[seg.paragraph - 1] ?? paragraph).start;
    const pass: SegmentPass = {
      article,
      units,
      seg,
      paragraph,
      searchFrom,
      view,
      mentions,
      entities: byId,
      state,
      introduced,
      runOn,
    };
    const atts = resolveAll(pass, attachPhrases(view, segmentCues(view), mentions));
    emitQuotes(pass, atts);
    emitReported(pass, atts);
    if (!emitHeadline(pass, atts) && !emitFramed(pass, atts)) emitRaising(pass, atts);
    emitAsked(pass);
    state.colon = /:$/.test(text.slice(seg.start, seg.end))
      ? { speaker: colonSpeaker(text, seg, atts, mentions, units), paragraph: seg.paragraph }
      : null;
  }
  const kept = dropNestedReports(state.out.sort((x, y) => x.start - y.start || y.end - x.end));
  return kept.filter((q) => !state.loose.has(q));
}
