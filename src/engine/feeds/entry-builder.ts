/**
 * Builds normalized entries from what a format-specific reader found, with the checks every format shares: the link
 * resolved and checked, the dates read, and the warnings for items without a link or a date noted once per source.
 */
import { parseFeedDate } from './parse-feed-date.js';
import { resolveLink } from './resolve-link.js';
import type { EntryContent, FeedEntry } from './types.js';
import type { WarningLog } from './warning-log.js';

/** What a format reader found for one item, before checks. */
export interface EntryDraft {
  link?: string | null | undefined;
  /** The base the link is relative to (the source URL and any `xml:base`s already combined). */
  base: string | null;
  guid?: string | null | undefined;
  title?: string | null | undefined;
  published?: unknown;
  updated?: unknown;
  author?: string | null | undefined;
  outlet?: string | null | undefined;
  summary?: EntryContent | null | undefined;
  content?: EntryContent | null | undefined;
}

/** How the shared checks treat a format: line formats count lines from 1, and some formats carry no dates at all. */
export interface EntryRules {
  /** Warn about items without a date (not for plain URL lists, which never have one). */
  expectDate: boolean;
  /** Warn about items that carry the article but no link (not for article streams, where that is normal). */
  expectLink?: boolean;
}

/** Text with runs of white space collapsed; null when empty. */
export function cleanText(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}

/** A title from an HTML-typed value: tags removed (a title is plain text), white space collapsed. */
export function plainTitle(value: string | null | undefined, html: boolean): string | null {
  return cleanText(html ? value?.replace(/<[^>]*>/g, ' ') : value);
}

/** Content when it has text; null otherwise. */
export function content(format: 'html' | 'text', value: string | null | undefined): EntryContent | null {
  return value && value.trim() ? { format, value } : null;
}

/** Checks and normalizes one item at `position`; null when it names no article (no link and no content). */
export function buildEntry(draft: EntryDraft, rules: EntryRules, log: WarningLog, position: number): FeedEntry | null {
  const url = resolveLink(draft.link, draft.base, log, position);
  const content = draft.content ?? null;
  if (url === null && (content === null || rules.expectLink !== false)) log.note('item-without-link', position);
  if (url === null && content === null) return null;
  const published = parseFeedDate(draft.published);
  const updated = parseFeedDate(draft.updated);
  noteDateProblems({ published, updated }, rules, log, position);
  return {
    url,
    guid: cleanText(draft.guid),
    title: cleanText(draft.title),
    published: published.value ?? updated.value,
    updated: published.value !== null && updated.value !== published.value ? updated.value : null,
    author: cleanText(draft.author),
    outlet: cleanText(draft.outlet),
    summary: draft.summary ?? null,
    content,
  };
}

/** Notes a date in a format not recognized, or (where the format has dates) an item without any. */
function noteDateProblems(
  dates: { published: ReturnType<typeof parseFeedDate>; updated: ReturnType<typeof parseFeedDate> },
  rules: EntryRules,
  log: WarningLog,
  position: number,
): void {
  const { published, updated } = dates;
  if (published.unknown || updated.unknown) log.note('unknown-date-format', position);
  else if (rules.expectDate && published.value === null && updated.value === null) {
    log.note('item-without-date', position);
  }
}
