import { extname } from 'node:path';
import type { InputFormat } from '../../core/model.js';

/** What a file holds, judged by its extension: one article in a reader format, or article objects in JSON. */
export type FileKind = InputFormat | 'json' | 'jsonl';

/** The supported file extensions and what each holds. */
export const FILE_KINDS: Readonly<Record<string, FileKind>> = {
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.jsonl': 'jsonl',
};

/** The kind of a file by its (case-insensitive) extension, or null when unsupported. */
export function fileKind(name: string): FileKind | null {
  return FILE_KINDS[extname(name).toLowerCase()] ?? null;
}

/** The supported extensions, for messages ("supported: .txt, .html, ..."). */
export function supportedExtensions(): string {
  return Object.keys(FILE_KINDS).join(', ');
}

/** Tells HTML from plain text by its opening tags (for standard input and text fetched without a clear type). */
export function sniffFormat(content: string): 'html' | 'text' {
  const head = content
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^<(!doctype\s+html|html|head|body|!--)/i.test(head)) return 'html';
  const tags = head.match(/<\/?(p|div|article|section|h[1-6]|span|a|br|meta|title|main)\b[^>]*>/gi) ?? [];
  return tags.length >= 2 ? 'html' : 'text';
}
