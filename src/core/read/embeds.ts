import { readProvenance } from './provenance.js';
import type { Embed } from '../model.js';
import type { LineDecision } from './clean/rule.js';
import type { Line } from './lines.js';
import { wink } from '../nlp/wink.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "— Name (@handle) May 16, 2021", optionally preceded by the post's text on the same line. */
const SIGNATURE =
  /^(?<pre>.*?)\s*[—–-]{1,2}\s*(?<author>[^()\n]{1,80}?)\s*\(@(?<handle>\w{1,15})\)\s*(?<month>[A-Z][a-z]{2,8})\.? (?<day>\d{1,2}), (?<year>\d{4})\s*$/u;
/** A link to a post or the shortener posts are signed with. */
const POST_LINK = /^(?:https?:\/\/)?(?:t\.co|(?:www\.|mobile\.)?(?:twitter|x)\.com|pic\.twitter\.com)\/\S+$/i;
/** Marks of social-post text: hashtags, mentions, attached picture links. */
const SOCIAL_MARK = /(?:^|\s)[#@]\w|pic\.twitter\.com|https?:\/\/t\.co\//;
/** A post is at most this long (a thread continuation line too). */
const MAX_POST = 300;

/** Embedded posts found in a list of lines, with the decisions that take their lines out of the body. */
export interface EmbedExtraction {
  embeds: Embed[];
  decisions: Map<number, LineDecision>;
}

/** Converts "May 16, 2021" parts to an ISO date, or null when the month is not an English month name. */
function isoDate(month: string, day: string, year: string): string | null {
  const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  if (m < 0) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * A line that continues a thread after a signature: an unattributed stand-alone quotation, or telegraphic post style
 * (a subject followed directly by an -ing verb with no auxiliary: "Israel making clear ...", "admin not pressuring").
 * Article prose attributes quotations and uses finite verbs, so neither form is the outlet's own writing.
 */
export function isThreadContinuation(text: string): boolean {
  if (text.length > MAX_POST) return false;
  if (SOCIAL_MARK.test(text)) return true;
  if (/^[“"][^“”"]+[”"]$/u.test(text)) return true;
  const nlp = wink();
  const doc = nlp.readDoc(text);
  const pos = doc.tokens().out(nlp.its.pos) as string[];
  const values = doc.tokens().out(nlp.its.value) as string[];
  let k = pos[0] === 'CCONJ' ? 1 : 0;
  const subjectStart = k;
  while (k < pos.length && k - subjectStart < 3 && (pos[k] === 'PROPN' || pos[k] === 'NOUN')) k++;
  if (k === subjectStart) return false;
  if (pos[k] === 'PART' && values[k]?.toLowerCase() === 'not') k++;
  return pos[k] === 'VERB' && /ing$/i.test(values[k] ?? '');
}

/** Lines of a post's text before its signature: the line before, plus earlier lines that carry social marks. */
function postLines(lines: readonly Line[], signature: number, taken: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = signature - 1; i >= 0 && !taken.has(i); i--) {
    const text = lines[i]?.text ?? '';
    if (text.length > MAX_POST) break;
    if (out.length > 0 && !SOCIAL_MARK.test(text)) break;
    out.unshift(i);
  }
  return out;
}

/**
 * Finds embedded social posts: a signature line "— Name (@handle) Month D, YYYY", the post text before it, the post's
 * link after it, and unsigned lines of the same thread after that. The body resumes at the first line of prose.
 */
export function extractEmbeds(lines: readonly Line[]): EmbedExtraction {
  const embeds: Embed[] = [];
  const decisions = new Map<number, LineDecision>();
  const rule = 'extract-embeds';
  for (const line of lines) {
    // Every signature has "(@": most lines are settled without running the pattern.
    const m = line.text.includes('(@') ? SIGNATURE.exec(line.text) : null;
    if (!m?.groups || decisions.has(line.index)) continue;
    const g = m.groups;
    const before = g.pre ? [] : postLines(lines, line.index, new Set(decisions.keys()));
    const texts = [...before.map((i) => lines[i]?.text ?? ''), ...(g.pre ? [g.pre] : [])];
    let next = line.index + 1;
    let url: string | null = null;
    const linkLine = lines[next]?.text ?? '';
    if (POST_LINK.test(linkLine)) {
      url = linkLine;
      decisions.set(next, { reason: 'embed', rule, detail: `link of the post by @${g.handle}` });
      next++;
    }
    const thread: number[] = [];
    while (
      next < lines.length &&
      isThreadContinuation(lines[next]?.text ?? '') &&
      !SIGNATURE.test(lines[next]?.text ?? '')
    )
      thread.push(next++);
    for (const i of before) decisions.set(i, { reason: 'embed', rule, detail: `text of the post by @${g.handle}` });
    decisions.set(line.index, { reason: 'embed', rule, detail: `signature of the post by @${g.handle}` });
    for (const i of thread)
      decisions.set(i, {
        reason: 'embed',
        rule,
        detail: `unsigned line after the post by @${g.handle}, in post form (thread continuation)`,
      });
    embeds.push({
      kind: 'social-post',
      text: [...texts, ...thread.map((i) => lines[i]?.text ?? '')].join('\n\n'),
      author: g.author?.trim() || null,
      handle: g.handle ?? null,
      date: isoDate(g.month ?? '', g.day ?? '', g.year ?? ''),
      url,
      provenance: readProvenance('post-signature'),
    });
  }
  return { embeds, decisions };
}
