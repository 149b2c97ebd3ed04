/**
 * The overview's differences: three to five cards side by side, each showing the versions of a figure or claim next to
 * each other with who reports them, or a fact that some outlets leave out. The full list is the Differences section.
 */
import { shorten } from '../../src/core/render/escape-markdown.js';
import type { Difference, DifferenceClaim } from '../../src/core/model.js';
import { citationChips } from './citation-chip.js';
import { h } from './dom.js';
import { formatDateValueShort, formatNumber } from './format.js';
import {
  claimsByReach,
  differencesInWords,
  keyDifferences,
  type KeyDifference,
  type LeftOut,
} from '../../src/core/render/rank-differences.js';
import { storyHref } from './router.js';
import { articleLabel, type StoryContext } from './story-context.js';

/** Versions shown on a card before "+N more versions". */
const SIDES_SHOWN = 3;

function side(ctx: StoryContext, difference: Difference, claim: DifferenceClaim): HTMLElement {
  const asOf = formatDateValueShort(claim.asOf);
  const figure = difference.kind === 'number' && claim.value !== null;
  return h(
    'li',
    { class: 'side' },
    figure ? h('p', { class: 'side-value' }, formatNumber(claim.value!)) : null,
    h('p', { class: figure ? 'side-text side-text-small' : 'side-text' }, shorten(claim.text, figure ? 50 : 64)),
    claim.attribution ? h('p', { class: 'side-meta' }, `per ${shorten(claim.attribution, 50)}`) : null,
    asOf
      ? h(
          'p',
          { class: 'side-meta', title: claim.asOf?.inferred ? `inferred from ${claim.asOf.basis}` : undefined },
          `as of ${asOf}`,
        )
      : null,
    citationChips(ctx, claim.citations),
  );
}

function differenceCard(ctx: StoryContext, difference: Difference, storyId: string): HTMLElement {
  const claims = claimsByReach(difference);
  const hidden = claims.length - SIDES_SHOWN;
  return h(
    'li',
    { class: `key-diff key-diff-${difference.kind}`, 'data-difference': difference.id },
    h(
      'h3',
      {},
      h('span', { class: 'badge' }, difference.kind === 'number' ? 'Figure' : 'Claim'),
      ' ',
      shorten(difference.about, 80),
    ),
    h(
      'ul',
      { class: 'sides', 'aria-label': `Versions of: ${difference.about}` },
      claims.slice(0, hidden > 1 ? SIDES_SHOWN : claims.length).map((c) => side(ctx, difference, c)),
    ),
    hidden > 1
      ? h('p', { class: 'more-link' }, h('a', { href: storyHref(storyId, 'differences') }, `+${hidden} more versions`))
      : null,
  );
}

function leftOutCard(ctx: StoryContext, { fact, omittedBy }: LeftOut): HTMLElement {
  const outlets = omittedBy.map((id) => articleLabel(ctx, id));
  return h(
    'li',
    { class: 'key-diff key-diff-left-out', 'data-fact': fact.id },
    h('h3', {}, h('span', { class: 'badge badge-warn' }, 'Left out'), ' ', shorten(fact.statement, 90)),
    h(
      'p',
      { class: 'side-meta' },
      `Reported by ${fact.articleIds.length} of ${ctx.articleList.length} articles; not by `,
      outlets.length > 2 ? `${outlets.length} others: ` : '',
      h('strong', {}, shorten(outlets.join(', '), 80)),
    ),
    citationChips(ctx, fact.citations),
  );
}

function card(ctx: StoryContext, item: KeyDifference, storyId: string): HTMLElement {
  return item.kind === 'difference' ? differenceCard(ctx, item.difference, storyId) : leftOutCard(ctx, item.item);
}

/** Builds the overview's list of differences, or null when the sources agree on everything they share. */
export function keyDifferencesBlock(ctx: StoryContext, storyId: string): HTMLElement | null {
  const { report } = ctx;
  const items = keyDifferences({
    differences: report.differences ?? [],
    facts: report.facts ?? [],
    omissions: report.omissions ?? [],
  });
  if (items.length === 0) return null;
  return h(
    'div',
    { class: 'key-differences-block' },
    h(
      'p',
      { class: 'strip-heading' },
      h('strong', {}, 'Where they differ: '),
      differencesInWords(report.differences ?? []),
      ' · ',
      h('a', { href: storyHref(storyId, 'differences') }, 'all differences'),
    ),
    h(
      'ol',
      { class: 'key-differences' },
      items.map((item) => card(ctx, item, storyId)),
    ),
  );
}
