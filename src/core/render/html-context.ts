import type { Citation, Report } from '../model.js';
import { citationAnchor } from './anchor-units.js';
import { CitationRegistry } from './citation-registry.js';
import { articleLabels } from './article-labels.js';
import { citedText } from './cited-text.js';
import { shorten } from './escape-markdown.js';
import { h, type SafeHtml } from './html-builder.js';

/** What every HTML section needs: the report, the citation numbering and the anchors that citations link to. */
export class HtmlContext {
  readonly cites = new CitationRegistry();
  /** Anchor ids the summary cites (highlighted in the sources section; other sections cite nearly every sentence). */
  readonly citedAnchors = new Set<string>();

  private readonly labels: ReadonlyMap<string, string>;

  constructor(readonly report: Report) {
    this.labels = articleLabels(report.articles);
  }

  /** The display label of an article by id (the id itself only for an article the report does not hold). */
  label(articleId: string): string {
    return this.labels.get(articleId) ?? articleId;
  }

  /** Citation links `[n]` to the cited sentences; each link's title holds the exact cited text. */
  marks(citations: readonly Citation[], options: { highlight?: boolean } = {}): SafeHtml[] {
    return citations.map((c) => {
      const n = this.cites.number(c);
      const anchor = citationAnchor(this.report.articles, c);
      if (anchor && options.highlight) this.citedAnchors.add(anchor);
      const text = citedText(this.report.articles, c);
      const title = `${this.label(c.articleId)}: ${text === null ? '(outside the text)' : shorten(text, 240)}`;
      return h('a', { class: 'cite', href: anchor ? `#${anchor}` : null, title }, `[${n}]`);
    });
  }
}
