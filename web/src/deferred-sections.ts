/**
 * Sections built after the first screen: each starts as its heading with a short placeholder and is built when the
 * browser is idle, when it comes near the screen, or when something needs it (a link to it, a citation jump), in page
 * order. The first screen of a very large story is then shown before its 30,000 facts are sorted into a matrix.
 */
import { h, section } from './dom.js';

/** One section waiting to be built. */
interface Pending {
  placeholder: HTMLElement;
  build: () => HTMLElement;
}

/** The deferred sections of one page. */
export class DeferredSections {
  private readonly pending: Pending[] = [];
  private observer: IntersectionObserver | null = null;
  private readonly waiting: (() => void)[] = [];

  /** A placeholder for the section `id` (with the title it will have); `build` makes the real one. */
  add(id: string, title: string, build: () => HTMLElement): HTMLElement {
    const placeholder = section(id, title, h('p', { class: 'section-pending' }, 'Preparing this section…'));
    placeholder.setAttribute('data-pending', '');
    this.pending.push({ placeholder, build });
    return placeholder;
  }

  /** Starts building: near the screen at once, the rest one section per idle moment. */
  start(): void {
    if (typeof IntersectionObserver !== 'undefined') {
      this.observer = new IntersectionObserver(
        (entries) => {
          const near = entries.filter((e) => e.isIntersecting).map((e) => e.target);
          const last = this.pending.findLastIndex((p) => near.includes(p.placeholder));
          if (last >= 0) this.buildThrough(last);
        },
        { rootMargin: '100% 0px' },
      );
      for (const p of this.pending) this.observer.observe(p.placeholder);
    }
    this.scheduleIdle();
  }

  /** Runs `callback` once every section is built (at once when they are). */
  whenBuilt(callback: () => void): void {
    if (this.pending.length === 0) callback();
    else this.waiting.push(callback);
  }

  /**
   * Builds the sections up to and including `target` (every waiting section before it in the page, so that it does
   * not move once scrolled to), or all of them without a target.
   */
  build(target?: Element | null): void {
    if (!target) {
      this.buildThrough(this.pending.length - 1);
      return;
    }
    const index = this.pending.findLastIndex(
      (p) =>
        p.placeholder === target ||
        !!(p.placeholder.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    this.buildThrough(index);
  }

  private buildThrough(index: number): void {
    for (let i = 0; i <= index && this.pending.length > 0; i++) this.buildNext();
  }

  private buildNext(): void {
    const next = this.pending.shift();
    if (!next) return;
    this.observer?.unobserve(next.placeholder);
    next.placeholder.replaceWith(next.build());
    if (this.pending.length === 0) {
      this.observer?.disconnect();
      for (const callback of this.waiting.splice(0)) callback();
    }
  }

  private scheduleIdle(): void {
    const run = (): void => {
      this.buildNext();
      if (this.pending.length > 0) this.scheduleIdle();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 300 });
    else setTimeout(run, 0);
  }
}
