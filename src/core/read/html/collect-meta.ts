/** Combines meta tags, Open Graph, JSON-LD, `<html lang>` and the URL into one `HtmlMeta`, saying where each came from. */
import { findFirst, tagOf } from './find-elements.js';
import type { JsonLdArticle } from './read-json-ld.js';
import { dateFromUrl } from '../metadata/find-published-date.js';
import { siteHostOfUrl } from '../metadata/outlets.js';
import type { MetaTags } from './read-meta-tags.js';
import { normalizeDate } from './normalize-date.js';

/** Metadata found in an HTML page (meta tags, Open Graph, JSON-LD, URL). */
export interface HtmlMeta {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  /** ISO date or date-time with the place it was found; `inferred` when it rests on indirect evidence (the URL path). */
  publishedAt: { value: string; basis: string; inferred?: boolean } | null;
  language: string | null;
  url: string | null;
  /** The address the page names as its own (`rel=canonical`, else `og:url`), absolute; null when it names none. */
  canonicalUrl?: string | null;
  /** The page's own summary (meta description / og:description). */
  description?: string | null;
  /** Where each other field came from, e.g. `{ title: "json-ld headline", outlet: "meta og:site_name" }`. */
  basis?: Partial<Record<'title' | 'byline' | 'outlet' | 'language' | 'url' | 'canonicalUrl' | 'description', string>>;
  /** The rule (kind of source, see `HTML_META_RULES`) each field came from, for the article's provenance. */
  rules?: Partial<Record<'title' | 'byline' | 'outlet' | 'language' | 'url' | 'publishedAt', string>>;
}

/** The kinds of source a page's metadata comes from, as provenance rules name them. */
export const HTML_META_RULES = {
  jsonLd: 'json-ld',
  metaTag: 'meta-tag',
  titleElement: 'title-element',
  htmlLang: 'html-lang',
  timeElement: 'time-element',
  urlPath: 'url-path',
  urlHost: 'url-host',
  canonicalLink: 'canonical-link',
  input: 'input-metadata',
} as const;

/** What `collectMeta` reads from. */
export interface MetaSources {
  document: Document;
  /** The page's first `<title>` element (see `PageIndex`). */
  titleElement: Element | null;
  /** The page's first `link[rel=canonical]` (see `PageIndex`). */
  canonicalLink: Element | null;
  tags: MetaTags;
  jsonLd: JsonLdArticle | null;
  url: string | null;
}

/** A value found in the page: where exactly (`basis`, for people) and the kind of source (`rule`). */
type Found = { value: string; basis: string; rule: string } | null;

const DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'citation_publication_date',
  'article.published',
  'originalpublicationdate',
];

function fromTag(tags: MetaTags, keys: readonly string[], accept: (v: string) => string | null = (v) => v): Found {
  for (const key of keys) {
    const raw = tags.get(key);
    const value = raw === undefined ? null : accept(raw);
    if (value) return { value, basis: `meta ${key}`, rule: HTML_META_RULES.metaTag };
  }
  return null;
}

function first(...found: Found[]): Found {
  return found.find((f) => f !== null) ?? null;
}

function jsonLd(value: string | null | undefined, field: string): Found {
  return value ? { value, basis: `json-ld ${field}`, rule: HTML_META_RULES.jsonLd } : null;
}

/** A person's name, not a profile URL or a handle. */
function personName(v: string): string | null {
  return /^(https?:|www\.)|^@/.test(v) ? null : v;
}

function titleElement(src: MetaSources): Found {
  const t = src.titleElement?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? { value: t, basis: 'html title', rule: HTML_META_RULES.titleElement } : null;
}

/** ISO 639-1 code from a language tag such as "en-US", "en_GB" or "English" (codes only). */
function languageCode(v: string): string | null {
  const m = /^([a-z]{2})(?:[-_][a-z0-9]+)*$/i.exec(v.trim());
  return m?.[1] ? m[1].toLowerCase() : null;
}

function findLanguage(src: MetaSources): Found {
  const lang = src.document.documentElement?.getAttribute('lang');
  const code = lang ? languageCode(lang) : null;
  if (code) return { value: code, basis: 'html lang', rule: HTML_META_RULES.htmlLang };
  const ld = src.jsonLd?.inLanguage ? languageCode(src.jsonLd.inLanguage) : null;
  return first(
    fromTag(src.tags, ['content-language', 'language', 'og:locale', 'dc.language'], languageCode),
    jsonLd(ld, 'inLanguage'),
  );
}

/** `time[datetime][pubdate], article time[datetime]`: a dated `<time>` marked as the publication time or in an article. */
function isPublicationTime(el: Element): boolean {
  if (tagOf(el) !== 'time' || !el.hasAttribute('datetime')) return false;
  if (el.hasAttribute('pubdate')) return true;
  for (let up = el.parentElement; up; up = up.parentElement) if (tagOf(up) === 'article') return true;
  return false;
}

/** The date of the page's `<time>` element marked as the publication time. */
function timeElementDate(document: Document): Found {
  const time = findFirst(document, isPublicationTime)?.getAttribute('datetime');
  const value = time ? normalizeDate(time) : null;
  return value ? { value, basis: 'time element', rule: HTML_META_RULES.timeElement } : null;
}

