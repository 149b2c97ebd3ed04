/**
 * Reads an OPML subscription list (the export format of feed readers) with feedsmith into the feeds it names, each
 * with the folders it sits in. Outlines without a feed address are folders (when they hold others) or skipped.
 */
import { parseOpml, type Opml } from 'feedsmith';
import { checkXmlSource, noteRecovered } from './check-xml.js';
import { cleanText } from './entry-builder.js';
import type { ReadContext } from './read-syndication.js';
import { resolveLink } from './resolve-link.js';
import { FeedParseError, type FeedRef, type ParsedSource } from './types.js';
import { WarningLog } from './warning-log.js';

type Outline = Opml.Outline<string>;

/** Walks the outline tree without recursion (a hostile list may nest thousands deep). */
function flatten(outlines: readonly Outline[]): { outline: Outline; path: string[] }[] {
  const out: { outline: Outline; path: string[] }[] = [];
  const stack = outlines.map((outline) => ({ outline, path: [] as string[] })).reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    out.push(item);
    const children = item.outline.outlines ?? [];
    const name = cleanText(item.outline.title ?? item.outline.text);
    const path = name ? [...item.path, name] : item.path;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ outline: children[i]!, path });
  }
  return out;
}

/** Reads an OPML list; a `FeedParseError` when it cannot be read. */
export function readOpml(text: string, context: ReadContext): ParsedSource {
  const log = new WarningLog();
  const problem = checkXmlSource(text, context.source, log);
  let doc: Opml.Document<string>;
  try {
    doc = parseOpml(text);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const why = problem ?? (cause instanceof Error ? cause.message : (error as Error).message);
    throw new FeedParseError('malformed-xml', `${context.source}: malformed OPML (${why})`);
  }
  noteRecovered(log, problem);
  const feeds: FeedRef[] = [];
  const seen = new Set<string>();
  flatten(doc.body?.outlines ?? []).forEach(({ outline, path }, index) => {
    const i = index + 1;
    const address = outline.xmlUrl ?? (outline.type?.toLowerCase() === 'rss' ? outline.url : undefined);
    if (!address) {
      if (!outline.outlines?.length && outline.isComment !== true) log.note('outline-without-url', i);
      return;
    }
    const url = resolveLink(address, context.url, log, i);
    if (url === null || seen.has(url)) return;
    seen.add(url);
    if (feeds.length >= context.limits.maxEntries) {
      log.note('entry-limit-reached', i);
      return;
    }
    const site = outline.htmlUrl ? resolveLink(outline.htmlUrl, context.url, new WarningLog(), i) : null;
    feeds.push({ url, title: cleanText(outline.title ?? outline.text), siteUrl: site, categories: path });
  });
  return { kind: 'opml', title: cleanText(doc.head?.title), entries: [], feeds, warnings: log.list('outline') };
}
