import type { Removal } from '../model.js';
import {
  dropImages,
  dropTags,
  findImages,
  replaceAutolinks,
  replaceLinks,
  replaceStrikethrough,
  replaceStrongEmphasis,
} from './markdown-inline.js';

/** Plain text from Markdown, with what was dropped and the first heading (a title candidate). */
export interface MarkdownText {
  text: string;
  removed: Removal[];
  heading: string | null;
}

const FENCE = /^\s*(?:```|~~~)/;
const RULE = /^\s*(?:[-*_]\s*){3,}$|^\s*=+\s*$/;
const LINK_DEFINITION = /^\s*\[[^\]]+\]:\s*\S+/;
const HEADING = /^\s*#{1,6}\s+(.*?)\s*#*\s*$/;
/**
 * Removes inline markup: links to their text, emphasis, inline code, autolinks and stray HTML tags. Bracketed and
 * delimited markup that a regular expression would retry from every opening is matched in one pass
 * (`markdown-inline.ts`); the emphasis and code patterns stop at the next delimiter and stay linear as they are.
 */
function stripInline(line: string): string {
  const text = replaceStrongEmphasis(dropTags(replaceAutolinks(replaceLinks(replaceLinks(line), true))))
    .replace(/(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])/g, '$1');
  return replaceStrikethrough(text).replace(/`([^`]+)`/g, '$1');
}

/** Removes block markers: quote prefixes and list bullets. */
function stripBlock(line: string): string {
  return line.replace(/^\s*(?:>\s?)+/, '').replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '');
}

/** The rules of the Markdown stripper, as each removal names them. */
export const MARKDOWN_RULES = {
  codeBlock: 'markdown-code-block',
  furniture: 'markdown-furniture',
  image: 'markdown-image',
} as const;

/** What the stripper has built so far. */
interface StripState {
  removed: Removal[];
  out: string[];
  heading: string | null;
  /** The lines of the open code block, or null outside one. */
  fence: string[] | null;
}

/** A removed piece of markup. */
function markup(text: string, rule: string, detail: string): Removal {
  return { text, reason: 'markup', rule, detail };
}

/** Takes a fence line or a line inside a code block; false for a line outside code. */
function takeCode(line: string, state: StripState): boolean {
  if (FENCE.test(line)) {
    if (state.fence) state.removed.push(markup(state.fence.join('\n'), MARKDOWN_RULES.codeBlock, 'code block'));
    state.fence = state.fence ? null : [];
    return true;
  }
  if (!state.fence) return false;
  state.fence.push(line);
  return true;
}

/** Strips one line outside code: furniture is removed (a blank line kept), images removed, the rest made plain. */
function stripLine(line: string, state: StripState): void {
  if (RULE.test(line) || LINK_DEFINITION.test(line) || /^\s*<!--.*-->\s*$/.test(line)) {
    state.removed.push(markup(line.trim(), MARKDOWN_RULES.furniture, 'rule, link definition or comment'));
    state.out.push('');
    return;
  }
  const images = findImages(line);
  for (const m of images)
    state.removed.push(markup(line.slice(m.start, m.end), MARKDOWN_RULES.image, `image${m.alt ? `: ${m.alt}` : ''}`));
  const h = HEADING.exec(line);
  const plain = stripInline(stripBlock(h ? (h[1] ?? '') : dropImages(line, images))).trim();
  if (h && state.heading === null && plain !== '') state.heading = plain;
  state.out.push(plain);
}

/**
 * Converts Markdown to plain text line by line: headings become plain lines (the first is a title candidate), links
 * become their text, emphasis and code marks go, and images, rules, code blocks and link definitions are removed with a
 * reason. Blank lines are kept, so paragraphs stay paragraphs.
 */
export function stripMarkdown(markdown: string): MarkdownText {
  const state: StripState = { removed: [], out: [], heading: null, fence: null };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) if (!takeCode(line, state)) stripLine(line, state);
  if (state.fence) state.removed.push(markup(state.fence.join('\n'), MARKDOWN_RULES.codeBlock, 'unclosed code block'));
  return { text: state.out.join('\n'), removed: state.removed, heading: state.heading };
}
