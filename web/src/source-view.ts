/**
 * One article of the sources, rendered on demand: closed, it is a header line; opened, its text is fetched (the
 * story's report comes without texts) and a window of a few blocks of it (about `WINDOW_CHARS` characters) is shown,
 * with more added as the reader scrolls or asks. A citation jump renders the window around the cited range only and
 * re-renders only the blocks whose highlight changes, so a 5 MB article costs about what a short one does.
 */
import type { ArticleText, LightArticle } from '../../src/core/light-report.js';
import type { Citation, Embed, Removal, Span } from '../../src/core/model.js';
import type { ArticleTexts } from './article-texts.js';
import { append, emptyState, h, on, safeHref } from './dom.js';
import { formatDate, formatDateValue, formatNumber, plural } from './format.js';
import { windowAround } from './source-blocks.js';
import { prepareSource, renderBlock, renderSourceText, renderTail, type SourceDoc } from './source-text.js';
import type { ArticleRef, FocusTarget } from './story-context.js';

/** Characters rendered when an article is opened, and added per "more". */
const WINDOW_CHARS = 12_000;
/** Characters of context kept on each side of a cited range. */
const JUMP_CONTEXT = 4_000;

/** DOM id of an article's source view (by position: raw ids are untrusted text). */
export function sourceDomId(index: number): string {
  return `source-${index}`;
}

function metaList(article: LightArticle): HTMLElement {
  const href = safeHref(article.url);
  const rows: [string, Node | string | null][] = [
    ['Outlet', article.outlet],
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
    h('summary', {}, `Removed by cleaning: ${removed.length}`),
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
          r.detail ? h('span', { class: 'removed-detail' }, ` · ${r.detail}`) : null,
        ),
      ),
    ),
  );
}

function diagnosticsList(article: LightArticle): HTMLElement | null {
  if (article.diagnostics.length === 0) return null;
  return h(
    'ul',
    { class: 'diagnostics', 'aria-label': 'Notes about this input' },
    article.diagnostics.map((d) => h('li', { class: `diag diag-${d.level}` }, `${d.level}: ${d.message}`)),
  );
}

/** One article's source view. */
export class SourceView {
  readonly element: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly status: HTMLElement;
  private readonly textBox: HTMLElement;
  private readonly before: HTMLElement;
  private readonly after: HTMLElement;
  private readonly embeds: HTMLElement;
  /** Where the text goes once it has arrived, and what cleaning removed. */
  private readonly body: HTMLElement;
  private readonly removedBox: HTMLElement;
  private doc: SourceDoc | null = null;
  /** The article's text once fetched and prepared (null: not yet, or the fetch failed). */
  private text: Promise<boolean> | null = null;
  /** Counts jumps, so that a jump waiting for the text gives way to a later one. */
  private jumps = 0;
  /** Rendered blocks `[from, to)`, each by index. */
  private from = 0;
  private to = 0;
  private readonly rendered = new Map<number, HTMLElement>();
  private highlight: Citation | null = null;
  private origin: FocusTarget | null = null;
  private built = false;
  private observer: IntersectionObserver | null = null;

