import { basename, extname } from 'node:path';
import { shortHash } from '../../core/hash.js';
import type { Diagnostic, InputFormat, InputMeta, RawArticle } from '../../core/model.js';
import { decodeBytes } from './decode-bytes.js';
import { fileKind, sniffFormat, supportedExtensions, type FileKind } from './detect-format.js';
import { formatBytes } from './options.js';
import { ownOutputKind } from './own-output.js';
import { readJsonArticles } from './read-json.js';
import { readJsonLinesArticles } from './read-jsonl.js';
import { emptyResult, failureResult, type InputResult } from './result.js';

/** The bytes of one input with what is known about them. */
export interface NamedBytes {
  /** Where the bytes came from, named in failures and in `RawArticle.source` (a path, a URL, `stdin`, a file name). */
  source: string;
  bytes: Uint8Array;
  /** The kind of content; `sniff` tells HTML from text by looking at it. */
  kind: FileKind | 'sniff';
  /** The article id; a short hash of the content when absent. */
  id?: string;
  meta?: InputMeta;
  /** A charset declared outside the bytes (HTTP Content-Type). */
  declaredCharset?: string;
  /** Notes to attach to every article read from these bytes. */
  diagnostics?: Diagnostic[];
  /** True when a file Parallax wrote (a report, an extract output) is to be skipped with a note, not read. */
  skipOwnOutput?: boolean;
}

/**
 * Reads an uploaded file by its name and bytes (never a path): the extension picks the format as for files on disk.
 * Used by the HTTP server for uploads.
 */
export function readUploadedFile(name: string, bytes: Uint8Array, options: { maxBytes: number }): InputResult {
  const kind = fileKind(name);
  if (!kind) return unsupportedExtension(name);
  return readNamedBytes({ source: name, bytes, kind, id: fileId(name) }, options);
}

/** Decodes bytes and reads them as the given kind: one article (text, HTML, Markdown) or JSON article objects. */
export function readNamedBytes(input: NamedBytes, options: { maxBytes: number }): InputResult {
  const { source, bytes } = input;
  if (bytes.length > options.maxBytes) {
    const message = `${source}: ${formatBytes(bytes.length)} is over the size limit of ${formatBytes(options.maxBytes)}`;
    return failureResult(source, 'too-large', message);
  }
  const decoded = decodeBytes(source, bytes, {
    html: input.kind === 'html' || input.kind === 'sniff',
    ...(input.declaredCharset ? { declaredCharset: input.declaredCharset } : {}),
  });
  if (!decoded.ok) return { ...emptyResult(), failures: [decoded.failure] };
  const { text, diagnostics } = decoded.value;
  const own = input.skipOwnOutput ? ownOutputKind(text) : null;
  if (own) {
    const note = { source, code: 'skipped-own-output', message: `${source}: skipped (${own}, not an article)` };
    return { ...emptyResult(), notes: [note] };
  }
  const notes = [...(input.diagnostics ?? []), ...diagnostics];
  if (input.kind === 'json' || input.kind === 'jsonl') {
    const context = { source, maxBytes: options.maxBytes, ...(input.id ? { fileId: input.id } : {}) };
    const read = input.kind === 'json' ? readJsonArticles(text, context) : readJsonLinesArticles(text, context);
    return { ...read, articles: read.articles.map((a) => withDiagnostics(a, notes)) };
  }
  const format: InputFormat = input.kind === 'sniff' ? sniffFormat(text) : input.kind;
  const article: RawArticle = {
    id: input.id ?? shortHash(text),
    source,
    format,
    content: text,
    meta: { ...input.meta },
  };
  return { ...emptyResult(), articles: [withDiagnostics(article, notes)] };
}

/** A file's id: its name without the extension. */
export function fileId(name: string): string {
  return basename(name, extname(name));
}

/** The failure for a file whose extension is not supported. */
export function unsupportedExtension(source: string): InputResult {
  const ext = extname(source) || '(none)';
  return failureResult(
    source,
    'unsupported-format',
    `${source}: unsupported file extension ${ext} (supported: ${supportedExtensions()})`,
  );
}

function withDiagnostics(article: RawArticle, diagnostics: Diagnostic[]): RawArticle {
  if (diagnostics.length === 0) return article;
  return { ...article, diagnostics: [...diagnostics, ...(article.diagnostics ?? [])] };
}
