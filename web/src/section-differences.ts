/** Where the sources differ: figures and contested claims side by side, each with source, attribution and as-of. */
import type { Difference, DifferenceClaim } from '../../src/core/model.js';
import { citationChips } from './citation-chip.js';
import { emptyState, h, section } from './dom.js';
import { formatDateValue, formatNumber } from './format.js';
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
    h(
      'ul',
      { class: 'claims', 'aria-label': `Versions of: ${difference.about}` },
      difference.claims.map((c) => claimCard(ctx, difference, c)),
    ),
  );
}

/** Builds the differences section: figures first, then contested claims. */
export function differencesSection(ctx: StoryContext): HTMLElement {
  const differences = [...(ctx.report.differences ?? [])].sort((a, b) =>
    a.kind === b.kind ? 0 : a.kind === 'number' ? -1 : 1,
  );
  return section(
    'differences',
    'Where the sources differ',
    differences.length > 0
      ? h(
          'ol',
          { class: 'differences' },
          differences.map((d) => differenceItem(ctx, d)),
        )
      : emptyState('No differences between the sources were found.'),
  );
}
