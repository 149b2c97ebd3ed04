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

/** The name of the rule that takes embedded posts out of the body (in each removal's `rule`). */
export const EMBED_RULE = 'extract-embeds';

/** The parts of a signature line ("— Name (@handle) May 16, 2021"). */
type Signature = Partial<Record<'pre' | 'author' | 'handle' | 'month' | 'day' | 'year', string>>;

/** The signature of a line, or null. */
function signatureOf(line: Line): Signature | null {
  // Every signature has "(@": most lines are settled without running the pattern.
  return line.text.includes('(@') ? (SIGNATURE.exec(line.text)?.groups ?? null) : null;
}

/** The post's link on the line after the signature, or null. */
function postLink(lines: readonly Line[], index: number): string | null {
  const text = lines[index]?.text ?? '';
  return POST_LINK.test(text) ? text : null;
}

/** Unsigned lines in post form from `start` on: the rest of the thread. */
function threadLines(lines: readonly Line[], start: number): number[] {
  const thread: number[] = [];
  for (let next = start; next < lines.length; next++) {
    const text = lines[next]?.text ?? '';
    if (!isThreadContinuation(text) || SIGNATURE.test(text)) break;
    thread.push(next);
  }
  return thread;
}

/** Records the removal of one line of a post. */
function decideEmbedLine(decisions: Map<number, LineDecision>, index: number, detail: string): void {
  decisions.set(index, { reason: 'embed', rule: EMBED_RULE, detail });
}

/** Takes one signed post out of the body: its text lines, signature, link and thread; returns the embed. */
function takePost(lines: readonly Line[], line: Line, g: Signature, decisions: Map<number, LineDecision>): Embed {
  const by = `the post by @${g.handle}`;
  const before = g.pre ? [] : postLines(lines, line.index, new Set(decisions.keys()));
  const texts = [...before.map((i) => lines[i]?.text ?? ''), ...(g.pre ? [g.pre] : [])];
  const url = postLink(lines, line.index + 1);
  if (url !== null) decideEmbedLine(decisions, line.index + 1, `link of ${by}`);
  const thread = threadLines(lines, line.index + (url !== null ? 2 : 1));
  for (const i of before) decideEmbedLine(decisions, i, `text of ${by}`);
  decideEmbedLine(decisions, line.index, `signature of ${by}`);
  for (const i of thread)
    decideEmbedLine(decisions, i, `unsigned line after ${by}, in post form (thread continuation)`);
  return {
    kind: 'social-post',
    text: [...texts, ...thread.map((i) => lines[i]?.text ?? '')].join('\n\n'),
    author: g.author?.trim() || null,
    handle: g.handle ?? null,
    date: isoDate(g.month ?? '', g.day ?? '', g.year ?? ''),
    url,
    provenance: readProvenance('post-signature'),
  };
}

/**
 * Finds embedded social posts: a signature line "— Name (@handle) Month D, YYYY", the post text before it, the post's
 * link after it, and unsigned lines of the same thread after that. The body resumes at the first line of prose.
 */
export function extractEmbeds(lines: readonly Line[]): EmbedExtraction {
  const embeds: Embed[] = [];
  const decisions = new Map<number, LineDecision>();
  for (const line of lines) {
    const g = signatureOf(line);
    if (g && !decisions.has(line.index)) embeds.push(takePost(lines, line, g, decisions));
  }
  return { embeds, decisions };
}
