import type { Speaker, Span } from '../../model.js';
import type { WordUnit } from '../entities/word-units.js';
import { mentionsIn, type LinkedMention } from './resolve-speaker.js';
import type { Attribution } from './segment-cues.js';
import { firstStartingFrom } from '../../span-index.js';

/**
 * The speaker of a quotation introduced by a colon ('Trump issued the following statement: "..."', 'He said:' closing
 * a paragraph before a quoted one, 'Carly Fiorina: "..."' in a headline): the speaker of the last attribution before
 * the colon, else the person or organization named right before the colon, else the first one named before it (not as
 * a possessive: "Obama's remarks"; not in an all-capitals heading), marked inferred. A name followed by its verb is
 * the clause's subject and wins over one named in an opening phrase ("With Democrats worried about Clinton, Obama is
 * rolling out a message:"). Null when the clause names no one.
 */
export function colonSpeaker(
  text: string,
  clause: Span,
  atts: readonly Attribution[],
  mentions: readonly LinkedMention[],
  units: readonly WordUnit[],
): Speaker | null {
  const spoken = atts.filter((at) => at.speaker !== null).at(-1);
  if (spoken?.speaker) return spoken.speaker;
  const candidates = mentionsIn(mentions, clause.start, clause.end).filter(
    (m) =>
      m.entity.type !== 'place' &&
      m.mention.end <= clause.end &&
      !/^['’]s\b/.test(text.slice(m.mention.end, m.mention.end + 3)) &&
      /[a-z]/.test(m.mention.text),
  );
  // "Jeffrey M. Jones: ..." names the speaker right before the colon; otherwise the clause's subject comes first.
  const labels = candidates.filter((m) => /^\s*(\([^()]{1,20}\))?\s*:/.test(text.slice(m.mention.end, clause.end)));
  const named = labels.at(-1) ?? candidates.find((m) => beforeVerb(units, m.mention.end)) ?? candidates[0];
  if (!named) return null;
  const { start, end } = named.mention;
  return {
    entityId: named.entity.id,
    name: named.entity.name,
    mention: { start, end, text: text.slice(start, end) },
    inferred: true,
  };
}

/** True when the word right after `pos` is a verb ("Obama is", "Trump issued"), found by binary search on the units. */
function beforeVerb(units: readonly WordUnit[], pos: number): boolean {
  const next = units[firstStartingFrom(units, pos)];
  // A finite verb: "Hillary Releasing" in a headline is a participle, not the clause's verb.
  const verb = next !== undefined && next.type === 'word' && (next.pos === 'VERB' || next.pos === 'AUX');
  return verb && !/ing$/.test(next.lower);
}
