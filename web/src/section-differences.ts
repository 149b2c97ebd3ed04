/** Where the sources differ: figures and contested claims side by side, each with source, attribution and as-of. */
import type { Difference, DifferenceClaim } from '../../src/core/model.js';
import { citationChips } from './citation-chip.js';
import { emptyState, h, section } from './dom.js';
import { expandableList } from './expandable.js';
import { formatDateValue, formatNumber } from './format.js';
import { claimsByReach, rankDifferences } from '../../src/core/render/rank-differences.js';
import { articleLabel, type StoryContext } from './story-context.js';

function claimCard(ctx: StoryContext, difference: Difference, claim: DifferenceClaim): HTMLElement {
  const asOf = formatDateValue(claim.asOf);
  const outlets = claim.articleIds.map((id) => articleLabel(ctx, id)).join(', ');
  return h(
    'li',
    { class: 'claim' },
    difference.kind === 'number' && claim.value !== null
      ? h('p', { class: 'claim-value' }, formatNumber(claim.value))
      : null,
    h('p', { class: 'claim-text' }, claim.text),
    h(
      'dl',
      { class: 'meta claim-meta' },
      h('dt', {}, 'Reported by'),
      h('dd', {}, outlets || '—'),
      h('dt', {}, 'Attributed to'),
      h('dd', {}, claim.attribution ?? 'not attributed'),
      h('dt', {}, 'As of'),
      h('dd', {}, asOf ?? 'not stated'),
    ),
    citationChips(ctx, claim.citations),
  );
}

/** What the relation of a difference tells the reader: a contradiction, the story moving on, or unknown timing. */
const RELATION_TEXT: Record<NonNullable<Difference['relation']>, { badge: string; note: string }> = {
  conflict: { badge: 'Conflict', note: 'The sources disagree about the same time.' },
  update: { badge: 'Update', note: 'The versions hold for different dates: a timeline, not a contradiction.' },
  'unknown-timing': {
    badge: 'Timing unknown',
    note: 'A date is unknown, so this may be the story moving on rather than a contradiction.',
  },
};

function differenceItem(ctx: StoryContext, difference: Difference): HTMLElement {
  const relation = difference.relation ? RELATION_TEXT[difference.relation] : null;
  return h(
    'li',
    { class: `difference difference-${difference.kind}`, 'data-difference': difference.id },
    h(
      'h3',
      {},
      h('span', { class: 'badge' }, difference.kind === 'number' ? 'Figure' : 'Claim'),
      ' ',
      relation ? h('span', { class: 'badge badge-muted', 'data-relation': difference.relation }, relation.badge) : null,
      relation ? ' ' : null,
      difference.about,
    ),
    relation ? h('p', { class: 'hint difference-relation' }, relation.note) : null,
    expandableList({
      tag: 'ul',
      className: 'claims',
      label: `Versions of: ${difference.about}`,
      items: claimsByReach(difference),
      initial: INITIAL_CLAIMS,
      render: (c) => claimCard(ctx, difference, c),
      moreLabel: (n) => `Show ${n} more versions`,
    }),
  );
}

/** Versions of one difference shown before "Show more versions". */
const INITIAL_CLAIMS = 4;

/** Differences shown before "Show all". */
const INITIAL_DIFFERENCES = 5;

/** Builds the differences section: the most important first, the rest behind "Show all". */
export function differencesSection(ctx: StoryContext): HTMLElement {
  const differences = rankDifferences(ctx.report.differences ?? []);
  return section(
    'differences',
    'Where the sources differ',
    differences.length > 0
      ? expandableList({
          tag: 'ol',
          className: 'differences',
          items: differences,
          initial: INITIAL_DIFFERENCES,
          render: (d) => differenceItem(ctx, d),
          moreLabel: (n) => `Show ${n} more differences`,
        })
      : emptyState('No differences between the sources were found.'),
  );
}
