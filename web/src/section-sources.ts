/** The sources: each cleaned article with sentence spans, its embeds, and what cleaning removed (collapsed). */
import type { Citation, Embed, Removal, ReportArticle, Span } from '../../src/core/model.js';
import { emptyState, h, on, safeHref, section } from './dom.js';
import { formatDate, formatDateValue, plural } from './format.js';
import { renderSourceText } from './source-text.js';
import type { ArticleRef, FocusTarget, StoryContext } from './story-context.js';

/** DOM id of an article's source view (by position: raw ids are untrusted text). */
export function sourceDomId(index: number): string {
  return `source-${index}`;
}

function metaList(article: ReportArticle): HTMLElement {
  const href = safeHref(article.url);
  const rows: [string, Node | string | null][] = [
    ['Title', article.title],
    ['Byline', article.byline],
    ['Dateline', article.dateline],
    ['Published', formatDateValue(article.publishedAt)],
    ['Language', article.language],
    ['URL', href ? h('a', { href, rel: 'noopener noreferrer nofollow' }, article.url ?? href) : article.url],
    ['Input', article.source],
  ];
  return h(
    'dl',
    { class: 'meta' },
    rows.filter(([, v]) => v !== null && v !== '').map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );
}

function renderEmbed(ref: ArticleRef, embed: Embed, index: number, highlight: Span | null): HTMLElement {
  const href = safeHref(embed.url);
  const who = [embed.author, embed.handle].filter(Boolean).join(' ');
  return h(
    'figure',
    { class: 'embed', 'data-embed': index },
    h(
      'blockquote',
      {},
      renderSourceText({ text: embed.text, idPrefix: `${sourceDomId(ref.index)}-e${index}`, highlight }),
    ),
    h(
      'figcaption',
      {},
      h('span', { class: 'embed-kind' }, 'Embedded post'),
      who ? ` — ${who}` : '',
      embed.date ? `, ${formatDate(embed.date)}` : '',
      href ? [' · ', h('a', { href, rel: 'noopener noreferrer nofollow' }, 'original')] : '',
    ),
  );
}

function removedDetails(removed: readonly Removal[]): HTMLElement | null {
  if (removed.length === 0) return null;
  return h(
    'details',
    { class: 'removed' },
    h('summary', {}, `Removed by cleaning (${removed.length})`),
    h(
      'ul',
      {},
      removed.map((r) =>
        h(
          'li',
          {},
          h('span', { class: `reason reason-${r.reason}` }, r.reason.replace(/-/g, ' ')),
          ' ',
          h('span', { class: 'removed-text' }, r.text),
          r.detail ? h('span', { class: 'removed-detail' }, ` (${r.detail})`) : null,
        ),
      ),
    ),
  );
}

function diagnosticsList(ref: ArticleRef): HTMLElement | null {
  const list = ref.article.diagnostics;
  if (list.length === 0) return null;
  return h(
    'ul',
    { class: 'diagnostics', 'aria-label': 'Notes about this input' },
    list.map((d) => h('li', { class: `diag diag-${d.level}` }, `${d.level}: ${d.message}`)),
  );
}

/** One article's source view, able to re-render itself with a highlighted range. */
class SourceView {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly embeds: HTMLElement;
  private readonly status: HTMLElement;
  private origin: FocusTarget | null = null;

  constructor(private readonly ref: ArticleRef) {
    const { article, index } = ref;
    this.body = h('div', { class: 'source-body' });
    this.embeds = h('div', { class: 'embeds' });
    this.status = h('p', { class: 'jump-status', role: 'status' });
    const headingId = `${sourceDomId(index)}-heading`;
    this.element = h(
      'article',
      { id: sourceDomId(index), class: 'source', 'aria-labelledby': headingId, 'data-article': article.id },
      h('h3', { id: headingId }, ref.label),
      metaList(article),
      diagnosticsList(ref),
      this.status,
      this.body,
      this.embeds,
      removedDetails(article.removed),
    );
    this.render(null);
  }

  /** Renders the body and embeds, with `citation` highlighted when given. */
  render(citation: Citation | null): void {
    const { article, index } = this.ref;
    const bodyHighlight = citation && citation.embed === undefined ? citation : null;
    const body = article.text.trim()
      ? renderSourceText({
          text: article.text,
          paragraphs: article.paragraphs,
          sentences: article.sentences,
          idPrefix: sourceDomId(index),
          highlight: bodyHighlight,
        })
      : emptyState('Cleaning left no text in this article.');
    this.body.replaceChildren(body);
    this.embeds.replaceChildren(
      ...article.embeds.map((e, i) => renderEmbed(this.ref, e, i, citation?.embed === i ? citation : null)),
    );
    if (!citation) this.status.replaceChildren();
  }

  /** Highlights a citation, scrolls to it and moves focus there; offers a way back to the chip. */
  show(citation: Citation, origin: FocusTarget | null): HTMLElement | null {
    this.render(citation);
    this.origin = origin;
    const back = origin
      ? on(h('button', { type: 'button', class: 'link-button' }, 'Back to where you were'), 'click', () => {
          this.origin?.focus();
          this.origin?.scrollIntoView({ block: 'center' });
        })
      : null;
    this.status.replaceChildren('Showing the cited text, highlighted below. ', back ?? '');
    const marks = this.element.querySelectorAll<HTMLElement>('mark.cited');
    const first = marks[0] ?? null;
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    }
    return first;
  }
}

/** Builds the sources section and wires `ctx.jump` to its source views. */
export function sourcesSection(ctx: StoryContext): HTMLElement {
  const views = new Map<string, SourceView>();
  let current: SourceView | null = null;
  for (const ref of ctx.articleList) views.set(ref.article.id, new SourceView(ref));
  ctx.jump = (citation, origin) => {
    const view = views.get(citation.articleId);
    if (!view) return;
    if (current && current !== view) current.render(null);
    current = view;
    view.show(citation, origin);
  };
  const intro = h(
    'p',
    { class: 'section-intro' },
    `${plural(ctx.articleList.length, 'article')} as read after cleaning. Each sentence is a target for citations; `,
    'what cleaning removed is listed apart under each article.',
  );
  return section(
    'sources',
    'Sources',
    intro,
    ctx.articleList.length === 0 ? emptyState('This story has no readable articles.') : null,
    [...views.values()].map((v) => v.element),
  );
}
