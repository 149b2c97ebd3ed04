/** Citation chips: buttons that show the cited source sentence on hover/focus and jump to it on click. */
import type { Citation } from '../../src/core/model.js';
import { h, on, uniqueId, type Child } from './dom.js';
import { shorten } from '../../src/core/render/escape-markdown.js';
import { CITED_TEXT_MAX } from '../../src/core/render/report-view.js';
import {
  articleLabel,
  citationInContext,
  isValidCitation,
  loadCitationBase,
  type CitationContext,
  type StoryContext,
} from './story-context.js';

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

/** The cited passage in its sentence, as tooltip content; "loading" until the article's text has arrived. */
function passage(context: CitationContext | null, state: 'ready' | 'loading' | 'failed'): HTMLElement {
  if (context) return h('span', { class: 'tip-text' }, context.before, h('mark', {}, context.cited), context.after);
  const words =
    state === 'loading'
      ? 'Loading the passage…'
      : state === 'failed'
        ? 'The passage could not be loaded.'
        : 'The cited text is not in this report.';
  return h('span', { class: 'tip-text' }, words);
}

/**
 * Calls `show` with the citation's passage in context once, the first time it is wanted: at once when the article's
 * text is at hand, else after fetching it (`show` first gets null and the state `loading`).
 */
function whenWanted(
  ctx: StoryContext,
  citation: Citation,
  show: (context: CitationContext | null, state: 'ready' | 'loading' | 'failed') => void,
): () => void {
  let asked = false;
  return () => {
    if (asked) return;
    asked = true;
    const context = citationInContext(ctx, citation);
    if (context) return show(context, 'ready');
    show(null, 'loading');
    loadCitationBase(ctx, citation).then(
      () => show(citationInContext(ctx, citation), 'ready'),
      () => {
        asked = false;
        show(null, 'failed');
      },
    );
  };
}

/**
 * One chip for one citation. Its passage (the cited words in their sentence) is shown on hover and focus, fetched
 * the first time; Escape hides the tooltip until the pointer or focus leaves.
 */
export function citationChip(ctx: StoryContext, citation: Citation, options: ChipOptions = {}): HTMLElement {
  const withTip = options.tooltip ?? true;
  const tipId = withTip ? uniqueId('tip') : undefined;
  const resolvable = isValidCitation(ctx, citation);
  const label = articleLabel(ctx, citation.articleId);
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
    options.content ?? options.label ?? label,
  );
  on(button, 'click', () => ctx.jump(citation, button));
  if (!tipId) {
    // Inside a scrolling table: the passage goes into the native tooltip.
    if (!resolvable) return button;
    const want = whenWanted(ctx, citation, (context) => {
      if (context) button.title = `${label}: “${shorten(context.cited, CITED_TEXT_MAX)}”`;
    });
    on(button, 'mouseenter', want);
    on(button, 'focus', want);
    return button;
  }
  const where = label + (citation.embed !== undefined ? ' · embedded post' : '');
  const body = passage(null, 'ready');
  const tip = h('span', { class: 'tip', role: 'tooltip', id: tipId }, h('span', { class: 'tip-source' }, where), body);
  const wrap = h('span', { class: 'cite' }, button, tip);
  if (resolvable) {
    const want = whenWanted(ctx, citation, (context, state) =>
      tip.lastElementChild?.replaceWith(passage(context, state)),
    );
    on(wrap, 'mouseenter', want);
    on(button, 'focus', want);
  }
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