/** The publication date from the first source that has one; later sources are not read (a document query costs). */
function findDate(src: MetaSources, url: string | null): Found {
  const sources: (() => Found)[] = [
    () => jsonLd(src.jsonLd?.datePublished ? normalizeDate(src.jsonLd.datePublished) : null, 'datePublished'),
    () => fromTag(src.tags, DATE_KEYS, normalizeDate),
    () => timeElementDate(src.document),
    () => {
      const urlDate = url ? dateFromUrl(url) : null;
      return urlDate ? { value: urlDate, basis: 'url path', rule: HTML_META_RULES.urlPath } : null;
    },
  ];
  for (const source of sources) {
    const found = source();
    if (found) return found;
  }
  return null;
}

function findUrl(src: MetaSources, canonical: Found): Found {
  if (src.url) return { value: src.url, basis: 'input', rule: HTML_META_RULES.input };
  return canonical;
}

/**
 * The address the page names as its own: `link[rel=canonical]` (resolved against the page's URL when relative), else
 * `og:url`; only http(s) addresses. Whether to prefer it to the fetched address is the stream stage's decision.
 */
function findCanonical(src: MetaSources): Found {
  const absolute = (v: string): string | null => {
    try {
      const url = src.url ? new URL(v.trim(), src.url) : new URL(v.trim());
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  };
  const href = src.canonicalLink?.getAttribute('href');
  const link = href ? absolute(href) : null;
  if (link) return { value: link, basis: 'link canonical', rule: HTML_META_RULES.canonicalLink };
  return fromTag(src.tags, ['og:url'], absolute);
}

/** The rule of each field that was found. */
function rulesOf(found: Record<keyof NonNullable<HtmlMeta['rules']>, Found>): NonNullable<HtmlMeta['rules']> {
  const rules: NonNullable<HtmlMeta['rules']> = {};
  for (const [field, f] of Object.entries(found) as [keyof typeof found, Found][]) if (f) rules[field] = f.rule;
  return rules;
}

/** The title: JSON-LD headline, then title meta tags, then the `<title>` element. */
function findTitle(src: MetaSources): Found {
  return first(
    jsonLd(src.jsonLd?.headline, 'headline'),
    fromTag(src.tags, ['og:title', 'twitter:title', 'title', 'dc.title', 'headline']),
    titleElement(src),
  );
}

/** The byline: JSON-LD authors, then author meta tags (names, not profile addresses). */
function findByline(src: MetaSources): Found {
  const authors = src.jsonLd?.authors ?? [];
  return first(
    jsonLd(authors.length > 0 ? authors.join(', ') : null, 'author'),
    fromTag(
      src.tags,
      ['author', 'article:author', 'byl', 'dc.creator', 'sailthru.author', 'parsely-author'],
      personName,
    ),
  );
}

/** The outlet: JSON-LD publisher, then site-name meta tags, then the URL's host. */
function findOutlet(src: MetaSources, url: Found): Found {
  const host = url ? siteHostOfUrl(url.value) : null;
  return first(
    jsonLd(src.jsonLd?.publisher, 'publisher.name'),
    fromTag(src.tags, ['og:site_name', 'application-name', 'al:ios:app_name']),
    host ? { value: host, basis: 'url host', rule: HTML_META_RULES.urlHost } : null,
  );
}

/** A found date as the page gives it: a date from the URL path is inferred. */
function pageDate(date: Found): HtmlMeta['publishedAt'] {
  if (!date) return null;
  return { value: date.value, basis: date.basis, ...(date.rule === HTML_META_RULES.urlPath ? { inferred: true } : {}) };
}

/** The basis of each field that was found, in the fields' order. */
function basisOf(found: Record<keyof NonNullable<HtmlMeta['basis']>, Found>): NonNullable<HtmlMeta['basis']> {
  const basis: NonNullable<HtmlMeta['basis']> = {};
  for (const [field, f] of Object.entries(found) as [keyof typeof found, Found][]) if (f) basis[field] = f.basis;
  return basis;
}

/** Builds the page metadata, preferring JSON-LD, then meta/Open Graph tags, then the page and the URL. */
export function collectMeta(src: MetaSources): HtmlMeta {
  const canonical = findCanonical(src);
  const url = findUrl(src, canonical);
  const title = findTitle(src);
  const byline = findByline(src);
  const outlet = findOutlet(src, url);
  const date = findDate(src, url?.value ?? null);
  const language = findLanguage(src);
  const description = fromTag(src.tags, ['description', 'og:description', 'twitter:description']);
  const value = (found: Found): string | null => found?.value ?? null;
  return {
    title: value(title),
    byline: value(byline),
    outlet: value(outlet),
    publishedAt: pageDate(date),
    language: value(language),
    url: value(url),
    canonicalUrl: value(canonical),
    description: value(description),
    basis: basisOf({ title, byline, outlet, language, url, canonicalUrl: canonical, description }),
    rules: rulesOf({ title, byline, outlet, language, url, publishedAt: date }),
  };
}
