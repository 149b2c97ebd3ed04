/**
 * The timeline chart: an SVG built with DOM APIs, dates on an axis (one evenly spaced point per date, in order), events
 * as points with staggered labels.
 */
import type { DatePrecision, TimelineEvent } from '../../src/core/model.js';
import { h, on, s } from './dom.js';
import { formatDate, parseIsoDate, truncate } from './format.js';

const WIDTH = 800;
const PAD_X = 24;
const LANE_HEIGHT = 18;
const LABEL_CHARS = 34;
/** Shortest label worth growing rightwards; closer to the edge, labels grow leftwards. */
const MIN_LABEL_CHARS = 16;
/** Rough width of one label character at the chart's font size, used to keep labels apart. */
const CHAR_WIDTH = 6.4;
/** Least distance between two shown date labels of the axis. */
const MIN_TICK_GAP = 84;

/** An event placed on the chart. */
interface Placed {
  event: TimelineEvent;
  index: number;
  x: number;
  lane: number;
  anchor: 'start' | 'end';
  label: string;
}

/** The day (or month, year) an event falls on: events on one day share a point of the axis. */
function slotKey(date: string): string {
  return date.slice(0, 10);
}

/** Evenly spaced x positions, one per distinct date: clusters stay readable even when one event lies far away. */
function slotPositions(keys: readonly string[]): Map<string, number> {
  const distinct = [...new Set(keys)];
  const step = distinct.length > 1 ? (WIDTH - 2 * PAD_X) / (distinct.length - 1) : 0;
  return new Map(distinct.map((key, i) => [key, distinct.length > 1 ? PAD_X + i * step : WIDTH / 2]));
}

/** Assigns each label the first lane where it does not overlap the previous label. */
function placeLabels(events: readonly { event: TimelineEvent; index: number; x: number }[]): Placed[] {
  const laneEnds: number[] = [];
  return events.map(({ event, index, x }) => {
    // Labels grow rightwards from their point, shortened to fit; only points near the right edge grow leftwards.
    const room = Math.floor((WIDTH - x) / CHAR_WIDTH) - 4;
    const anchor = room >= MIN_LABEL_CHARS ? 'start' : 'end';
    const chars = anchor === 'start' ? Math.min(LABEL_CHARS, room) : LABEL_CHARS;
    const label = `${index + 1}. ${truncate(event.text, chars)}`;
    const width = label.length * CHAR_WIDTH;
    const left = anchor === 'start' ? x : x - width;
    let lane = laneEnds.findIndex((end) => end + 8 < left);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = left + width;
    return { event, index, x, lane, anchor, label };
  });
}

/** One tick per date slot; labels closer than `MIN_TICK_GAP` to the previous shown one are left out. */
function tickMarks(slots: Map<string, number>, precisionOf: Map<string, DatePrecision>): SVGGElement[] {
  const entries = [...slots.entries()];
  let lastShown = Number.NEGATIVE_INFINITY;
  return entries.map(([key, tx], i) => {
    const last = i === entries.length - 1;
    const show =
      tx - lastShown >= MIN_TICK_GAP && (last || WIDTH - PAD_X - tx >= MIN_TICK_GAP / 2 || entries.length === 1);
    if (show) lastShown = tx;
    const precision = precisionOf.get(key) ?? 'day';
    // The outer labels grow inwards so they stay inside the chart.
    const anchor = entries.length === 1 ? 'middle' : i === 0 ? 'start' : last ? 'end' : 'middle';
    return s(
      'g',
      { class: 'tl-tick' },
      s('line', { x1: tx, x2: tx, y1: 0, y2: 6 }),
      show
        ? s(
            'text',
            { x: anchor === 'start' ? tx - 4 : anchor === 'end' ? tx + 4 : tx, y: 22, 'text-anchor': anchor },
            formatDate(key, precision === 'time' ? 'day' : precision),
          )
        : null,
    );
  });
}

/** Builds the chart for events sorted by date; clicking or pressing Enter on a point calls `onSelect`. */
export function timelineChart(
  events: readonly TimelineEvent[],
  onSelect: (index: number, origin: SVGElement) => void,
): HTMLElement {
  const dated = events
    .map((event, index) => ({ event, index, ms: parseIsoDate(event.date) }))
    .filter((e): e is { event: TimelineEvent; index: number; ms: number } => e.ms !== null);
  if (dated.length === 0) return h('p', { class: 'empty' }, 'No event could be placed on a date axis.');
  const slots = slotPositions(dated.map((d) => slotKey(d.event.date)));
  const precisionOf = new Map(dated.map((d) => [slotKey(d.event.date), d.event.precision] as const));
  const placed = placeLabels(
    dated.map((d) => ({ event: d.event, index: d.index, x: slots.get(slotKey(d.event.date)) ?? 0 })),
  );
  const lanes = Math.max(...placed.map((p) => p.lane)) + 1;
  const axisY = 16 + lanes * LANE_HEIGHT + 12;
  const height = axisY + 40;
  const points = placed.map((p) => {
    const labelY = 16 + p.lane * LANE_HEIGHT + 12;
    const name = `${formatDate(p.event.date, p.event.precision)}: ${p.event.text}`;
    const g = s(
      'g',
      {
        class: p.event.inferred ? 'tl-event inferred' : 'tl-event',
        tabindex: 0,
        role: 'button',
        'aria-label': `${p.index + 1}. ${name}`,
      },
      s('title', {}, name),
      s('line', { class: 'tl-leader', x1: p.x, x2: p.x, y1: labelY + 4, y2: axisY }),
      s('circle', { cx: p.x, cy: axisY, r: 6 }),
      s('text', { x: p.x + (p.anchor === 'start' ? -2 : 2), y: labelY, 'text-anchor': p.anchor }, p.label),
    );
    on(g, 'click', () => onSelect(p.index, g));
    on(g, 'keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(p.index, g);
      }
    });
    return g;
  });
  const svg = s(
    'svg',
    { class: 'timeline-chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'group', 'aria-label': 'Timeline chart' },
    s('line', { class: 'tl-axis', x1: PAD_X / 2, x2: WIDTH - PAD_X / 2, y1: axisY, y2: axisY }),
    s('g', { transform: `translate(0 ${axisY})` }, tickMarks(slots, precisionOf)),
    points,
  );
  return h('div', { class: 'chart-scroll' }, svg);
}
