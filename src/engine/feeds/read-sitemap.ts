/**
 * Reads sitemaps (`<urlset>`, with the Google News extension's title, publication and date) into entries, and sitemap
 * indexes (`<sitemapindex>`) into the sitemaps they name, with fast-xml-parser. The parser is configured so that no
 * entity declared in the document is ever expanded (only the five XML entities and character references are decoded,
 * here), prototype-named tags cannot reach an object's prototype, and nesting is bounded.
 */
import { XMLParser } from 'fast-xml-parser';
import { checkXmlSource, noteRecovered } from './check-xml.js';
import { buildEntry } from './entry-builder.js';
import type { ReadContext } from './read-syndication.js';
import { resolveLink } from './resolve-link.js';
import { parserReason } from './parser-reason.js';
import { FeedParseError, type FeedEntry, type FeedRef, type ParsedSource } from './types.js';
import { WarningLog } from './warning-log.js';

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  maxNestedTags: 64,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and numeric character references; other `&name;` stay as written. */
export function decodeXmlText(value: string): string {
  return value.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi,
    (whole, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return XML_ENTITIES[name] ?? whole;
      const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

type Node = Record<string, unknown>;

/** The text of a child element, decoded; null when absent or not text. */
function textOf(node: unknown, key: string): string | null {
  const value = (node as Node | null)?.[key];
  return typeof value === 'string' ? decodeXmlText(value) : null;
}

function childOf(node: unknown, key: string): unknown {
  return typeof node === 'object' && node !== null ? (node as Node)[key] : undefined;
}

function parseXml(text: string, context: ReadContext, log: WarningLog): Node {
  const problem = checkXmlSource(text, context.source, log);
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (error) {
    throw new FeedParseError(
      'malformed-xml',
      `${context.source}: malformed XML (${problem ?? parserReason((error as Error).message)})`,
    );
  }
  noteRecovered(log, problem);
  return (doc ?? {}) as Node;
}

function listOf(node: unknown, key: string): unknown[] {
  const value = childOf(node, key);
  return Array.isArray(value) ? value : [];
}

/** Reads a `<urlset>` sitemap into entries (news sitemaps give title, outlet and date). */
export function readSitemap(text: string, context: ReadContext): ParsedSource {
  const log = new WarningLog();
  const urls = log.keepFirst(listOf(parseXml(text, context, log).urlset, 'url'), context.limits.maxEntries);
  const entries: FeedEntry[] = [];
  urls.forEach((url, i) => {
    const news = childOf(url, 'news');
    const entry = buildEntry(
      {
        link: textOf(url, 'loc'),
        base: context.url,
        title: textOf(news, 'title'),
        published: textOf(news, 'publication_date') ?? textOf(url, 'lastmod') ?? undefined,
        outlet: textOf(childOf(news, 'publication'), 'name'),
      },
      { expectDate: false },
      log,
      i + 1,
    );
    if (entry) entries.push(entry);
  });
  return { kind: 'sitemap', title: null, entries, feeds: [], warnings: log.list('URL') };
}

/** Reads a `<sitemapindex>` into the sitemaps it names. */
export function readSitemapIndex(text: string, context: ReadContext): ParsedSource {
  const log = new WarningLog();
  const maps = log.keepFirst(listOf(parseXml(text, context, log).sitemapindex, 'sitemap'), context.limits.maxEntries);
  const feeds: FeedRef[] = [];
  maps.forEach((map, i) => {
    const url = resolveLink(textOf(map, 'loc'), context.url, log, i + 1);
    if (url === null) log.note('item-without-link', i + 1);
    else feeds.push({ url, title: null, siteUrl: null, categories: [] });
  });
  return { kind: 'sitemap-index', title: null, entries: [], feeds, warnings: log.list('sitemap') };
}
