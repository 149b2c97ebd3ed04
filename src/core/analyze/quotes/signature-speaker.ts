import type { Speaker } from '../../model.js';
import { mentionsIn, type LinkedMention } from './resolve-speaker.js';

/** Closing marks, then a new paragraph opening with a dash: the signature line of a quotation ("— Bernie Sanders."). */
const SIGNATURE = /^[\s"”'’.]*\n\s*[-—–]\s*(?=[A-Z])/;
const MAX_SIGNATURE = 120;

/**
 * The speaker signed under a quotation: a paragraph that opens with a dash and a name right after the quotation
 * ('"...all new income goes to the top 1 percent." / - Bernie Sanders.'), as fact-checks and quote lists print them.
 * The name's entity when it is a person or an organization, else null.
 */
export function signatureSpeaker(text: string, quoteEnd: number, mentions: readonly LinkedMention[]): Speaker | null {
  const m = SIGNATURE.exec(text.slice(quoteEnd, quoteEnd + MAX_SIGNATURE));
  if (!m) return null;
  const from = quoteEnd + m[0].length;
  const lineEnd = text.indexOf('\n', from);
  const to = lineEnd < 0 ? Math.min(text.length, from + MAX_SIGNATURE) : lineEnd;
  // The name comes first on the line ("- President Obama, tweeting after ..."): the first person or organization.
  const named = mentionsIn(mentions, from, to).find(
    (x) => x.entity.type === 'person' || x.entity.type === 'organization',
  );
  if (!named || /[.!?]/.test(text.slice(from, named.mention.start))) return null;
  const { start, end } = named.mention;
  return {
    entityId: named.entity.id,
    name: named.entity.name,
    mention: { start, end, text: text.slice(start, end) },
    inferred: false,
  };
}
