/** The timeline: a chart of the events on a date axis and, below it, the list of events with their citations. */
import type { TimelineEvent } from '../../src/core/model.js';
import { citationChips } from './citation-chip.js';
import { emptyState, h, section } from './dom.js';
import { formatDate, parseIsoDate } from './format.js';
import type { StoryContext } from './story-context.js';
import { timelineChart } from './timeline-chart.js';

/** Events in date order (undated ones last, original order kept among equals). */
export function sortEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((e, i) => ({ e, i, ms: parseIsoDate(e.date) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map(({ e }) => e);
}

/** Builds the timeline section. */
export function timelineSection(ctx: StoryContext): HTMLElement {
  const events = sortEvents(ctx.report.timeline ?? []);
  if (events.length === 0) return section('timeline', 'Timeline', emptyState('No dated events were found.'));
  const list = h(
    'ol',
    { class: 'timeline-list' },
    events.map((e, i) =>
      h(
        'li',
        { class: 'timeline-event', id: `event-${i}` },
        h('time', { datetime: e.date }, formatDate(e.date, e.precision)),
        e.inferred ? h('span', { class: 'badge badge-muted' }, 'date inferred') : null,
        h('p', {}, `${i + 1}. ${e.text}`),
        citationChips(ctx, e.citations),
      ),
    ),
  );
  const chart = timelineChart(events, (index, origin) => {
    const first = events[index]?.citations[0];
    if (first) ctx.jump(first, origin);
  });
  const note = h(
    'p',
    { class: 'section-intro' },
    'Each date is one point of the axis, in order and evenly spaced (not to scale). Hollow points: the date is inferred. ',
    'Select a point to see its source.',
  );
  return section('timeline', 'Timeline', note, chart, list);
}
