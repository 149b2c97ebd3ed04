/** Framing per outlet: how it describes each actor, its charged terms with scores, and whom it quotes. */
import type { Framing } from '../../src/core/model.js';
import { citationChips } from './citation-chip.js';
import { emptyState, h, section } from './dom.js';
import { formatNumber } from './format.js';
import { articleLabel, entityName, type StoryContext } from './story-context.js';

function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value)}`;
}

function descriptorsList(ctx: StoryContext, framing: Framing): HTMLElement | null {
  if (framing.descriptors.length === 0) return null;
  return h(
    'div',
    {},
    h('h4', {}, 'How it describes the actors'),
    h(
      'ul',
      { class: 'descriptors' },
      framing.descriptors.map((d) =>
        h(
          'li',
          {},
          h('strong', {}, entityName(ctx, d.entityId, d.entityId)),
          ': ',
          d.terms.join(', '),
          ' ',
          citationChips(ctx, d.citations),
        ),
      ),
    ),
  );
}

function chargedList(ctx: StoryContext, framing: Framing): HTMLElement | null {
  if (framing.chargedTerms.length === 0) return null;
  return h(
    'div',
    {},
    h('h4', {}, 'Charged terms'),
    h(
      'ul',
      { class: 'charged' },
      framing.chargedTerms.map((t) =>
        h(
          'li',
          {},
          h('span', { class: `term ${t.score < 0 ? 'term-negative' : 'term-positive'}` }, t.term),
          h('span', { class: 'score' }, ` (${signed(t.score)})`),
          ' ',
          citationChips(ctx, t.citations),
        ),
      ),
    ),
  );
}

function quotedList(framing: Framing, ctx: StoryContext): HTMLElement | null {
  if (framing.quoted.length === 0) return null;
  return h(
    'div',
    {},
    h('h4', {}, 'Whom it quotes'),
    h(
      'ul',
      { class: 'quoted' },
      [...framing.quoted]
        .sort((a, b) => b.count - a.count)
        .map((q) => h('li', {}, entityName(ctx, q.entityId, q.name), h('span', { class: 'count' }, ` ×${q.count}`))),
    ),
  );
}

function distinctiveList(framing: Framing): HTMLElement | null {
  if (framing.distinctiveTerms.length === 0) return null;
  return h(
    'p',
    { class: 'distinctive' },
    h('strong', {}, 'Words it uses more than the others: '),
    framing.distinctiveTerms.map((t) => t.term).join(', '),
  );
}

function framingCard(ctx: StoryContext, framing: Framing): HTMLElement {
  const parts = [
    descriptorsList(ctx, framing),
    chargedList(ctx, framing),
    quotedList(framing, ctx),
    distinctiveList(framing),
  ];
  return h(
    'li',
    { class: 'framing-card' },
    h('h3', {}, articleLabel(ctx, framing.articleId)),
    h(
      'p',
      { class: 'charged-score' },
      'Charged wording: ',
      h('strong', {}, signed(framing.chargedScore)),
      ' (per 1,000 words; below zero leans negative)',
    ),
    parts.some((p) => p !== null) ? parts : emptyState('Nothing distinctive in how this outlet frames the story.'),
  );
}

/** Builds the framing section. */
export function framingSection(ctx: StoryContext): HTMLElement {
  const framing = ctx.report.framing ?? [];
  return section(
    'framing',
    'Framing',
    framing.length === 0
      ? emptyState('No framing analysis yet.')
      : h(
          'ul',
          { class: 'framing' },
          framing.map((f) => framingCard(ctx, f)),
        ),
  );
}
