/**
 * Line formats: a plain list of web addresses (one a line; blank lines and `#` comments skipped), and a JSON Lines
 * article stream (one object a line: `{id, url?, outlet?, date?, title?, text? | html?}`, null meaning absent). A bad
 * line is a warning naming its line number; the other lines go on.
 */
import { buildEntry, content } from './entry-builder.js';
import { isUrlLine } from './detect-kind.js';
import type { ReadContext } from './read-syndication.js';
import type { FeedEntry, ParsedSource } from './types.js';
import { WarningLog } from './warning-log.js';

/** Non-blank lines with their 1-based numbers, at most `max` of them; `more` counts the lines left over. */
function numberedLines(text: string, max: number, skip: (line: string) => boolean) {
  const lines: { line: string; number: number }[] = [];
  let more = 0;
  let firstOver = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || skip(line)) return;
    if (lines.length < max) lines.push({ line, number: i + 1 });
    else if (more++ === 0) firstOver = i + 1;
  });
  return { lines, more, firstOver };
}

/** Reads a list of web addresses into entries (they carry nothing but the address). */
export function readUrlList(text: string, context: ReadContext): ParsedSource {
  const log = new WarningLog();
  const { lines, more, firstOver } = numberedLines(text, context.limits.maxEntries, (l) => l.startsWith('#'));
  log.noteMany('entry-limit-reached', more, firstOver);
  const entries: FeedEntry[] = [];
  for (const { line, number } of lines) {
    if (!isUrlLine(line)) {
      log.note('bad-line', number, 'not an http(s) address');
      continue;
    }
    const entry = buildEntry({ link: line, base: context.url }, { expectDate: false }, log, number);
    if (entry) entries.push(entry);
  }
  return { kind: 'url-list', title: null, entries, feeds: [], warnings: log.list('line') };
}

const STRING_FIELDS = ['id', 'url', 'outlet', 'date', 'title', 'text', 'html'] as const;
type LineFields = Partial<Record<(typeof STRING_FIELDS)[number], string>>;

/** The fields of one stream line, or the reason it is not an article line. */
function lineFields(line: string): LineFields | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  const fields: LineFields = {};
  for (const name of STRING_FIELDS) {
    const v = record[name];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return `"${name}" must be a string or null`;
    if (v.trim() !== '') fields[name] = v;
  }
  if (fields.text !== undefined && fields.html !== undefined) return 'give "text" or "html", not both';
  if (fields.url === undefined && fields.text === undefined && fields.html === undefined) {
    return 'needs a "url" or the article ("text" or "html")';
  }
  return fields;
}

/** Reads a JSON Lines article stream into entries; unknown fields are ignored (streams often carry labels). */
export function readJsonLinesStream(text: string, context: ReadContext): ParsedSource {
  const log = new WarningLog();
  const { lines, more, firstOver } = numberedLines(text, context.limits.maxEntries, () => false);
  log.noteMany('entry-limit-reached', more, firstOver);
  const entries: FeedEntry[] = [];
  for (const { line, number } of lines) {
    const fields = lineFields(line);
    if (typeof fields === 'string') {
      log.note('bad-line', number, fields);
      continue;
    }
    const entry = buildEntry(
      {
        link: fields.url,
        base: context.url,
        guid: fields.id,
        title: fields.title,
        published: fields.date,
        outlet: fields.outlet,
        content: content('html', fields.html) ?? content('text', fields.text),
      },
      { expectDate: true, expectLink: false },
      log,
      number,
    );
    if (entry) entries.push(entry);
  }
  return { kind: 'jsonl', title: null, entries, feeds: [], warnings: log.list('line') };
}
