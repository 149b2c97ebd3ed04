/**
 * The coverage strip: who covers the story at a glance. Every outlet once (with its number of articles), ordered from
 * left to right when the user's ratings give leans, a bar of the lean split, and a click that opens the outlet's
 * article in the sources.
 */
import { h, on } from './dom.js';
import { expandButton } from './expandable.js';
import { plural } from './format.js';
import { LEANS, LEAN_LABELS, type Lean } from './lean.js';
import { countLeans, leanBar, leanWords } from './lean-split.js';
import type { OutletRef, StoryContext } from './story-context.js';

/** Outlets shown before "+N more". */
const VISIBLE_OUTLETS = 12;

function leanRank(lean: Lean | null): number {
  return lean === null ? LEANS.length : LEANS.indexOf(lean);
}

/** Outlets left to right when leans are known (unrated last), else biggest first; report order among equals. */
export function orderedOutlets(ctx: StoryContext): OutletRef[] {
  return ctx.outlets
    .map((outlet, i) => ({ outlet, i }))
    .sort(
      (a, b) =>
        leanRank(a.outlet.lean) - leanRank(b.outlet.lean) ||
        b.outlet.articles.length - a.outlet.articles.length ||
        a.i - b.i,
    )
    .map(({ outlet }) => outlet);
}

function pill(ctx: StoryContext, outlet: OutletRef): HTMLElement {
  const n = outlet.articles.length;
  const first = outlet.articles[0];
  const leanText = outlet.lean ? LEAN_LABELS[outlet.lean] : 'lean not rated';
  const button = h(
    'button',
    {
      type: 'button',
      class: `outlet-pill lean-${outlet.lean ?? 'none'}`,
      'data-lean': outlet.lean ?? undefined,
      title: `${outlet.name}: ${plural(n, 'article')}, ${leanText}`,
    },
    h('span', { class: 'lean-dot', 'aria-hidden': 'true' }),
    outlet.name,
    n > 1 ? h('span', { class: 'pill-count' }, ` ${n}`) : null,
    h('span', { class: 'visually-hidden' }, `, ${plural(n, 'article')}, ${leanText}; show in the sources`),
  );
  return h(
    'li',
    {},
    on(button, 'click', () => {
      if (first) ctx.showSource(first.article.id, button);
    }),
  );
}

/** The lean split as a bar of outlets per lean, with the counts in words for every reader. */
function leanSplit(ctx: StoryContext): HTMLElement {
  const counts = countLeans(ctx.outlets.map((o) => o.lean));
  const unrated = ctx.outlets.filter((o) => o.lean === null).length;
  return h(
    'div',
    { class: 'lean-split' },
    leanBar(counts, { numbers: true }),
    h('p', { class: 'lean-words' }, leanWords(counts, unrated)),
  );
}

/** Builds the strip. */
export function coverageStrip(ctx: StoryContext): HTMLElement {
  const outlets = orderedOutlets(ctx);
  const items = outlets.map((o) => pill(ctx, o));
  const list = h('ul', { class: 'outlet-pills', 'aria-label': 'Outlets' }, items.slice(0, VISIBLE_OUTLETS));
  const hidden = items.slice(VISIBLE_OUTLETS);
  if (hidden.length > 0) {
    const item = h('li', {});
    item.append(
      expandButton(`+${hidden.length} more`, () => {
        item.replaceWith(...hidden);
      }),
    );
    list.append(item);
  }
  const articles = ctx.articleList.length;
  return h(
    'div',
    { class: 'coverage-strip', role: 'group', 'aria-labelledby': 'coverage-strip-heading' },
    h(
      'p',
      { class: 'strip-heading', id: 'coverage-strip-heading' },
      h('strong', {}, 'Who covers it: '),
      articles === outlets.length
        ? plural(outlets.length, 'outlet')
        : `${plural(articles, 'article')} from ${plural(outlets.length, 'outlet')}`,
      ctx.hasLeans ? '' : h('span', { class: 'hint' }, ' · lean not shown: no outlet ratings were given'),
    ),
    ctx.hasLeans ? leanSplit(ctx) : null,
    list,
  );
}
