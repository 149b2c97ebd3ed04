/**
 * The loading state between pages: after a short delay (so fast pages do not flash), a bar at the top of the window
 * and a dimmed page say that the next page is on its way.
 */
import { h } from './dom.js';

/** Milliseconds before the loading state shows. */
const DELAY_MS = 150;

let bar: HTMLElement | null = null;

/** Shows the loading state (after the delay) and returns the function that ends it. */
export function startLoading(): () => void {
  const timer = setTimeout(() => {
    bar ??= h('div', { class: 'loading-bar', role: 'progressbar', 'aria-label': 'Loading the page' });
    document.body.append(bar);
    document.body.classList.add('is-loading');
  }, DELAY_MS);
  return () => {
    clearTimeout(timer);
    bar?.remove();
    document.body.classList.remove('is-loading');
  };
}
