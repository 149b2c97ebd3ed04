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

/**
 * Converts Markdown to plain text line by line: headings become plain lines (the first is a title candidate), links
 * become their text, emphasis and code marks go, and images, rules, code blocks and link definitions are removed with a
 * reason. Blank lines are kept, so paragraphs stay paragraphs.
 */
export function stripMarkdown(markdown: string): MarkdownText {
  const removed: Removal[] = [];
  const out: string[] = [];
  let heading: string | null = null;
  let fence: string[] | null = null;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (FENCE.test(line)) {
      if (fence) {
        removed.push({ text: fence.join('\n'), reason: 'markup', rule: 'markdown-code-block', detail: 'code block' });
        fence = null;
      } else fence = [];
      continue;
    }
    if (fence) {
      fence.push(line);
      continue;
    }
    if (RULE.test(line) || LINK_DEFINITION.test(line) || /^\s*<!--.*-->\s*$/.test(line)) {
      removed.push({
        text: line.trim(),
        reason: 'markup',
        rule: 'markdown-furniture',
        detail: 'rule, link definition or comment',
      });
      out.push('');
      continue;
    }
    const images = findImages(line);
    for (const m of images)
      removed.push({
        text: line.slice(m.start, m.end),
        reason: 'markup',
        rule: 'markdown-image',
        detail: `image${m.alt ? `: ${m.alt}` : ''}`,
      });
    const h = HEADING.exec(line);
    const plain = stripInline(stripBlock(h ? (h[1] ?? '') : dropImages(line, images))).trim();
    if (h && heading === null && plain !== '') heading = plain;
    out.push(plain);
  }
  if (fence) {
    removed.push({
      text: fence.join('\n'),
      reason: 'markup',
      rule: 'markdown-code-block',
      detail: 'unclosed code block',
    });
  }
  return { text: out.join('\n'), removed, heading };
}
