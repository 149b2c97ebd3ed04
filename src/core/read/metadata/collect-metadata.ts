import type { DateValue, Embed, InputMeta } from '../../model.js';
import type { HtmlMeta } from '../extract-html.js';
import type { CleanedText } from '../clean-text.js';
import { findPublishedDate } from './find-published-date.js';
import { outletFromLine, outletFromUrl } from './find-outlet.js';

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

/** An outlet named by a removed read-more or copyright line. */
function outletFromText(cleaned: CleanedText): string | null {
  for (const { line } of cleaned.removedLines) {
    const name = outletFromLine(line.text);
    if (name) return name;
  }
  return null;
}

/**
 * Merges metadata with a fixed precedence: the caller's metadata wins over the HTML page's, which wins over guesses
 * from the text (title and byline lines, read-more and copyright lines, stamps, embedded post dates).
 */
export function collectMetadata(s: MetadataSources): ArticleMetadata {
  const url = s.given.url ?? s.html?.url ?? null;
  const byline = firstRemoved(s.cleaned, 'byline')?.replace(/^by\s+/i, '') ?? null;
  const stampLines = s.cleaned.removedLines.filter((r) => r.decision.reason === 'timestamp').map((r) => r.line.text);
  return {
    url,
    title: s.given.title ?? s.html?.title ?? firstRemoved(s.cleaned, 'title') ?? s.heading,
    subtitle: firstRemoved(s.cleaned, 'subtitle'),
    outlet: s.given.outlet ?? s.html?.outlet ?? outletFromText(s.cleaned) ?? (url ? outletFromUrl(url) : null),
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
