/** Citation chips: buttons that show the cited source sentence on hover/focus and jump to it on click. */
import type { Citation } from '../../src/core/model.js';
import { h, on, uniqueId } from './dom.js';
import { articleLabel, citationInContext, type StoryContext } from './story-context.js';

/** Options of one chip. */
export interface ChipOptions {
  /** Visible text; defaults to the article's label. */
  label?: string;
  /** Accessible name when the visible text alone is not enough (e.g. a ✓ cell). */
  ariaLabel?: string;
  className?: string;
}

function tooltip(ctx: StoryContext, citation: Citation, id: string): HTMLElement {
  const context = citationInContext(ctx, citation);
  const where = articleLabel(ctx, citation.articleId) + (citation.embed !== undefined ? ' · embedded post' : '');
  const body = context
    ? h('span', { class: 'tip-text' }, context.before, h('mark', {}, context.cited), context.after)
    : h('span', { class: 'tip-text' }, 'The cited text is not in this report.');
  return h('span', { class: 'tip', role: 'tooltip', id }, h('span', { class: 'tip-source' }, where), body);
}

/** One chip for one citation. Escape hides its tooltip until the pointer or focus leaves. */
export function citationChip(ctx: StoryContext, citation: Citation, options: ChipOptions = {}): HTMLElement {
  const tipId = uniqueId('tip');
  const resolvable = citationInContext(ctx, citation) !== null;
  const button = h(
    'button',
    {
      type: 'button',
      class: `chip${options.className ? ` ${options.className}` : ''}${resolvable ? '' : ' chip-broken'}`,
      'aria-describedby': tipId,
      'aria-label': options.ariaLabel,
      'data-article': citation.articleId,
      'data-start': citation.start,
      'data-end': citation.end,
      'data-embed': citation.embed,
      disabled: !resolvable,
    },
    options.label ?? articleLabel(ctx, citation.articleId),
  );
  const wrap = h('span', { class: 'cite' }, button, tooltip(ctx, citation, tipId));
  on(button, 'click', () => ctx.jump(citation, button));
  on(wrap, 'keydown', (event) => {
    if (event.key === 'Escape') wrap.classList.add('tip-dismissed');
  });
  const restore = (): void => wrap.classList.remove('tip-dismissed');
  on(wrap, 'mouseleave', restore);
  on(button, 'blur', restore);
  return wrap;
}

/** Chips for a list of citations, numbering repeated citations of one article ("Outlet", "Outlet ·2"). */
export function citationChips(ctx: StoryContext, citations: readonly Citation[]): HTMLElement {
  const counts = new Map<string, number>();
  const chips = citations.map((c) => {
    const n = (counts.get(c.articleId) ?? 0) + 1;
    counts.set(c.articleId, n);
    const label = articleLabel(ctx, c.articleId) + (n > 1 ? ` ·${n}` : '');
    return h('li', {}, citationChip(ctx, c, { label }));
  });
  return h('ul', { class: 'chips', 'aria-label': 'Sources' }, chips);
}
