import type { Removal } from '../model.js';

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
const IMAGE = /!\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g;

/** Removes inline markup: links to their text, emphasis, inline code, autolinks and stray HTML tags. */
function stripInline(line: string): string {
  return line
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?:\/\/|www\.)[^>]+)>/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])/g, '$1')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
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
        removed.push({ text: fence.join('\n'), reason: 'markup', detail: 'code block' });
        fence = null;
      } else fence = [];
      continue;
    }
    if (fence) {
      fence.push(line);
      continue;
    }
    if (RULE.test(line) || LINK_DEFINITION.test(line) || /^\s*<!--.*-->\s*$/.test(line)) {
      removed.push({ text: line.trim(), reason: 'markup', detail: 'rule, link definition or comment' });
      out.push('');
      continue;
    }
    for (const m of line.matchAll(IMAGE))
      removed.push({ text: m[0], reason: 'markup', detail: `image${m[1] ? `: ${m[1]}` : ''}` });
    const h = HEADING.exec(line);
    const plain = stripInline(stripBlock(h ? (h[1] ?? '') : line.replace(IMAGE, ''))).trim();
    if (h && heading === null && plain !== '') heading = plain;
    out.push(plain);
  }
  if (fence) removed.push({ text: fence.join('\n'), reason: 'markup', detail: 'unclosed code block' });
  return { text: out.join('\n'), removed, heading };
}
