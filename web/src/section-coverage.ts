/** The coverage matrix: facts × outlets, ✓ where an outlet reports a fact, — where not, omissions marked. */
import type { Fact } from '../../src/core/model.js';
import { citationChip } from './citation-chip.js';
import { emptyState, h, on, section } from './dom.js';
import { truncate } from './format.js';
import { factsByReach } from './section-agreement.js';
import type { ArticleRef, StoryContext } from './story-context.js';

/** Rows shown before "Show all". */
const INITIAL_ROWS = 30;

function omissionSets(ctx: StoryContext): Map<string, Set<string>> {
  return new Map((ctx.report.omissions ?? []).map((o) => [o.articleId, new Set(o.factIds)]));
}

function cell(ctx: StoryContext, fact: Fact, ref: ArticleRef, omitted: boolean): HTMLElement {
  const citation = fact.citations.find((c) => c.articleId === ref.article.id);
  if (fact.articleIds.includes(ref.article.id)) {
    return h(
      'td',
      { class: 'covered' },
      citation
        ? citationChip(ctx, citation, {
            label: '✓',
            ariaLabel: `Reported by ${ref.label}: show source`,
            className: 'chip-cell',
          })
        : h('span', { 'aria-label': `Reported by ${ref.label}` }, '✓'),
    );
  }
  return h(
    'td',
    { class: omitted ? 'not-covered omitted' : 'not-covered' },
    h('span', { 'aria-hidden': 'true' }, '—'),
    h('span', { class: 'visually-hidden' }, omitted ? `Omitted by ${ref.label}` : `Not reported by ${ref.label}`),
  );
}

function matrixTable(ctx: StoryContext, facts: readonly Fact[]): HTMLTableElement {
  const omissions = omissionSets(ctx);
  const refs = ctx.articleList;
  const rows = facts.map((fact, i) =>
    h(
      'tr',
      { class: i >= INITIAL_ROWS ? 'extra-row' : undefined, 'data-fact': fact.id },
      h('th', { scope: 'row', class: 'fact-cell' }, truncate(fact.statement, 140)),
      refs.map((ref) => cell(ctx, fact, ref, omissions.get(ref.article.id)?.has(fact.id) ?? false)),
    ),
  );
  const omittedCounts = refs.map((ref) => omissions.get(ref.article.id)?.size ?? 0);
  return h(
    'table',
    { class: 'matrix' },
    h('caption', {}, 'Which outlet reports which fact. Marked cells are omissions: facts most other sources report.'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Fact'),
        refs.map((r) => h('th', { scope: 'col' }, r.label)),
      ),
    ),
    h('tbody', {}, rows),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'Omissions'),
        omittedCounts.map((n) =>
          h('td', { class: n > 0 ? 'omission-count has-omissions' : 'omission-count' }, String(n)),
        ),
      ),
    ),
  );
}

/** Builds the coverage section. */
export function coverageSection(ctx: StoryContext): HTMLElement {
  const facts = factsByReach(ctx.report.facts ?? []);
  if (facts.length === 0 || ctx.articleList.length === 0) {
    return section('coverage', 'Coverage', emptyState('No facts to compare across outlets yet.'));
  }
  const table = matrixTable(ctx, facts);
  const wrap = h(
    'div',
    { class: 'table-scroll collapsed', role: 'region', 'aria-label': 'Coverage matrix', tabindex: 0 },
    table,
  );
  const more =
    facts.length > INITIAL_ROWS
      ? on(h('button', { type: 'button', class: 'link-button' }, `Show all ${facts.length} facts`), 'click', (e) => {
          wrap.classList.remove('collapsed');
          (e.currentTarget as HTMLElement).remove();
        })
      : null;
  return section('coverage', 'Coverage', wrap, more);
}
