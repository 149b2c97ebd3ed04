import type { ArticleProvenance, DateValue, Embed, InputMeta } from '../../model.js';
import type { HtmlMeta } from '../html/collect-meta.js';
import type { CleanedText } from '../clean-text.js';
import { readProvenance } from '../provenance.js';
import { findPublishedDateSource } from './find-published-date.js';
import { outletFromAgency, outletFromByline, outletFromLine, outletFromUrl } from './find-outlet.js';
import { findDateline } from './find-dateline.js';

/** Article metadata gathered from the caller, the HTML page and the text itself. */
export interface ArticleMetadata {
  url: string | null;
  title: string | null;
  subtitle: string | null;
  outlet: string | null;
  byline: string | null;
  publishedAt: DateValue | null;
  /** Which source each value came from (absent for a null value). */
  provenance: ArticleProvenance;
}

/** What metadata is gathered from. */
export interface MetadataSources {
  given: InputMeta;
  html: HtmlMeta | null;
  /** The first Markdown heading, when the input was Markdown. */
  heading: string | null;
  cleaned: CleanedText;
  embeds: readonly Embed[];
}

/** A metadata value and the rule (kind of source) it was taken from. */
export type Sourced<T> = { value: T; rule: string } | null;

/** The rule of a value the caller gave with the input. */
const GIVEN = 'input-metadata';
/** The rule of a page value whose kind of source the page reader did not record. */
const HTML = 'html-metadata';

/** A value with its rule, or null when there is no value (null or undefined; an empty string is a value). */
export function sourced<T>(value: T | null | undefined, rule: string): Sourced<T> {
  return value === null || value === undefined ? null : { value, rule };
}

/** The first of the candidates that has a value. */
function firstOf<T>(...candidates: (() => Sourced<T>)[]): Sourced<T> {
  for (const candidate of candidates) {
    const found = candidate();
    if (found) return found;
  }
  return null;
}

/** The first removed line with the reason, with the rule that removed it, or null. */
function firstRemoved(cleaned: CleanedText, reason: string): Sourced<string> {
  const found = cleaned.removedLines.find((r) => r.decision.reason === reason);
  return found ? { value: found.line.text, rule: found.decision.rule } : null;
}

/** A page value with the page's rule for that field. */
function fromPage(html: HtmlMeta | null, field: 'title' | 'byline' | 'outlet'): Sourced<string> {
  return sourced(html?.[field], html?.rules?.[field] ?? HTML);
}

/**
 * An outlet the text states: a removed read-more or copyright line, a byline that names a wire agency ("By Jane Doe,
 * Associated Press"), or the agency of the dateline ("WASHINGTON (AP) —").
 */
function outletFromText(cleaned: CleanedText): Sourced<string> {
  for (const { line, decision } of cleaned.removedLines) {
    const stated = sourced(outletFromLine(line.text), 'read-more-or-copyright-line');
    if (stated) return stated;
    const agency = decision.reason === 'byline' ? sourced(outletFromByline(line.text), 'byline-agency') : null;
    if (agency) return agency;
  }
  const first = cleaned.text.slice(0, cleaned.text.search(/\n\s*\n|$/));
  return sourced(outletFromAgency(findDateline(first)?.agency ?? null), 'dateline-agency');
}

/** A host name as the page reader gives it when the page names no outlet ("nytimes.com"). */
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/** The outlet a page names itself (its site name), not a host name standing in for it. */
function pageOutlet(html: HtmlMeta | null): Sourced<string> {
  const outlet = fromPage(html, 'outlet');
  return outlet?.value && !HOST.test(outlet.value) ? outlet : null;
}

/** The outlet of the site: from the page's host, else from the URL ("nytimes.com" -> "The New York Times"). */
function siteOutlet(outlet: string | null | undefined, url: string | null): Sourced<string> {
  if (outlet && HOST.test(outlet)) return { value: outletFromUrl(`https://${outlet}/`) ?? outlet, rule: 'url-host' };
  return sourced(url ? outletFromUrl(url) : null, 'url-host');
}

