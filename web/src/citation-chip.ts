/** Citation chips: buttons that show the cited source sentence on hover/focus and jump to it on click. */
import type { Citation } from '../../src/core/model.js';
import { h, on, uniqueId, type Child } from './dom.js';
import { truncate } from './format.js';
import { articleLabel, citationInContext, type CitationContext, type StoryContext } from './story-context.js';

/** Options of one chip. */
export interface ChipOptions {
  /** Visible text; defaults to the article's label. */
  label?: string;
  /** Visible content when it is more than text (marked words); takes the place of `label`. */
  content?: Child;
  /** Accessible name when the visible text alone is not enough (e.g. a ✓ cell). */
  ariaLabel?: string;
  className?: string;
  /**
   * False: no tooltip of its own, the cited text goes into the native `title` instead (for chips inside scrolling
   * tables, whose overflow would clip a tooltip).
   */
  tooltip?: boolean;
}

function tooltip(ctx: StoryContext, citation: Citation, context: CitationContext | null, id: string): HTMLElement {
  const where = articleLabel(ctx, citation.articleId) + (citation.embed !== undefined ? ' · embedded post' : '');
  const body = context
    ? h('span', { class: 'tip-text' }, context.before, h('mark', {}, context.cited), context.after)
    : h('span', { class: 'tip-text' }, 'The cited text is not in this report.');
  return h('span', { class: 'tip', role: 'tooltip', id }, h('span', { class: 'tip-source' }, where), body);
}

/** One chip for one citation. Escape hides its tooltip until the pointer or focus leaves. */
export function citationChip(ctx: StoryContext, citation: Citation, options: ChipOptions = {}): HTMLElement {
  const withTip = options.tooltip ?? true;
  const tipId = withTip ? uniqueId('tip') : undefined;
  const context = citationInContext(ctx, citation);
  const resolvable = context !== null;
  const button = h(
    'button',
    {
      type: 'button',
      class: `chip${options.className ? ` ${options.className}` : ''}${resolvable ? '' : ' chip-broken'}`,
      'aria-describedby': tipId,
      'aria-label': options.ariaLabel,
      title:
        withTip || !context ? undefined : truncate(`${articleLabel(ctx, citation.articleId)}: “${context.cited}”`, 300),
      'data-article': citation.articleId,
      'data-start': citation.start,
      'data-end': citation.end,
      'data-embed': citation.embed,
      disabled: !resolvable,
    },
    options.content ?? options.label ?? articleLabel(ctx, citation.articleId),
  );
  on(button, 'click', () => ctx.jump(citation, button));
  if (!tipId) return button;
  const wrap = h('span', { class: 'cite' }, button, tooltip(ctx, citation, context, tipId));
  on(wrap, 'keydown', (event) => {
    if (event.key === 'Escape') wrap.classList.add('tip-dismissed');
  });
  const restore = (): void => wrap.classList.remove('tip-dismissed');
  on(wrap, 'mouseleave', restore);
  on(button, 'blur', restore);
  return wrap;
}

/** Chips shown before the rest of a long list is folded behind a "+N" button. */
const VISIBLE_CHIPS = 6;

/**
 * Chips for a list of citations: one per article, named by its label, and a small numbered chip for each further
 * passage of the same article ("Outlet", "2"). Past `VISIBLE_CHIPS` articles the rest wait behind a "+N" button.
 */
export function citationChips(ctx: StoryContext, citations: readonly Citation[]): HTMLElement {
  const byArticle = new Map<string, Citation[]>();
  for (const c of citations) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
  const items = [...byArticle.values()].map((list) => {
    const label = articleLabel(ctx, list[0]!.articleId);
    return h(
      'li',
      {},
      list.map((c, i) =>
        citationChip(
          ctx,
          c,
          i === 0
            ? { label }
            : { label: String(i + 1), ariaLabel: `${label}, passage ${i + 1}`, className: 'chip-more' },
        ),
      ),
    );
  });
  const list = h('ul', { class: 'chips', 'aria-label': 'Sources' }, items.slice(0, VISIBLE_CHIPS));
  const rest = items.slice(VISIBLE_CHIPS);
  if (rest.length > 0) {
    const more = on(
      h(
        'button',
        { type: 'button', class: 'chip chip-fold', 'aria-label': `Show ${rest.length} more sources` },
        `+${rest.length}`,
      ),
      'click',
      () => {
        moreItem.replaceWith(...rest);
        rest[0]?.querySelector<HTMLElement>('.chip')?.focus();
      },
    );
    const moreItem = h('li', {}, more);
    list.append(moreItem);
  }
  return list;
}
