/**
 * The coverage matrix: facts × outlets (an outlet's articles share its column), readable at 50 outlets. The fact column
 * stays in place while the outlets scroll, rows are sorted by how many outlets carry the fact, marks are compact (● reports it, ○ leaves out a fact most
 * others report), and filters narrow the rows (shared, one outlet, only one side where ratings give leans).
 */
import { shorten } from '../../src/core/render/escape-markdown.js';
import type { Fact } from '../../src/core/model.js';
import { citationChip } from './citation-chip.js';
import { orderedOutlets } from './coverage-strip.js';
import { emptyState, h, on, section, uniqueId } from './dom.js';
import { expandButton } from './expandable.js';
import { oneSideFacts } from './fact-sides.js';
import { plural } from './format.js';
import { LEAN_LABELS } from './lean.js';
import { factsByReach } from './section-agreement.js';
import type { OutletRef, StoryContext } from './story-context.js';

/** Rows shown before "Show all". */
const INITIAL_ROWS = 8;

/** The row filters. */
type Filter = 'all' | 'shared' | 'single' | 'one-side';

const FILTER_LABELS: Readonly<Record<Filter, string>> = {
  all: 'All facts',
  shared: 'Reported by several',
  single: 'By one outlet only',
  'one-side': 'Only one side reports',
};

/** A column: one outlet, whichever of its articles reports a fact. */
interface Column {
  outlet: OutletRef;
  ids: Set<string>;
}

function omissionSets(ctx: StoryContext): Map<string, Set<string>> {
  return new Map((ctx.report.omissions ?? []).map((o) => [o.articleId, new Set(o.factIds)]));
}

/** The outlet reports the fact in none of its articles, and at least one of them is said to leave it out. */
function leftOut(col: Column, fact: Fact, omissions: Map<string, Set<string>>): boolean {
  return !fact.articleIds.some((id) => col.ids.has(id)) && [...col.ids].some((id) => omissions.get(id)?.has(fact.id));
}

/** How many facts an outlet leaves out: counted from the omissions (few), not by testing every fact (many). */
function leftOutCount(col: Column, byId: Map<string, Fact>, omissions: Map<string, Set<string>>): number {
  const ids = new Set([...col.ids].flatMap((id) => [...(omissions.get(id) ?? [])]));
  return [...ids].filter((id) => {
    const fact = byId.get(id);
    return fact !== undefined && leftOut(col, fact, omissions);
  }).length;
}

function cell(ctx: StoryContext, fact: Fact, col: Column, omitted: boolean): HTMLElement {
  const name = col.outlet.name;
  const reporting = fact.articleIds.filter((id) => col.ids.has(id)).length;
  if (reporting > 0) {
    const citation = fact.citations.find((c) => col.ids.has(c.articleId));
    const label = `Reported by ${name}${reporting > 1 ? ` in ${reporting} articles` : ''}`;
    return h(
      'td',
      { class: 'covered' },
      citation
        ? citationChip(ctx, citation, {
            label: '●',
            ariaLabel: `${label}: show source`,
            className: 'chip-cell',
            tooltip: false,
          })
        : h('span', { 'aria-label': label }, '●'),
    );
  }
  return h(
    'td',
    { class: omitted ? 'not-covered omitted' : 'not-covered' },
    h('span', { 'aria-hidden': 'true' }, omitted ? '○' : ''),
    h('span', { class: 'visually-hidden' }, omitted ? `Left out by ${name}` : `Not reported by ${name}`),
  );
}

/** Outlets in column order: left to right when leans are known, else the biggest first. */
function columns(ctx: StoryContext): Column[] {
  return orderedOutlets(ctx).map((outlet) => ({ outlet, ids: new Set(outlet.articles.map((a) => a.article.id)) }));
}

/** How many outlets carry a fact (counted once per fact: a long story has tens of thousands). */
function outletReach(fact: Fact, ctx: StoryContext): number {
  let n = reachOf.get(fact);
  if (n === undefined) {
    const ids = fact.articleIds;
    n = ids.length <= 1 ? ids.length : new Set(ids.map((id) => ctx.articles.get(id)?.outlet ?? id)).size;
    reachOf.set(fact, n);
  }
  return n;
}

const reachOf = new WeakMap<Fact, number>();

function headerCell({ outlet }: Column): HTMLElement {
  const lean = outlet.lean;
  const articles = outlet.articles.length > 1 ? ` · ${plural(outlet.articles.length, 'article')}` : '';
  return h(
    'th',
    {
      scope: 'col',
      class: `outlet-col lean-${lean ?? 'none'}`,
      title: `${outlet.name}${articles}${lean ? ` · ${LEAN_LABELS[lean]}` : ''}`,
    },
    h('span', { class: 'col-label' }, outlet.name),
  );
}

