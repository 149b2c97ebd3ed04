import { fail, ok, type Result } from '../../core/result.js';
import { shortHash } from '../../core/hash.js';
import type { DateValue, Diagnostic, InputMeta, RawArticle } from '../../core/model.js';
import { formatBytes } from './options.js';
import { quoteValue } from './quote-value.js';

/**
 * One article given as data (JSON input, library call, HTTP body): text or HTML plus optional metadata. A field that
 * is null is treated as absent, so data sets and Parallax's own `extract` output can be fed back in.
 */
export interface ArticleObject {
  /** Article id; a short hash of the content when absent. */
  id?: string | null;
  /** The article as plain text. Give `text` or `html`, not both. */
  text?: string | null;
  /** The article as an HTML page or fragment. */
  html?: string | null;
  title?: string | null;
  url?: string | null;
  outlet?: string | null;
  byline?: string | null;
  /**
   * ISO 8601 date or date-time, or a date as `extract` writes it (`{value, inferred, basis}`): a stated one is kept,
   * an inferred one is dropped (with a note) so that an earlier guess never comes back as a stated date.
   */
  publishedAt?: string | DateValue | null;
}

const META_FIELDS = ['title', 'url', 'outlet', 'byline', 'publishedAt'] as const;
const STRING_FIELDS = ['id', 'text', 'html', ...META_FIELDS] as const;
const KNOWN_FIELDS = new Set<string>(STRING_FIELDS);
/** Fields of Parallax's own `extract --format json` output that are not article input: ignored without a warning. */
const OUTPUT_FIELDS = new Set<string>(['generator', 'source', 'removed', 'embeds']);

/** Where an article object came from and how to name it. */
export interface ObjectContext {
  /** The source named in failures and in `RawArticle.source` (e.g. `story.json#2`). */
  source: string;
  /** The id to use when the object has none (a file name); a content hash otherwise. */
  fallbackId?: string;
  /** Size limit of the content in bytes. */
  maxBytes: number;
}

/**
 * Validates one article object and turns it into a RawArticle. A bad object is one failure naming its source and
 * every problem found in it (not only the first), so that one run tells the user all there is to fix.
 */
export function articleFromObject(value: unknown, context: ObjectContext): Result<RawArticle> {
  const { source } = context;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(source, 'bad-article', `${source}: expected an article object {text|html, title?, url?, ...}`);
  }
  const record = withoutNulls(value as Record<string, unknown>);
  const date = readPublishedAt(record.publishedAt);
  const problems = objectProblems(record, date);
  if (problems.length > 0) return fail(source, 'bad-article', `${source}: ${problems.join('; ')}`);
  const html = record.html as string | undefined;
  const content = (html ?? record.text) as string;
  const size = Buffer.byteLength(content, 'utf8');
  if (size > context.maxBytes) {
    const message = `${source}: ${formatBytes(size)} is over the size limit of ${formatBytes(context.maxBytes)}`;
    return fail(source, 'too-large', message);
  }
  const id = (record.id as string | undefined)?.trim() || context.fallbackId || shortHash(content);
  const meta = pickMeta(record, date?.stated);
  const diagnostics = [...unknownFieldNotes(record), ...(date?.note ? [date.note] : [])];
  return ok({
    id,
    source,
    format: html !== undefined ? 'html' : 'text',
    content,
    meta,
    ...(diagnostics.length ? { diagnostics } : {}),
  });
}

/** Every problem of the object: fields of the wrong type, no text or both bodies, a date that is not ISO 8601. */
function objectProblems(record: Record<string, unknown>, date: ReturnType<typeof readPublishedAt>): string[] {
  const problems = [...typeProblems(record, date !== null), ...bodyProblems(record)];
  if (date?.stated !== undefined && !isIsoDate(date.stated)) {
    problems.push(`"publishedAt" is not an ISO 8601 date: ${quoteValue(date.stated)}`);
  }
  return problems;
}

/** A copy of the object without its null-valued fields: null means absent. */
function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null));
}

/** Every field that should hold a string and does not, in one message. */
function typeProblems(record: Record<string, unknown>, dateObjectAccepted: boolean): string[] {
  const bad = STRING_FIELDS.filter((field) => {
    const v = record[field];
    if (v === undefined || typeof v === 'string') return false;
    return !(field === 'publishedAt' && dateObjectAccepted);
  });
  if (bad.length === 0) return [];
  const described = bad.map((f) => `"${f}" (${kindOf(record[f])})`).join(', ');
  return [
    bad.length === 1
      ? `the field ${described} must be a string or null`
      : `the fields ${described} must be strings or null`,
  ];
}

function bodyProblems(record: Record<string, unknown>): string[] {
  const { text, html } = record;
  if (text !== undefined && html !== undefined) return ['give "text" or "html", not both'];
  const content = html ?? text;
  if (content === undefined) return ['an article needs a "text" or an "html" string'];
  if (typeof content === 'string' && content.trim() === '') {
    return [`the "${html !== undefined ? 'html' : 'text'}" is empty`];
  }
  return [];
}

/**
 * The date of `publishedAt`: a string as given, or a `{value, inferred}` object as `extract` writes it (stated: kept;
 * inferred: dropped with a note). Null when the field holds neither.
 */
function readPublishedAt(value: unknown): { stated?: string; note?: Diagnostic } | null {
  if (value === undefined) return {};
  if (typeof value === 'string') return { stated: value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const date = value as Partial<Record<keyof DateValue, unknown>>;
  if (typeof date.value !== 'string' || typeof date.inferred !== 'boolean') return null;
  if (!date.inferred) return { stated: date.value };
  const basis = typeof date.basis === 'string' ? ` from ${date.basis.slice(0, 80)}` : '';
  const message = `the publication date ${date.value.slice(0, 40)} was inferred${basis} by an earlier run: not used as a stated date`;
  return { note: { level: 'info', code: 'inferred-date-dropped', message } };
}

function unknownFieldNotes(record: Record<string, unknown>): Diagnostic[] {
  const unknown = Object.keys(record).filter((k) => !KNOWN_FIELDS.has(k) && !OUTPUT_FIELDS.has(k));
  if (unknown.length === 0) return [];
  const shown = unknown.slice(0, 20).map((name) => (name.length > 40 ? quoteValue(name, 40) : name));
  const names = shown.join(', ') + (unknown.length > 20 ? `, and ${unknown.length - 20} more` : '');
  return [{ level: 'warning', code: 'unknown-fields', message: `ignored unknown fields: ${names}` }];
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function pickMeta(record: Record<string, unknown>, publishedAt: string | undefined): InputMeta {
  const meta: InputMeta = {};
  for (const field of META_FIELDS) {
    const value = (field === 'publishedAt' ? publishedAt : (record[field] as string | undefined))?.trim();
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
