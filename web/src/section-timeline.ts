/**
 * The timeline: a chart of the events known to the day on a proportional time axis, earlier background events named
 * beside it, and the numbered list of every event; dates the articles leave open are shown as written, not placed.
 */
import { shorten } from '../../src/core/render/escape-markdown.js';
import type { DateMention, TimelineEvent } from '../../src/core/model.js';
import { citationChips } from './citation-chip.js';
import { emptyState, h, section } from './dom.js';
import { expandableList, lazyDetails } from './expandable.js';
import { formatDate, plural } from './format.js';
import type { StoryContext } from './story-context.js';
import { timelineChart } from './timeline-chart.js';
import { layoutTimeline, type NumberedEvent } from './timeline-layout.js';

/** Events listed before "Show all". */
const INITIAL_EVENTS = 4;

const PLACE_NOTES: Readonly<Record<NumberedEvent['place'], string | null>> = {
  chart: null,
  earlier: 'before the chart',
  later: 'after the chart',
  coarse: 'no exact day',
};

function eventItem(ctx: StoryContext, e: NumberedEvent): HTMLElement {
  const note = PLACE_NOTES[e.place];
  return h(
    'li',
    { class: `timeline-event place-${e.place}`, 'data-number': e.number },
    h('span', { class: 'event-number', 'aria-hidden': 'true' }, String(e.number)),
    h(
      'div',
      { class: 'event-body' },
      h('time', { datetime: e.event.date }, formatDate(e.event.date, e.event.precision)),
      e.event.inferred ? h('span', { class: 'badge badge-muted' }, 'date inferred') : null,
      note ? h('span', { class: 'badge badge-muted' }, note) : null,
      h(
        'p',
        {},
        h('span', { class: 'visually-hidden' }, `${e.number}. `),
        e.event.text,
        ' ',
        citationChips(ctx, e.event.citations),
      ),
    ),
  );
}

/** Dates the articles leave open: relative dates that could not be placed, and events without a readable date. */
function openDates(ctx: StoryContext, unplaced: readonly TimelineEvent[]): HTMLElement | null {
  const mentions = (ctx.report.dates ?? []).filter((d: DateMention) => d.date === null);
  const count = mentions.length + unplaced.length;
  if (count === 0) return null;
  return lazyDetails(`Dates the articles leave open: ${count}, shown as written`, () =>
    h(
      'ul',
      { class: 'open-dates' },
      unplaced.map((e) =>
        h(
          'li',
          {},
          h('strong', {}, `“${String(e.date ?? 'no date')}”`),
          ' ',
          e.text,
          ' ',
          citationChips(ctx, e.citations),
        ),
      ),
      mentions.map((d) =>
        h(
          'li',
          {},
          h('strong', {}, `“${shorten(d.text, 60)}”`),
          ' ',
          citationChips(ctx, [{ articleId: d.articleId, start: d.start, end: d.end }]),
        ),
      ),
    ),
  );
}

/** The note above the chart: the span it shows, what the marks mean, and the background events left beside it. */
function chartNote(events: readonly NumberedEvent[]): HTMLElement {
  const drawn = events.filter((e) => e.place === 'chart');
  const earlier = events.filter((e) => e.place === 'earlier');
  const later = events.filter((e) => e.place === 'later');
  const coarse = events.filter((e) => e.place === 'coarse');
  const first = drawn[0];
  const last = drawn.at(-1);
  const span = first && last ? ` from ${formatDate(first.event.date)} to ${formatDate(last.event.date)}` : '';
  const aside = [
    earlier.length > 0
      ? `${plural(earlier.length, 'earlier event')} (${earlier.map((e) => formatDate(e.event.date, e.event.precision)).join(', ')})`
      : '',
    later.length > 0 ? plural(later.length, 'later event') : '',
    coarse.length > 0 ? `${plural(coarse.length, 'event')} known only to the month or year` : '',
  ].filter(Boolean);
  return h(
    'p',
    { class: 'section-intro' },
    `${plural(drawn.length, 'event')}${span}, to scale. `,
    h('span', { class: 'legend-stated', 'aria-hidden': 'true' }, '●'),
    ' date stated, ',
    h('span', { class: 'legend-inferred', 'aria-hidden': 'true' }, '○'),
    ' date inferred. Numbers match the list; select one to read its source.',
    aside.length > 0 ? ` Listed, not drawn: ${aside.join('; ')}.` : '',
  );
}

/** Builds the timeline section. */
export function timelineSection(ctx: StoryContext): HTMLElement {
  const layout = layoutTimeline(ctx.report.timeline ?? []);
  const open = openDates(ctx, layout.unplaced);
  if (layout.events.length === 0) {
    return section('timeline', 'Timeline', emptyState('No dated events were found.'), open);
  }
  const chart = layout.domain
    ? timelineChart({
        events: layout.events.filter((e) => e.place === 'chart'),
        domain: layout.domain,
        onSelect: (e, origin) => {
          const first = e.event.citations[0];
          if (first) ctx.jump(first, origin);
        },
      })
    : null;
  return section(
    'timeline',
    'Timeline',
    layout.domain ? chartNote(layout.events) : null,
    chart,
    expandableList({
      tag: 'ol',
      className: 'timeline-list',
      items: layout.events,
      initial: INITIAL_EVENTS,
      render: (e) => eventItem(ctx, e),
      moreLabel: (n) => `Show ${plural(n, 'more event')}`,
      label: 'Events in date order',
    }),
    open,
  );
}
