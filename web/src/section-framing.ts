/**
 * Framing as one table: actors as rows and outlets as columns, each cell the outlet's words for the actor with its
 * charged terms marked in place (a cell opens the passage), then rows for the outlet's other charged words, its charged
 * wording score, whom it quotes most, and the words it uses more than the others.
 */
import { shorten } from '../../src/core/render/escape-markdown.js';
import type { Citation, Framing } from '../../src/core/model.js';
import { citationChip } from './citation-chip.js';
import { orderedOutlets } from './coverage-strip.js';
import { emptyState, h, section, type Child } from './dom.js';
import { expandButton } from './expandable.js';
import { formatNumber, plural } from './format.js';
import { LEAN_LABELS } from './lean.js';
import { entityName, type OutletRef, type StoryContext } from './story-context.js';

/** Actor rows shown before "Show more actors". */
const INITIAL_ACTORS = 8;

type Charged = Framing['chargedTerms'][number];

function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termClass(score: number): string {
  return `term ${score < 0 ? 'term-negative' : 'term-positive'}`;
}

/** Text with every charged term marked where it occurs (whole words, any case). */
export function markCharged(text: string, charged: readonly Charged[]): Child[] {
  const terms = charged.filter((t) => t.term.trim() !== '');
  if (terms.length === 0) return [text];
  const byWord = new Map(terms.map((t) => [t.term.toLowerCase(), t]));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${terms
      .map((t) => escapeRegExp(t.term))
      .sort((a, b) => b.length - a.length)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return text.split(pattern).map((part, i) => {
    if (i % 2 === 0) return part;
    const term = byWord.get(part.toLowerCase());
    return h(
      'mark',
      { class: termClass(term?.score ?? 0), title: term ? `charged: ${signed(term.score)}` : undefined },
      part,
    );
  });
}

/** A cell's clickable words: a chip without a tooltip of its own (the table scrolls), opening the first passage. */
function wordsButton(ctx: StoryContext, citations: readonly Citation[], content: Child[], label: string): HTMLElement {
  const first = citations[0];
  if (!first) return h('span', {}, content);
  return citationChip(ctx, first, { content, ariaLabel: label, className: 'chip-words', tooltip: false });
}

/** An outlet's framing: its articles' framings merged (words and charged terms joined, scores averaged). */
interface Column {
  outlet: OutletRef;
  framing: Framing;
}

function mergeFramings(framings: readonly Framing[]): Framing {
  if (framings.length === 1) return framings[0]!;
  const descriptors = new Map<string, Framing['descriptors'][number]>();
  const charged = new Map<string, Charged>();
  const quoted = new Map<string, Framing['quoted'][number]>();
  for (const f of framings) {
    for (const d of f.descriptors) {
      const old = descriptors.get(d.entityId);
      descriptors.set(
        d.entityId,
        old
          ? {
              entityId: d.entityId,
              terms: [...new Set([...old.terms, ...d.terms])],
              citations: [...old.citations, ...d.citations],
            }
          : d,
      );
    }
    for (const t of f.chargedTerms) {
      const key = t.term.toLowerCase();
      const old = charged.get(key);
      charged.set(key, old ? { ...old, citations: [...old.citations, ...t.citations] } : t);
    }
    for (const q of f.quoted) {
      const key = q.entityId ?? `n:${q.name.toLowerCase()}`;
      const old = quoted.get(key);
      quoted.set(key, old ? { ...old, count: old.count + q.count } : q);
    }
  }
  return {
    articleId: framings[0]!.articleId,
    descriptors: [...descriptors.values()],
    chargedTerms: [...charged.values()],
    chargedScore: Math.round((framings.reduce((n, f) => n + f.chargedScore, 0) / framings.length) * 10) / 10,
    distinctiveTerms: framings.flatMap((f) => f.distinctiveTerms).sort((a, b) => b.zScore - a.zScore),
    quoted: [...quoted.values()],
  };
}

function actorRow(ctx: StoryContext, entityId: string, columns: readonly Column[]): HTMLElement {
  const name = entityName(ctx, entityId, entityId);
  return h(
    'tr',
    { 'data-entity': entityId },
    h('th', { scope: 'row', class: 'actor-cell' }, name),
    columns.map(({ outlet, framing }) => {
      const d = framing.descriptors.find((x) => x.entityId === entityId);
      if (!d || d.terms.length === 0)
        return h('td', { class: 'no-words' }, h('span', { class: 'visually-hidden' }, 'no words'));
      const words = d.terms.join(', ');
      return h(
        'td',
        {},
        wordsButton(
          ctx,
          d.citations,
          markCharged(words, framing.chargedTerms),
          `${outlet.name} on ${name}: ${words}. Show source`,
        ),
      );
    }),
  );
}

/** Charged words an outlet uses outside its words for the actors. */
function otherCharged(framing: Framing): Charged[] {
  const inDescriptors = framing.descriptors
    .flatMap((d) => d.terms)
    .join(' ')
    .toLowerCase();
  return framing.chargedTerms.filter((t) => !inDescriptors.includes(t.term.toLowerCase()));
}

function outletRows(ctx: StoryContext, columns: readonly Column[]): HTMLElement[] {
  const row = (label: string, className: string, cell: (c: Column) => Child): HTMLElement =>
    h(
      'tr',
      { class: className },
      h('th', { scope: 'row', class: 'actor-cell' }, label),
      columns.map((c) => h('td', {}, cell(c))),
    );
  return [
    row('Other charged words', 'row-charged', ({ outlet, framing }) =>
      otherCharged(framing).map((t, i) => [
        i > 0 ? ', ' : '',
        wordsButton(
          ctx,
          t.citations,
          [h('span', { class: termClass(t.score) }, t.term)],
          `${outlet.name}: ${t.term}, charged ${signed(t.score)}. Show source`,
        ),
      ]),
    ),
    row('Charged wording per 1,000 words', 'row-score', ({ framing }) =>
      h(
        'span',
        {
          class:
            framing.chargedScore < 0
              ? 'score term-negative'
              : framing.chargedScore > 0
                ? 'score term-positive'
                : 'score',
        },
        signed(framing.chargedScore),
      ),
    ),
    row('Quotes most', 'row-quoted', ({ framing }) =>
      [...framing.quoted]
        .sort((a, b) => b.count - a.count)
        .slice(0, 3)
        .map((q) => `${entityName(ctx, q.entityId, q.name)} ×${q.count}`)
        .join(', '),
    ),
    row('Words it uses more than the others', 'row-distinctive', ({ framing }) =>
      framing.distinctiveTerms
        .slice(0, 5)
        .map((t) => t.term)
        .join(', '),
    ),
  ];
}

/** Builds the framing section. */
export function framingSection(ctx: StoryContext): HTMLElement {
  const byArticle = new Map((ctx.report.framing ?? []).map((f) => [f.articleId, f]));
  const columns: Column[] = orderedOutlets(ctx).flatMap((outlet) => {
    const framings = outlet.articles.flatMap((a) => byArticle.get(a.article.id) ?? []);
    return framings.length > 0 ? [{ outlet, framing: mergeFramings(framings) }] : [];
  });
  if (columns.length === 0) return section('framing', 'Framing', emptyState('No framing analysis yet.'));
  const reach = new Map<string, number>();
  for (const { framing } of columns)
    for (const d of framing.descriptors)
      if (d.terms.length > 0) reach.set(d.entityId, (reach.get(d.entityId) ?? 0) + 1);
  const actors = [...reach.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const body = h(
    'tbody',
    {},
    actors.slice(0, INITIAL_ACTORS).map((id) => actorRow(ctx, id, columns)),
  );
  const hidden = actors.slice(INITIAL_ACTORS);
  const table = h(
    'table',
    { class: 'framing-table' },
    h('caption', { class: 'visually-hidden' }, 'How each outlet describes each actor'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'actor-head' }, 'Actor'),
        columns.map(({ outlet }) =>
          h(
            'th',
            {
              scope: 'col',
              class: `outlet-col lean-${outlet.lean ?? 'none'}`,
              title: `${outlet.name}${outlet.articles.length > 1 ? ` · ${plural(outlet.articles.length, 'article')}` : ''}${outlet.lean ? ` · ${LEAN_LABELS[outlet.lean]}` : ''}`,
            },
            shorten(outlet.name, 24),
          ),
        ),
      ),
    ),
    body,
    h('tbody', { class: 'outlet-rows' }, outletRows(ctx, columns)),
  );
  return section(
    'framing',
    'Framing: each outlet’s words',
    h(
      'p',
      { class: 'section-intro' },
      actors.length > 0
        ? `How ${plural(columns.length, 'outlet')} describe ${plural(actors.length, 'actor')}; `
        : `${plural(columns.length, 'outlet')}; `,
      'charged words are marked (red leans negative, green positive). Select words to read the passage.',
    ),
    h(
      'div',
      { class: 'table-scroll framing-scroll', role: 'region', 'aria-label': 'Framing table', tabindex: 0 },
      table,
    ),
    hidden.length > 0
      ? expandButton(`Show ${plural(hidden.length, 'more actor')}`, () =>
          body.append(...hidden.map((id) => actorRow(ctx, id, columns))),
        )
      : null,
  );
}