  constructor(
    private readonly ref: ArticleRef,
    private readonly texts: ArticleTexts,
  ) {
    const { article, index } = ref;
    const id = sourceDomId(index);
    const headingId = `${id}-heading`;
    const panelId = `${id}-panel`;
    this.toggle = h(
      'button',
      { type: 'button', class: 'source-toggle', 'aria-expanded': 'false', 'aria-controls': panelId },
      'Read',
    );
    on(this.toggle, 'click', () => (this.isOpen() ? this.close() : this.open()));
    this.status = h('p', { class: 'jump-status', role: 'status' });
    this.textBox = h('div', { class: 'source-text' });
    this.before = h('div', { class: 'more-text more-before' });
    this.after = h('div', { class: 'more-text more-after' });
    this.embeds = h('div', { class: 'embeds' });
    this.body = h('div', { class: 'source-body' });
    this.removedBox = h('div', { class: 'source-removed' });
    this.panel = h('div', { class: 'source-panel', id: panelId, hidden: true });
    const published = article.publishedAt ? formatDate(article.publishedAt.value) : null;
    this.element = h(
      'article',
      { id, class: 'source', 'aria-labelledby': headingId, 'data-article': article.id },
      h(
        'div',
        { class: 'source-head' },
        h('h3', { id: headingId }, ref.label),
        h(
          'p',
          { class: 'source-line' },
          article.title && article.title !== ref.label ? h('span', { class: 'source-title' }, article.title) : null,
          h(
            'span',
            { class: 'source-facts' },
            [
              published,
              plural(article.wordCount, 'word'),
              article.embeds.length > 0 ? plural(article.embeds.length, 'embedded post') : null,
            ]
              .filter(Boolean)
              .join(' · '),
          ),
        ),
        this.toggle,
      ),
      this.panel,
    );
  }

  private isOpen(): boolean {
    return !this.panel.hidden;
  }

  /** Builds the panel's parts the first time it opens (the text arrives later: `loadText`). */
  private build(): void {
    if (this.built) return;
    this.built = true;
    const { article } = this.ref;
    append(
      this.panel,
      metaList(article),
      diagnosticsList(article),
      this.status,
      this.body,
      this.embeds,
      this.removedBox,
    );
    this.renderEmbeds();
  }

  /** Fetches the text once (again after a failure) and prepares it; resolves to false when it could not be had. */
  private loadText(): Promise<boolean> {
    this.text ??= this.fetchText();
    return this.text;
  }

  private async fetchText(): Promise<boolean> {
    const { article, index } = this.ref;
    const known = this.texts.get(article.id);
    if (!known) this.body.replaceChildren(h('p', { class: 'section-pending' }, 'Loading the article’s text…'));
    let text: ArticleText;
    // Busy while the text is on its way (assistive technology waits; so do tests and scripts).
    this.element.setAttribute('aria-busy', 'true');
    try {
      text = known ?? (await this.texts.load(article.id));
    } catch (err) {
      this.element.removeAttribute('aria-busy');
      this.text = null;
      const retry = on(h('button', { type: 'button', class: 'link-button' }, 'Try again'), 'click', () => {
        void this.loadText().then((ok) => {
          if (ok && this.isOpen() && this.rendered.size === 0) this.showStart();
        });
      });
      const why = err instanceof Error ? err.message : String(err);
      this.body.replaceChildren(
        h('p', { class: 'form-error', role: 'alert' }, `The text could not be loaded: ${why} `, retry),
      );
      return false;
    }
    this.doc = text.text.trim()
      ? prepareSource({
          text: text.text,
          paragraphs: text.paragraphs,
          sentences: text.sentences,
          idPrefix: sourceDomId(index),
        })
      : null;
    this.body.replaceChildren(
      ...(this.doc ? [this.before, this.textBox, this.after] : [emptyState('Cleaning left no text in this article.')]),
    );
    this.removedBox.replaceChildren(removedDetails(text.removed) ?? '');
    this.element.removeAttribute('aria-busy');
    this.element.setAttribute('data-text', 'loaded');
    return true;
  }

  /** Opens the article at its start (or keeps what is shown); its text is shown once it has arrived. */
  open(): void {
    this.openPanel();
    void this.loadText().then((ok) => {
      if (ok && this.isOpen() && this.rendered.size === 0) this.showStart();
    });
  }

  private openPanel(): void {
    this.build();
    this.panel.hidden = false;
    this.toggle.setAttribute('aria-expanded', 'true');
    this.toggle.textContent = 'Close';
  }

  private showStart(): void {
    if (this.doc) this.showWindow(0, this.blocksFrom(0, WINDOW_CHARS));
  }

  /** Closes the article; its rendered text is dropped (reopening renders it again). */
  close(): void {
    this.panel.hidden = true;
    this.toggle.setAttribute('aria-expanded', 'false');
    this.toggle.textContent = 'Read';
    this.clearWindow();
  }

