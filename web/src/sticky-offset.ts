/**
 * Keeps `--sticky-offset` (on the root element) equal to the height of the sticky contents bar, so that what a link
 * or a citation jump scrolls to lands below the bar instead of under it (see `scroll-padding-top` in story.css).
 */
let observer: ResizeObserver | null = null;

/** Follows the height of `bar` (the previous bar is no longer followed); null clears the offset. */
export function trackStickyBar(bar: HTMLElement | null): void {
  observer?.disconnect();
  observer = null;
  const root = document.documentElement;
  if (!bar) {
    root.style.removeProperty('--sticky-offset');
    return;
  }
  const update = (): void =>
    root.style.setProperty('--sticky-offset', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
  observer = new ResizeObserver(update);
  observer.observe(bar);
  update();
}