/** The facts a filter keeps. */
function filtered(ctx: StoryContext, facts: readonly Fact[], filter: Filter): Fact[] {
  switch (filter) {
    case 'shared':
      return facts.filter((f) => outletReach(f, ctx) > 1);
    case 'single':
      return facts.filter((f) => outletReach(f, ctx) <= 1);
    case 'one-side': {
      const leanOf = (id: string) => ctx.articles.get(id)?.outlet.lean ?? null;
      return oneSideFacts(
        facts,
        ctx.articleList.map((r) => r.article.id),
        leanOf,
      );
    }
    default:
      return [...facts];
  }
}

/** The matrix, its filters and its "Show all" button; rows are built only when shown. */
function matrix(ctx: StoryContext, facts: readonly Fact[]): HTMLElement {
  const omissions = omissionSets(ctx);
  const byId = new Map(facts.map((f) => [f.id, f]));
  const refs = columns(ctx);
  const row = (fact: Fact): HTMLElement =>
    h(
      'tr',
      { 'data-fact': fact.id },
      h(
        'th',
        { scope: 'row', class: 'fact-cell', title: fact.statement.length > 110 ? fact.statement : undefined },
        h('span', { class: 'fact-text' }, shorten(fact.statement, 110)),
        h(
          'span',
          { class: 'fact-reach', title: 'outlets that report it' },
          ` ${outletReach(fact, ctx)}/${refs.length}`,
        ),
      ),
      refs.map((col) => cell(ctx, fact, col, leftOut(col, fact, omissions))),
    );
  const body = h('tbody', {});
  const status = h('p', { class: 'matrix-status', role: 'status' });
  const moreSlot = h('div', { class: 'matrix-more' });
  const show = (filter: Filter): void => {
    const rows = filtered(ctx, facts, filter);
    const first = rows.length <= INITIAL_ROWS + 1 ? rows.length : INITIAL_ROWS;
    body.replaceChildren(...rows.slice(0, first).map(row));
    status.textContent =
      filter === 'all'
        ? `${plural(rows.length, 'fact')}, the most widely reported first.`
        : `${plural(rows.length, 'fact')} ${FILTER_LABELS[filter].toLowerCase()}.`;
    moreSlot.replaceChildren(
      first < rows.length
        ? expandButton(`Show all ${plural(rows.length, 'fact')}`, () => body.append(...rows.slice(first).map(row)))
        : '',
    );
    if (rows.length === 0) body.append(h('tr', {}, h('td', { colspan: refs.length + 1, class: 'empty' }, 'No fact.')));
  };
  const table = h(
    'table',
    { class: 'matrix' },
    h('caption', { class: 'visually-hidden' }, 'Which outlet reports which fact'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'fact-head' }, 'Fact'), refs.map(headerCell))),
    body,
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row', class: 'fact-cell' }, 'Facts left out'),
        refs.map((col) => {
          const n = leftOutCount(col, byId, omissions);
          return h('td', { class: n > 0 ? 'omission-count has-omissions' : 'omission-count' }, String(n));
        }),
      ),
    ),
  );
  show('all');
  return h(
    'div',
    { class: 'matrix-block' },
    filters(ctx, show),
    h(
      'p',
      { class: 'matrix-legend' },
      '● reports it (select it to read the passage) · ○ leaves out a fact most others report',
    ),
    status,
    h(
      'div',
      { class: 'table-scroll matrix-scroll', role: 'region', 'aria-label': 'Coverage matrix', tabindex: 0 },
      table,
    ),
    moreSlot,
  );
}

/** The filter buttons (a group of toggle buttons; "only one side" needs leans). */
function filters(ctx: StoryContext, show: (filter: Filter) => void): HTMLElement {
  const name = uniqueId('matrix-filter');
  const buttons = (Object.keys(FILTER_LABELS) as Filter[]).map((filter) => {
    const disabled = filter === 'one-side' && !ctx.hasLeans;
    const button = h(
      'button',
      {
        type: 'button',
        class: 'filter-button',
        'aria-pressed': filter === 'all' ? 'true' : 'false',
        'data-filter': filter,
        name,
        disabled,
        title: disabled ? 'Needs outlet ratings: no outlet has a lean' : undefined,
      },
      FILTER_LABELS[filter],
    );
    return on(button, 'click', () => {
      for (const b of buttons) b.setAttribute('aria-pressed', b === button ? 'true' : 'false');
      show(filter);
    });
  });
  return h('div', { class: 'filters', role: 'group', 'aria-label': 'Show facts' }, buttons);
}

/** Builds the coverage section. */
export function coverageSection(ctx: StoryContext): HTMLElement {
  // Rows by how many outlets carry the fact, then by how many articles do.
  const facts = factsByReach(ctx.report.facts ?? [])
    .map((fact, i) => ({ fact, i, reach: outletReach(fact, ctx) }))
    .sort((a, b) => b.reach - a.reach || a.i - b.i)
    .map(({ fact }) => fact);
  if (facts.length === 0 || ctx.articleList.length === 0) {
    return section('coverage', 'Coverage', emptyState('No facts to compare across outlets yet.'));
  }
  return section('coverage', 'Coverage: who reports what', matrix(ctx, facts));
}
