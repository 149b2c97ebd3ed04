import type { Speaker } from '../../model.js';
import { firstMentionIn, type LinkedMention } from './resolve-speaker.js';

/** Closing marks, then a new paragraph opening with a dash: the signature line of a quotation ("— Bernie Sanders."). */
const SIGNATURE = /^[\s"”'’.]*\n\s*(?:--|[-—–―])\s*(?=[A-Z])/;
/** Closing marks, then a dash on the same line ('..." ― Maria Lopez'): reader responses and quote lists. */
const INLINE_SIGNATURE = /^["”'’]+\.?[ \t\u00a0]*(?:--|[—–―])[ \t\u00a0]*(?=[A-Z])/;
/** A line that holds a name and nothing else: two to five capitalized words, an optional full stop. */
const NAME_LINE = /^\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,4}\.?\s*$/u;
const MAX_SIGNATURE = 120;

/** The last line break looked up: quotations are read in text order, so the next one asks from the same line. */
const lastBreak = { text: '', from: 0, at: -1 };

/**
 * The index of the first line break at or after `from` (-1 when none), remembered: on a text with many signed
 * quotations on one long line, each would otherwise search to the line's end.
 */
function lineBreakFrom(text: string, from: number): number {
  const known = text === lastBreak.text && from >= lastBreak.from && (lastBreak.at < 0 || from <= lastBreak.at);
  if (!known) Object.assign(lastBreak, { text, from, at: text.indexOf('\n', from) });
  return lastBreak.at;
}

/** The speaker named at `from`, on a line ending at `to`: its entity when one heads the line, else the bare name. */
function signer(
  text: string,
  from: number,
  to: number,
  mentions: readonly LinkedMention[],
  inline: boolean,
): Speaker | null {
  // The name comes first on the line ("- President Obama, tweeting after ..."): the first person or organization.
  const named = firstMentionIn(
    mentions,
    from,
    to,
    (x) => x.entity.type === 'person' || x.entity.type === 'organization',
  );
  const line = text.slice(from, to);
  // On the quotation's own line the dash must end the paragraph with a name alone, or it is a dash of the sentence.
  if (inline && !NAME_LINE.test(line)) return null;
  if (named && !/[.!?]/.test(text.slice(from, named.mention.start))) {
    const { start, end } = named.mention;
    return {
      entityId: named.entity.id,
      name: named.entity.name,
      mention: { start, end, text: text.slice(start, end) },
      inferred: false,
    };
  }
  if (!inline) return null;
  const name = line.replace(/\.?\s*$/, '');
  return { entityId: null, name, mention: { start: from, end: from + name.length, text: name }, inferred: false };
}

/**
 * The speaker signed under or after a quotation: a paragraph that opens with a dash and a name right after the
 * quotation ('"...all new income goes to the top 1 percent." / - Bernie Sanders.'), as fact-checks and quote lists
 * print them, or a dash and a name alone closing the quotation's own paragraph ('"..." ― Maria Lopez'), as reader
 * responses print them. The name's entity when it is a person or an organization; on the quotation's own line, else
 * the name as written; otherwise null.
 */
export function signatureSpeaker(text: string, quoteEnd: number, mentions: readonly LinkedMention[]): Speaker | null {
  const window = text.slice(quoteEnd, quoteEnd + MAX_SIGNATURE);
  const m = SIGNATURE.exec(window) ?? INLINE_SIGNATURE.exec(window);
  if (!m) return null;
  const inline = !m[0].includes('\n');
  const from = quoteEnd + m[0].length;
  const lineEnd = lineBreakFrom(text, from);
  const to = lineEnd < 0 ? Math.min(text.length, from + MAX_SIGNATURE) : lineEnd;
  return signer(text, from, to, mentions, inline);
}
