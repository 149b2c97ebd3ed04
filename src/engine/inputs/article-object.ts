import { fail, ok, type Result } from '../../core/errors.js';
import { shortHash } from '../../core/hash.js';
import type { Diagnostic, InputMeta, RawArticle } from '../../core/model.js';
import { formatBytes } from './options.js';

/** One article given as data (JSON input, library call, HTTP body): text or HTML plus optional metadata. */
export interface ArticleObject {
  /** Article id; a short hash of the content when absent. */
  id?: string;
  /** The article as plain text. Give `text` or `html`, not both. */
  text?: string;
  /** The article as an HTML page or fragment. */
  html?: string;
  title?: string;
  url?: string;
  outlet?: string;
  byline?: string;
  /** ISO 8601 date or date-time. */
  publishedAt?: string;
}

const META_FIELDS = ['title', 'url', 'outlet', 'byline', 'publishedAt'] as const;
const KNOWN_FIELDS = new Set<string>(['id', 'text', 'html', ...META_FIELDS]);

/** Where an article object came from and how to name it. */
export interface ObjectContext {
  /** The source named in failures and in `RawArticle.source` (e.g. `story.json#2`). */
  source: string;
  /** The id to use when the object has none (a file name); a content hash otherwise. */
  fallbackId?: string;
  /** Size limit of the content in bytes. */
  maxBytes: number;
}

/** Validates one article object and turns it into a RawArticle; a bad object is a failure naming its source. */
export function articleFromObject(value: unknown, context: ObjectContext): Result<RawArticle> {
  const { source } = context;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(source, 'bad-article', `${source}: expected an article object {text|html, title?, url?, ...}`);
  }
  const record = value as Record<string, unknown>;
  const badField = [...KNOWN_FIELDS].find((f) => record[f] !== undefined && typeof record[f] !== 'string');
  if (badField) return fail(source, 'bad-article', `${source}: the field "${badField}" must be a string`);
  const body = pickBody(record);
  if (!body.ok) return fail(source, 'bad-article', `${source}: ${body.failure.message}`);
  const { format, content } = body.value;
  const size = Buffer.byteLength(content, 'utf8');
  if (size > context.maxBytes) {
    return fail(
      source,
      'too-large',
      `${source}: ${formatBytes(size)} is over the size limit of ${formatBytes(context.maxBytes)}`,
    );
  }
  const publishedAt = record.publishedAt as string | undefined;
  if (publishedAt !== undefined && !isIsoDate(publishedAt)) {
    return fail(
      source,
      'bad-article',
      `${source}: "publishedAt" is not an ISO 8601 date: ${JSON.stringify(publishedAt)}`,
    );
  }
  const id = (record.id as string | undefined)?.trim() || context.fallbackId || shortHash(content);
  const unknown = Object.keys(record).filter((k) => !KNOWN_FIELDS.has(k));
  const diagnostics: Diagnostic[] = unknown.length
    ? [{ level: 'warning', code: 'unknown-fields', message: `ignored unknown fields: ${unknown.join(', ')}` }]
    : [];
  return ok({ id, source, format, content, meta: pickMeta(record), ...(diagnostics.length ? { diagnostics } : {}) });
}

function pickBody(record: Record<string, unknown>): Result<{ format: 'text' | 'html'; content: string }> {
  const text = record.text as string | undefined;
  const html = record.html as string | undefined;
  if (text !== undefined && html !== undefined) return fail('', 'bad-article', 'give "text" or "html", not both');
  const content = html ?? text;
  if (content === undefined) return fail('', 'bad-article', 'an article needs a "text" or an "html" string');
  if (content.trim() === '') return fail('', 'bad-article', `the "${html !== undefined ? 'html' : 'text'}" is empty`);
  return ok({ format: html !== undefined ? 'html' : 'text', content });
}

function pickMeta(record: Record<string, unknown>): InputMeta {
  const meta: InputMeta = {};
  for (const field of META_FIELDS) {
    const value = (record[field] as string | undefined)?.trim();
    if (value) meta[field] = value;
  }
  return meta;
}

/** True for an ISO 8601 date (YYYY-MM-DD) or date-time that names a real moment. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return false;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const realDay = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return realDay && !Number.isNaN(Date.parse(value.replace(' ', 'T')));
}
