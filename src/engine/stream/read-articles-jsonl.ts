import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fail, ok, type Result } from '../../core/result.js';
import type { InputFailure } from '../../core/model.js';
import { readArticle } from '../../core/read/read-article.js';
import { isIsoDate } from '../inputs/article-object.js';
import { DEFAULT_MAX_BYTES, formatBytes, type ByteStream } from '../inputs/options.js';
import { splitLines } from './split-lines.js';

/** One article of a JSON Lines stream, read to plain text. */
export interface StreamArticle {
  id: string;
  url: string | null;
  outlet: string | null;
  /** ISO 8601 date or date-time, null when unknown. */
  date: string | null;
  title: string | null;
  text: string;
}

/** One line of the stream: the article it holds, or why it could not be read. */
export type StreamItem = { line: number; article: StreamArticle } | { line: number; failure: InputFailure };

/** Options of reading an article stream. */
export interface ArticleStreamOptions {
  /** The stream read for the path `-`. */
  stdin?: ByteStream;
  /** Folder that relative paths start from (default the current folder). */
  cwd?: string;
  /** Size limit of one line (one article) in bytes; a longer line is a failure for that line. Default 5 MB. */
  maxLineBytes?: number;
}

const FIELDS = ['id', 'url', 'outlet', 'date', 'title', 'text', 'html'] as const;

/** A problem with the whole stream (the file is missing or unreadable): no line can be read. */
export class StreamSourceError extends Error {
  override name = 'StreamSourceError';
}

/**
 * Reads a JSON Lines article stream (`{id, url?, outlet?, date?, title?, text?|html?}`, one a line; null means
 * absent; `-` reads standard input) in order. A bad line is a failure for that line, named `source#line`, and the
 * lines after it still come. HTML is read to text with the core reader, which also fills a missing title, outlet or
 * date from the page. An id seen before on an earlier line is a failure; a line with no id takes its url, or its
 * source and line number.
 */
export async function* readArticleStream(path: string, options: ArticleStreamOptions = {}): AsyncGenerator<StreamItem> {
  const source = path === '-' ? 'stdin' : path;
  const stream = await openStream(path, options);
  const seen = new Map<string, number>();
  for await (const line of splitLines(stream, options.maxLineBytes ?? DEFAULT_MAX_BYTES)) {
    const name = `${source}#${line.number}`;
    if ('tooLong' in line) {
      const message = `${name}: the line is over the size limit of ${formatBytes(options.maxLineBytes ?? DEFAULT_MAX_BYTES)}`;
      yield { line: line.number, failure: { source: name, code: 'too-large', message } };
      continue;
    }
    if (line.text.trim() === '') continue;
    const read = articleOfLine(line.text, name);
    if (!read.ok) {
      yield { line: line.number, failure: read.failure };
      continue;
    }
    const first = seen.get(read.value.id);
    if (first !== undefined) {
      const message = `${name}: the id ${JSON.stringify(read.value.id)} was already used on line ${first}`;
      yield { line: line.number, failure: { source: name, code: 'duplicate-id', message } };
      continue;
    }
    seen.set(read.value.id, line.number);
    yield { line: line.number, article: read.value };
  }
}

/** Opens a file (checked to be a regular file) or standard input as a byte stream. */
async function openStream(path: string, options: ArticleStreamOptions): Promise<ByteStream> {
  if (path === '-') {
    if (!options.stdin) throw new StreamSourceError('stdin: no standard input to read');
    return options.stdin;
  }
  const full = resolve(options.cwd ?? process.cwd(), path);
  try {
    if (!(await stat(full)).isFile()) throw new StreamSourceError(`${path}: not a regular file`);
  } catch (error) {
    if (error instanceof StreamSourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
    throw new StreamSourceError(`${path}: ${why ?? 'cannot be read'}`);
  }
  return createReadStream(full);
}

/** Reads one line's JSON into an article; every problem is a failure naming the line. */
function articleOfLine(line: string, name: string): Result<StreamArticle> {
  const fields = fieldsOfLine(line, name);
  if (!fields.ok) return fields;
  const field = fields.value;
  const date = field('date');
  if (date !== null && !isIsoDate(date)) {
    return fail(name, 'bad-date', `${name}: "date" is not an ISO 8601 date: ${JSON.stringify(date)}`);
  }
  const html = field('html');
  const text = field('text');
  if (html !== null && text !== null) return fail(name, 'bad-article', `${name}: give "text" or "html", not both`);
  if (html === null && text === null) return fail(name, 'empty-text', `${name}: the article has no "text" or "html"`);
  const id = field('id') ?? field('url') ?? name;
  const article: StreamArticle = {
    id,
    url: field('url'),
    outlet: field('outlet'),
    date,
    title: field('title'),
    text: text ?? '',
  };
  return html === null ? ok(article) : readHtml(article, html, name);
}

/** A line's field, trimmed; absent, null or blank is null. */
type FieldOfLine = (f: (typeof FIELDS)[number]) => string | null;

/** Parses a line as a JSON object whose known fields are strings or null, and gives a reader of those fields. */
function fieldsOfLine(line: string, name: string): Result<FieldOfLine> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail(name, 'bad-json', `${name}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(name, 'bad-article', `${name}: expected an article object {id, text|html, title?, date?, ...}`);
  }
  const record = value as Record<string, unknown>;
  const wrong = FIELDS.find((f) => record[f] !== undefined && record[f] !== null && typeof record[f] !== 'string');
  if (wrong) return fail(name, 'bad-article', `${name}: the field "${wrong}" must be a string or null`);
  return ok((f) => {
    const v = (record[f] as string | null | undefined)?.trim();
    return v ? v : null;
  });
}

/** Reads an HTML item to text with the core reader; the page's own title, outlet and date fill what the line lacks. */
function readHtml(article: StreamArticle, html: string, name: string): Result<StreamArticle> {
  const meta = {
    ...(article.url ? { url: article.url } : {}),
    ...(article.title ? { title: article.title } : {}),
    ...(article.outlet ? { outlet: article.outlet } : {}),
    ...(article.date ? { publishedAt: article.date } : {}),
  };
  const read = readArticle({ id: article.id, source: name, format: 'html', content: html, meta });
  if (!read.ok) return read;
  const page = read.value;
  return ok({
    ...article,
    title: article.title ?? page.title,
    outlet: article.outlet ?? page.outlet,
    date: article.date ?? page.publishedAt?.value ?? null,
    text: page.text,
  });
}