  /** Opens the article and moves focus to its heading area (the outlet strip's target). */
  reveal(): void {
    this.open();
    this.element.scrollIntoView({ block: 'start' });
    this.toggle.focus({ preventScroll: true });
  }

  /** The end of the window that starts at block `from` and holds about `chars` characters. */
  private blocksFrom(from: number, chars: number): number {
    const blocks = this.doc?.blocks ?? [];
    let to = from;
    const start = blocks[from]?.start ?? 0;
    while (to < blocks.length && (to === from || blocks[to]!.end - start <= chars)) to++;
    return to;
  }

  private clearWindow(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.rendered.clear();
    this.textBox.replaceChildren();
    this.before.replaceChildren();
    this.after.replaceChildren();
    this.from = 0;
    this.to = 0;
  }

  /** Renders exactly blocks `[from, to)`, reusing those already rendered when the windows overlap. */
  private showWindow(from: number, to: number): void {
    const doc = this.doc;
    if (!doc) return;
    if (this.rendered.size === 0 || to < this.from || from > this.to) {
      this.clearWindow();
      this.from = from;
      this.to = from;
    }
    // Grow or shrink at each end.
    for (let i = this.from - 1; i >= from; i--) this.textBox.prepend(this.renderAt(i));
    for (let i = this.to; i < to; i++) this.textBox.append(this.renderAt(i));
    for (const [i, el] of this.rendered) {
      if (i < from || i >= to) {
        el.remove();
        this.rendered.delete(i);
      }
    }
    this.from = from;
    this.to = to;
    this.textBox.querySelector('.block-tail')?.remove();
    if (to === doc.blocks.length) {
      const tail = renderTail(doc, this.bodyHighlight());
      if (tail) this.textBox.append(tail);
    }
    this.updateMore();
  }

  private renderAt(i: number): HTMLElement {
    const el = renderBlock(this.doc!, i, this.bodyHighlight());
    this.rendered.set(i, el);
    return el;
  }

  private bodyHighlight(): Span | null {
    return this.highlight && this.highlight.embed === undefined ? this.highlight : null;
  }

