/**
 * The timeline chart, drawn with Observable Plot: a proportional time axis whose ticks Plot spaces so their dates do
 * not overlap, one numbered circle per event packed upwards where events share a day (so neither circles nor their
 * numbers collide), filled when the article states the date and hollow and dashed when it was inferred. Plot is loaded
 * when the chart is first drawn, so the rest of the page does not wait for it; the chart is redrawn to fit its width.
 */
import type * as PlotModule from '@observablehq/plot';
import { h, on, s } from './dom.js';
import { formatDate } from './format.js';
import type { NumberedEvent } from './timeline-layout.js';

/** Radius of an event's circle: its number must fit, and it is a touch target of at least 24 px. */
const R = 12;
const PADDING = 2;
const MARGIN_X = 24;
const MARGIN_BOTTOM = 28;

/** What the chart draws and what a selection does. */
export interface TimelineChartOptions {
  /** The events drawn (known to the day, in the axis' range), numbered. */
  events: readonly NumberedEvent[];
  domain: [number, number];
  /** Called with the event picked by click, Enter or Space, and the circle to return focus to. */
  onSelect: (event: NumberedEvent, origin: SVGElement) => void;
}

/** Where an event sits on the axis: the middle of its day, its time when it has one. */
function position(e: NumberedEvent): Date {
  return new Date(e.end > e.start ? (e.start + e.end) / 2 : e.start);
}

/** The accessible name of an event's circle. */
export function eventName(e: NumberedEvent): string {
  const inferred = e.event.inferred ? ' (date inferred)' : '';
  return `${e.number}. ${formatDate(e.event.date, e.event.precision)}${inferred}: ${e.event.text}`;
}

/** Height that fits the tallest stack of circles: events closer than a diameter stack (a safe upper bound). */
function heightFor(events: readonly NumberedEvent[], width: number, domain: [number, number]): number {
  const scale = (width - 2 * MARGIN_X) / (domain[1] - domain[0]);
  const xs = events.map((e) => (position(e).getTime() - domain[0]) * scale).sort((a, b) => a - b);
  let tallest = 1;
  for (let i = 0, j = 0; i < xs.length; i++) {
    while (xs[i]! - xs[j]! > 2 * R + PADDING) j++;
    tallest = Math.max(tallest, i - j + 1);
  }
  return tallest * (2 * R + PADDING) + MARGIN_BOTTOM + 16;
}

function makeInteractive(circle: SVGElement, e: NumberedEvent, options: TimelineChartOptions): void {
  circle.setAttribute('class', e.event.inferred ? 'tl-dot inferred' : 'tl-dot stated');
  circle.setAttribute('tabindex', '0');
  circle.setAttribute('role', 'button');
  circle.setAttribute('aria-label', eventName(e));
  on(circle, 'click', () => options.onSelect(e, circle));
  on(circle, 'keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      options.onSelect(e, circle);
    }
  });
}

function draw(Plot: typeof PlotModule, options: TimelineChartOptions, width: number): SVGSVGElement {
  const { events, domain } = options;
  const height = heightFor(events, width, domain);
  let top = height;
  const svg = Plot.plot({
    width,
    height,
    marginLeft: MARGIN_X,
    marginRight: MARGIN_X,
    marginTop: 0,
    marginBottom: MARGIN_BOTTOM,
    className: 'tl-plot',
    style: { overflow: 'visible' },
    x: {
      type: 'utc',
      domain: domain.map((t) => new Date(t)),
      label: null,
      ticks: Math.max(2, Math.floor(width / 110)),
    },
    y: { axis: null },
    marks: [
      Plot.frame({ anchor: 'bottom', className: 'tl-axis' }),
      Plot.dot(
        events,
        Plot.dodgeY({
          anchor: 'bottom',
          padding: PADDING,
          r: R,
          x: position,
          title: eventName,
          render(index, scales, values, dimensions, context, next) {
            const g = next!(index, scales, values, dimensions, context) as SVGGElement;
            const circles = [...g.querySelectorAll('circle')];
            const numbers = s('g', { class: 'tl-numbers', 'aria-hidden': 'true' });
            index.forEach((i, k) => {
              const circle = circles[k];
              const e = events[i];
              const x = values.x?.[i];
              const y = values.y?.[i];
              if (!circle || !e || typeof x !== 'number' || typeof y !== 'number') return;
              makeInteractive(circle, e, options);
              top = Math.min(top, y - R);
              numbers.append(
                s('text', { x, y, dy: '0.35em', class: e.event.inferred ? 'inferred' : 'stated' }, String(e.number)),
              );
            });
            g.append(numbers);
            return g;
          },
        }),
      ),
    ],
  }) as SVGSVGElement;
  // Plot adds a <style> element; the page's CSP allows no inline styles, and styles.css has the same rules.
  for (const style of svg.querySelectorAll('style')) style.remove();
  // Crop the empty band above the highest circle.
  const crop = Math.max(0, Math.floor(top) - 6);
  svg.setAttribute('viewBox', `0 ${crop} ${width} ${height - crop}`);
  svg.setAttribute('height', String(height - crop));
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', 'Timeline chart: one numbered circle per event');
  return svg;
}

/** The chart's box: drawn once Plot has loaded and the box has a width, redrawn when the width changes. */
export function timelineChart(options: TimelineChartOptions): HTMLElement {
  const box = h('div', { class: 'timeline-chart' }, h('p', { class: 'chart-loading' }, 'Drawing the chart…'));
  let drawnWidth = 0;
  let plot: typeof PlotModule | null = null;
  const redraw = (): void => {
    const width = Math.floor(box.clientWidth);
    if (!plot || width < 200 || Math.abs(width - drawnWidth) < 24) return;
    drawnWidth = width;
    const focused = box.contains(document.activeElement) ? document.activeElement?.getAttribute('aria-label') : null;
    box.replaceChildren(draw(plot, options, width));
    if (focused) box.querySelector<SVGElement>(`[aria-label="${CSS.escape(focused)}"]`)?.focus();
  };
  import('@observablehq/plot')
    .then((module) => {
      plot = module;
      new ResizeObserver(redraw).observe(box);
      redraw();
    })
    .catch(() =>
      box.replaceChildren(h('p', { class: 'empty' }, 'The chart could not be drawn; the events are listed below.')),
    );
  return box;
}
