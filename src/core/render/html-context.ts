import type { Citation, Report } from '../model.js';
import { CitationAnchors } from './anchor-units.js';
import { CitationRegistry } from './citation-registry.js';
import { h, type SafeHtml } from './html-builder.js';
import { citedExcerpt, reportView, viewLabel, type ReportView } from './report-view.js';

/** What every HTML section needs: the report's view, the citation numbering and the anchors that citations link to. */
export class HtmlContext {
  readonly cites = new CitationRegistry();
  /** Anchor ids the summary cites (highlighted in the sources section; other sections cite nearly every sentence). */
  readonly citedAnchors = new Set<string>();
  readonly view: ReportView;

  private readonly anchors: CitationAnchors;

  constructor(readonly report: Report) {
    this.view = reportView(report);
    this.anchors = new CitationAnchors(report.articles);
  }

  /** The display label of an article by id (the id itself only for an article the report does not hold). */
  label(articleId: string): string {
    return viewLabel(this.view, articleId);
  }

  /** Citation links `[n]` to the cited sentences; each link's title holds the exact cited text. */
  marks(citations: readonly Citation[], options: { highlight?: boolean } = {}): SafeHtml[] {
    return citations.map((c) => {
      const n = this.cites.number(c);
      const anchor = this.anchors.anchorOf(c);
      if (anchor && options.highlight) this.citedAnchors.add(anchor);
      const text = citedExcerpt(this.report.articles, c);
      const title = `${this.label(c.articleId)}: ${text ?? '(outside the text)'}`;
      return h('a', { class: 'cite', href: anchor ? `#${anchor}` : null, title }, `[${n}]`);
    });
  }
}
