/**
 * Who said what: quotes grouped by speaker, biggest first, each speaker's quotes folded after the first few, filters by
 * speaker and by outlet, and the same words carried by several outlets shown once with all of them.
 */
import { citationChip, citationChips } from './citation-chip.js';
import { emptyState, h, on, section } from './dom.js';
import { expandableList } from './expandable.js';
import { plural } from './format.js';
import { filterGroups, groupQuotes, type MergedQuote, type SpeakerGroup } from '../../src/core/render/quote-groups.js';
import { QUOTE_KIND_TEXT } from '../../src/core/render/report-view.js';
import type { StoryContext } from './story-context.js';

/** Speakers shown before "Show more speakers". */
const INITIAL_SPEAKERS = 3;
/** Quotes of a speaker shown before "Show more quotes". */
const INITIAL_QUOTES = 2;

function quoteItem(ctx: StoryContext, q: MergedQuote): HTMLElement {
  const outlets = new Set(q.citations.map((c) => ctx.articles.get(c.articleId)?.outlet ?? c.articleId)).size;
  return h(
    'li',
    { class: `quote quote-${q.kind}` },
    h('blockquote', {}, q.kind === 'direct' ? `“${q.text}”` : q.text),
    h(
      'p',
      { class: 'quote-meta' },
      QUOTE_KIND_TEXT[q.kind],
      q.inferred ? ' · speaker inferred from context' : '',
      outlets > 1 ? ` · carried by ${plural(outlets, 'outlet')}` : '',
      ' ',
      citationChips(ctx, q.citations),
    ),
    q.search
      ? h(
          'p',
          { class: 'quote-search' },
          `${q.search.note} · looked for in `,
          citationChip(ctx, q.search.citation, { label: 'the text searched' }),
        )
      : null,
  );
}

function speakerItem(ctx: StoryContext, group: SpeakerGroup, quotesShown: number): HTMLElement {
  return h(
    'li',
    { class: 'speaker', 'data-speaker': group.key },
    h('h3', {}, group.name, h('span', { class: 'count' }, ` · ${plural(group.quotes.length, 'quote')}`)),
    expandableList({
      tag: 'ul',
      className: 'quotes',
      items: group.quotes,
      initial: quotesShown,
      render: (q) => quoteItem(ctx, q),
      moreLabel: (n) => `Show ${n} more by ${group.name}`,
    }),
  );
}

function select(
  id: string,
  label: string,
  options: [string, string][],
  onChange: (value: string) => void,
): HTMLElement {
  const control = h(
    'select',
    { id },
    options.map(([value, text]) => h('option', { value }, text)),
  );
  on(control, 'change', () => onChange(control.value));
  return h('div', { class: 'filter-field' }, h('label', { for: id }, label), control);
}

/** Builds the quotes section. */
export function quotesSection(ctx: StoryContext): HTMLElement {
  const groups = groupQuotes(ctx.report.quotes ?? [], { entityName: (id) => ctx.entities.get(id)?.name });
  if (groups.length === 0) return section('quotes', 'Who said what', emptyState('No attributed quotes were found.'));
  const total = groups.reduce((n, g) => n + g.quotes.length, 0);
  let speaker = '';
  let outlet = '';
  const results = h('div', { class: 'quote-results' });
  const status = h('p', { class: 'filter-status', role: 'status' });
  const render = (): void => {
    const articleIds = outlet ? new Set(ctx.outlets[Number(outlet)]?.articles.map((a) => a.article.id) ?? []) : null;
    const shown = filterGroups(groups, { speaker: speaker || null, articleIds });
    const count = shown.reduce((n, g) => n + g.quotes.length, 0);
    status.textContent =
      speaker || outlet
        ? `${plural(count, 'quote')} of ${total} match.`
        : `${plural(total, 'quote')} from ${plural(groups.length, 'speaker')}, the most quoted first.`;
    results.replaceChildren(
      shown.length === 0
        ? emptyState('No quote matches these filters.')
        : expandableList({
            tag: 'ul',
            className: 'speakers',
            items: shown,
            initial: speaker ? shown.length : INITIAL_SPEAKERS,
            // One speaker chosen: all of their quotes at once.
            render: (g) => speakerItem(ctx, g, speaker ? g.quotes.length : INITIAL_QUOTES),
            moreLabel: (n) => `Show ${plural(n, 'more speaker')}`,
          }),
    );
  };
  const filters = h(
    'div',
    { class: 'filters quote-filters' },
    select(
      'quote-speaker',
      'Speaker',
      [
        ['', `All speakers (${groups.length})`],
        ...groups.map((g): [string, string] => [g.key, `${g.name} (${g.quotes.length})`]),
      ],
      (value) => {
        speaker = value;
        render();
      },
    ),
    ctx.outlets.length > 1
      ? select(
          'quote-outlet',
          'Outlet',
          [
            ['', `All outlets (${ctx.outlets.length})`],
            ...ctx.outlets.map((o, i): [string, string] => [String(i), o.name]),
          ],
          (value) => {
            outlet = value;
            render();
          },
        )
      : null,
  );
  render();
  return section('quotes', 'Who said what', filters, status, results);
}