  /** The buttons (and, below, the scroll trigger) that render more text before or after the window. */
  private updateMore(): void {
    const doc = this.doc!;
    const total = doc.blocks.length;
    const charsBefore = doc.blocks[this.from]?.start ?? 0;
    const charsAfter = doc.text.length - (doc.blocks[this.to - 1]?.end ?? doc.text.length);
    this.before.replaceChildren(
      this.from > 0
        ? on(
            h(
              'button',
              { type: 'button', class: 'link-button' },
              `Show earlier text (${formatNumber(charsBefore)} characters)`,
            ),
            'click',
            () =>
              this.showWindow(Math.max(0, this.from - (this.blocksFrom(this.from, WINDOW_CHARS) - this.from)), this.to),
          )
        : '',
    );
    this.observer?.disconnect();
    this.observer = null;
    if (this.to >= total) {
      this.after.replaceChildren();
      return;
    }
    const more = on(
      h('button', { type: 'button', class: 'link-button' }, `Show more text (${formatNumber(charsAfter)} characters)`),
      'click',
      () => this.showMore(),
    );
    this.after.replaceChildren(more);
    // Reading on: the next part is rendered as the end of the window scrolls into view.
    if (typeof IntersectionObserver !== 'undefined') {
      this.observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) this.showMore();
        },
        { rootMargin: '400px 0px' },
      );
      this.observer.observe(this.after);
    }
  }

  private showMore(): void {
    if (!this.doc || this.to >= this.doc.blocks.length) return;
    this.showWindow(this.from, this.blocksFrom(this.to, WINDOW_CHARS));
  }

  private renderEmbeds(): void {
    const { article } = this.ref;
    const citation = this.highlight;
    this.embeds.replaceChildren(
      ...article.embeds.map((e, i) => renderEmbed(this.ref, e, i, citation?.embed === i ? citation : null)),
    );
  }

  /** Sets the highlighted citation (or none), re-rendering only the blocks whose highlight changes. */
  private setHighlight(citation: Citation | null): void {
    const old = this.highlight;
    this.highlight = citation;
    const doc = this.doc;
    if (doc) {
      this.rerenderBlocks(doc, [old, citation]);
      if (this.to === doc.blocks.length) this.rerenderTail(doc);
    }
    if (old?.embed !== undefined || citation?.embed !== undefined) this.renderEmbeds();
  }

  /** Renders again the shown blocks of the text that any of the citations (old and new highlight) overlaps. */
  private rerenderBlocks(doc: SourceDoc, citations: readonly (Citation | null)[]): void {
    const touched = new Set<number>();
    for (const c of citations) {
      if (!c || c.embed !== undefined) continue;
      for (const [i, el] of this.rendered) {
        const start = i === 0 ? 0 : doc.blocks[i - 1]!.end;
        if (touched.has(i) || c.start >= doc.blocks[i]!.end || c.end <= start) continue;
        touched.add(i);
        const fresh = renderBlock(doc, i, this.bodyHighlight());
        el.replaceWith(fresh);
        this.rendered.set(i, fresh);
      }
    }
  }

  /** Renders again the text after the last block (shown once every block is). */
  private rerenderTail(doc: SourceDoc): void {
    this.textBox.querySelector('.block-tail')?.remove();
    const tail = renderTail(doc, this.bodyHighlight());
    if (tail) this.textBox.append(tail);
  }

  /** Removes the highlight (another article's citation is shown). */
  unhighlight(): void {
    if (this.highlight) this.setHighlight(null);
    this.status.replaceChildren();
  }

  /**
   * Highlights a citation, scrolls to it and moves focus there (once the article's text has arrived, for a citation
   * of the text); offers a way back to the chip. Resolves to the first highlighted element, or null when a later jump
   * took over or the text could not be had.
   */
  async show(citation: Citation, origin: FocusTarget | null): Promise<HTMLElement | null> {
    const jump = ++this.jumps;
    if (citation.embed !== undefined) this.open();
    else {
      this.openPanel();
      if (!this.texts.get(this.ref.article.id)) this.status.replaceChildren('Loading the cited text…');
      const ok = await this.loadText();
      if (jump !== this.jumps || !ok) return null;
      if (this.doc) this.showWindowAround(this.doc, citation);
    }
    this.setHighlight(citation);
    this.origin = origin;
    this.status.replaceChildren('Showing the cited text, highlighted below. ', this.backButton(origin) ?? '');
    const first = this.element.querySelector<HTMLElement>('mark.cited');
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    }
    return first;
  }

  /**
   * Shows the blocks around a cited range. What is rendered is kept when the range is inside it, or near it and the
   * two together stay short; otherwise only the window around the range is shown.
   */
  private showWindowAround(doc: SourceDoc, citation: Citation): void {
    const { from, to } = windowAround(doc.blocks, citation, JUMP_CONTEXT);
    if (from >= this.from && to <= this.to) return;
    const near = this.rendered.size > 0 && to >= this.from && from <= this.to;
    const unionFrom = Math.min(from, this.from);
    const unionTo = Math.max(to, this.to);
    const unionChars = (doc.blocks[unionTo - 1]?.end ?? 0) - (doc.blocks[unionFrom]?.start ?? 0);
    if (near && unionChars <= 5 * WINDOW_CHARS) this.showWindow(unionFrom, unionTo);
    else this.showWindow(from, to);
  }

  /** A button back to the chip the reader jumped from, or null when the jump came from nowhere on the page. */
  private backButton(origin: FocusTarget | null): HTMLElement | null {
    if (!origin) return null;
    return on(h('button', { type: 'button', class: 'link-button' }, 'Back to where you were'), 'click', () => {
      this.origin?.focus({ preventScroll: true });
      this.origin?.scrollIntoView({ block: 'center' });
    });
  }
}