/** The outlet: the caller's, the page's site name, one the text states, else the site of the URL. */
function findOutlet(s: MetadataSources, url: string | null): Sourced<string> {
  return firstOf(
    () => sourced(s.given.outlet, GIVEN),
    () => pageOutlet(s.html),
    () => outletFromText(s.cleaned),
    () => siteOutlet(s.html?.outlet, url),
  );
}

/** The byline: the caller's, the page's, else a removed byline line (its "By" dropped). */
function findByline(s: MetadataSources): Sourced<string> {
  const line = firstRemoved(s.cleaned, 'byline');
  return firstOf(
    () => sourced(s.given.byline, GIVEN),
    () => fromPage(s.html, 'byline'),
    () => (line ? { value: line.value.replace(/^by\s+/i, ''), rule: line.rule } : null),
  );
}

/** The title: the caller's, the page's, a removed title line, else the Markdown heading. */
function findTitle(s: MetadataSources): Sourced<string> {
  return firstOf(
    () => sourced(s.given.title, GIVEN),
    () => fromPage(s.html, 'title'),
    () => firstRemoved(s.cleaned, 'title'),
    () => sourced(s.heading, 'markdown-heading'),
  );
}

/** The publication date and its rule (see `findPublishedDateSource`). */
function findDate(s: MetadataSources, url: string | null): Sourced<DateValue> {
  const page = s.html?.publishedAt;
  const pageRule = s.html?.rules?.publishedAt;
  const found = findPublishedDateSource({
    given: s.given.publishedAt,
    html: page && pageRule ? { ...page, rule: pageRule } : page,
    url,
    stampLines: s.cleaned.removedLines.filter((r) => r.decision.reason === 'timestamp').map((r) => r.line.text),
    embeds: s.embeds,
  });
  return found ? { value: found.date, rule: found.rule } : null;
}

/** The provenance of each field that has a value (what a field's value was taken from, in the read stage). */
export function provenanceOf(fields: Partial<Record<keyof ArticleProvenance, Sourced<unknown>>>): ArticleProvenance {
  const out: ArticleProvenance = {};
  for (const [field, found] of Object.entries(fields) as [keyof ArticleProvenance, Sourced<unknown>][])
    if (found) out[field] = readProvenance(found.rule);
  return out;
}

/**
 * Merges metadata with a fixed precedence: the caller's metadata wins over the HTML page's, which wins over guesses
 * from the text (title and byline lines, read-more and copyright lines, stamps, embedded post dates). The outlet: the
 * caller's, the page's site name, one the text states (read-more, copyright, byline agency, dateline agency), else the
 * site of the URL. Each value's source is recorded in `provenance`.
 */
export function collectMetadata(s: MetadataSources): ArticleMetadata {
  const url = firstOf(
    () => sourced(s.given.url, GIVEN),
    () => sourced(s.html?.url, s.html?.rules?.url ?? HTML),
  );
  const found = {
    url,
    title: findTitle(s),
    subtitle: firstRemoved(s.cleaned, 'subtitle'),
    outlet: findOutlet(s, valueOf(url)),
    byline: findByline(s),
    publishedAt: findDate(s, valueOf(url)),
  };
  return {
    url: valueOf(found.url),
    title: valueOf(found.title),
    subtitle: valueOf(found.subtitle),
    outlet: valueOf(found.outlet),
    byline: valueOf(found.byline),
    publishedAt: valueOf(found.publishedAt),
    // An empty standfirst is left out of the article (see read-article.ts), and so is its source.
    provenance: provenanceOf({ ...found, subtitle: found.subtitle?.value ? found.subtitle : null }),
  };
}

/** The value found, or null. */
function valueOf<T>(found: Sourced<T>): T | null {
  return found?.value ?? null;
}
