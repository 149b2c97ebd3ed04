import type { Speaker, Span } from '../../model.js';
import { mentionsIn, type LinkedMention } from './resolve-speaker.js';
import type { Attribution } from './segment-cues.js';

/**
 * The speaker of a quotation introduced by a colon ('Trump issued the following statement: "..."', 'He said:' closing
 * a paragraph before a quoted one, 'Carly Fiorina: "..."' in a headline): the speaker of the last attribution before
 * the colon, else the person or organization named right before the colon, else the first one named before it (not as
 * a possessive: "Obama's remarks"; not in an all-capitals heading), marked inferred. Null when the clause names no one.
 */
export function colonSpeaker(
  text: string,
  clause: Span,
  atts: readonly Attribution[],
  mentions: readonly LinkedMention[],
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
  const named = labels.at(-1) ?? candidates[0];
  if (!named) return null;
  const { start, end } = named.mention;
  return {
    entityId: named.entity.id,
    name: named.entity.name,
    mention: { start, end, text: text.slice(start, end) },
    inferred: true,
  };
}
