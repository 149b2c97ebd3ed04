import type { DateValue, Embed, InputMeta } from '../../model.js';
import type { HtmlMeta } from '../html/collect-meta.js';
import type { CleanedText } from '../clean-text.js';
import { findPublishedDate } from './find-published-date.js';
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

/** The text of the first removed line with one of the reasons (and the rule's detail), or null. */
function firstRemoved(cleaned: CleanedText, reason: string): string | null {
  return cleaned.removedLines.find((r) => r.decision.reason === reason)?.line.text ?? null;
}

/**
 * An outlet the text states: a removed read-more or copyright line, a byline that names a wire agency ("By Jane Doe,
 * Associated Press"), or the agency of the dateline ("WASHINGTON (AP) —").
 */
function outletFromText(cleaned: CleanedText): string | null {
  for (const { line, decision } of cleaned.removedLines) {
    const name = outletFromLine(line.text) ?? (decision.reason === 'byline' ? outletFromByline(line.text) : null);
    if (name) return name;
  }
  const first = cleaned.text.slice(0, cleaned.text.search(/\n\s*\n|$/));
  return outletFromAgency(findDateline(first)?.agency ?? null);
}

/** A host name as the page reader gives it when the page names no outlet ("nytimes.com"). */
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/** The outlet a page names itself (its site name), not a host name standing in for it. */
function pageOutlet(outlet: string | null | undefined): string | null {
  return outlet && !HOST.test(outlet) ? outlet : null;
}

/** The outlet of the site: from the page's host, else from the URL ("nytimes.com" -> "The New York Times"). */
function siteOutlet(outlet: string | null | undefined, url: string | null): string | null {
  if (outlet && HOST.test(outlet)) return outletFromUrl(`https://${outlet}/`) ?? outlet;
  return url ? outletFromUrl(url) : null;
}

/**
 * Merges metadata with a fixed precedence: the caller's metadata wins over the HTML page's, which wins over guesses
 * from the text (title and byline lines, read-more and copyright lines, stamps, embedded post dates). The outlet: the
 * caller's, the page's site name, one the text states (read-more, copyright, byline agency, dateline agency), else the
 * site of the URL.
 */
export function collectMetadata(s: MetadataSources): ArticleMetadata {
  const url = s.given.url ?? s.html?.url ?? null;
  const byline = firstRemoved(s.cleaned, 'byline')?.replace(/^by\s+/i, '') ?? null;
  const stampLines = s.cleaned.removedLines.filter((r) => r.decision.reason === 'timestamp').map((r) => r.line.text);
  return {
    url,
    title: s.given.title ?? s.html?.title ?? firstRemoved(s.cleaned, 'title') ?? s.heading,
    subtitle: firstRemoved(s.cleaned, 'subtitle'),
    outlet:
      s.given.outlet ?? pageOutlet(s.html?.outlet) ?? outletFromText(s.cleaned) ?? siteOutlet(s.html?.outlet, url),
    byline: s.given.byline ?? s.html?.byline ?? byline,
    publishedAt: findPublishedDate({
      given: s.given.publishedAt,
      html: s.html?.publishedAt,
      url,
      stampLines,
      embeds: s.embeds,
    }),
  };
}
