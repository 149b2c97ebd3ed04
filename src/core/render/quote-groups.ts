/**
 * Quotes grouped by speaker, biggest group first, with the same words carried by several outlets merged into one
 * quote that lists them all. The one grouping of the Markdown report, the
 * HTML report and the web page. Pure: no DOM, so it can be unit-tested.
 */
import type { Citation, Quote } from '../model.js';
import { speakerSearchCitation, speakerSearchNote } from './speaker-search.js';

/** One wording, with every outlet that carries it. */
export interface MergedQuote {
  text: string;
  kind: Quote['kind'];
  /** True when every outlet's speaker was inferred from context rather than named. */
  inferred: boolean;
  /** The cues ("said", "told reporters") the outlets carrying these words give, each once. */
  cues: string[];
  citations: Citation[];
  /** For a quote with no speaker: why none was found, and the text searched for one. */
  search: { note: string; citation: Citation } | null;
}

/** Quotes said by one speaker, with identical wordings merged. */
export interface SpeakerGroup {
  key: string;
  name: string;
  quotes: MergedQuote[];
}

/** The key of the group of quotes without a speaker. */
export const UNATTRIBUTED = 'unattributed';

/** Which group a quote belongs to: its speaker's entity, else the speaker's name, else no speaker. */
export function speakerKey(q: Quote): string {
  if (!q.speaker) return UNATTRIBUTED;
  return q.speaker.entityId ? `e:${q.speaker.entityId}` : `n:${q.speaker.name.toLowerCase().trim()}`;
}

/** The words of a quote without case, punctuation or spacing: the same words quoted by two outlets meet here. */
export function wordingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The citation of a quote's words. */
export function quoteCitation(q: Quote): Citation {
  return q.embed === undefined
    ? { articleId: q.articleId, start: q.start, end: q.end }
    : { articleId: q.articleId, start: q.start, end: q.end, embed: q.embed };
}

/** Options of the grouping. */
export interface GroupOptions {
  /** The display name of a speaker's entity, when the report knows it. */
  entityName?: (entityId: string) => string | undefined;
}

/** A group while quotes are added to it: its merged wordings by wording key. */
type OpenGroup = SpeakerGroup & { byWording: Map<string, MergedQuote> };

/** The group a quote opens: named by its speaker's entity when the report knows it, else by the name written. */
function openGroup(q: Quote, key: string, options: GroupOptions): OpenGroup {
  const entity = q.speaker?.entityId ? options.entityName?.(q.speaker.entityId) : undefined;
  const name = q.speaker ? (entity ?? q.speaker.name) : 'Unattributed';
  return { key, name, quotes: [], byWording: new Map() };
}

/** A quote's words as the first outlet carrying them has them. */
function mergedQuote(q: Quote): MergedQuote {
  const note = speakerSearchNote(q);
  const searched = speakerSearchCitation(q);
  return {
    text: q.text,
    kind: q.kind,
    inferred: q.speaker?.inferred ?? false,
    cues: q.cue ? [q.cue] : [],
    citations: [quoteCitation(q)],
    search: note && searched ? { note, citation: searched } : null,
  };
}

/** Adds a further outlet's quote of the same words to their merged quote. */
function mergeInto(existing: MergedQuote, q: Quote): void {
  existing.citations.push(quoteCitation(q));
  existing.inferred &&= q.speaker?.inferred ?? false;
  if (q.cue && !existing.cues.includes(q.cue)) existing.cues.push(q.cue);
  // A direct quote of the words outranks a paraphrase of them.
  if (q.kind === 'direct') existing.kind = 'direct';
}

/** Groups quotes by speaker, most-quoted speaker first and quotes without a speaker last. */
export function groupQuotes(quotes: readonly Quote[], options: GroupOptions = {}): SpeakerGroup[] {
  const groups = new Map<string, OpenGroup>();
  for (const q of quotes) {
    const key = speakerKey(q);
    const group = groups.get(key) ?? openGroup(q, key, options);
    groups.set(key, group);
    const wording = wordingKey(q.text);
    const existing = group.byWording.get(wording);
    if (existing) {
      mergeInto(existing, q);
    } else {
      const item = mergedQuote(q);
      group.byWording.set(wording, item);
      group.quotes.push(item);
    }
  }
  return [...groups.values()]
    .map(({ key, name, quotes: list }) => ({ key, name, quotes: list }))
    .sort(
      (a, b) =>
        Number(a.key === UNATTRIBUTED) - Number(b.key === UNATTRIBUTED) ||
        b.quotes.length - a.quotes.length ||
        a.name.localeCompare(b.name),
    );
}

/** The groups narrowed to one speaker and/or to the quotes one article carries (empty groups dropped). */
export function filterGroups(
  groups: readonly SpeakerGroup[],
  filter: { speaker?: string | null; articleIds?: ReadonlySet<string> | null },
): SpeakerGroup[] {
  const ids = filter.articleIds;
  return groups
    .filter((g) => !filter.speaker || g.key === filter.speaker)
    .map((g) => (ids ? { ...g, quotes: g.quotes.filter((q) => q.citations.some((c) => ids.has(c.articleId))) } : g))
    .filter((g) => g.quotes.length > 0);
}
