/**
 * Long lists shown short: the first items at once, the rest built only when the reader asks for them (so a collapsed
 * section costs no DOM and no tab stops), behind a button that says how many there are.
 */
import { h, on, type Child } from './dom.js';

/** How to build one expandable list. */
export interface ExpandableOptions<T> {
  tag: 'ul' | 'ol';
  className: string;
  items: readonly T[];
  /** Items shown before the button. */
  initial: number;
  render: (item: T, index: number) => HTMLElement;
  /** The button's text, given how many items it shows. */
  moreLabel: (hidden: number) => string;
  /** Accessible name of the list. */
  label?: string;
}

/** Buttons that expand something, by element, so "show everything" (find, print) can press them all. */
const expanders = new WeakMap<Element, () => void>();

/** A button that runs `expand` once and then removes itself. */
export function expandButton(label: string, expand: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'expand-button', 'data-expand': '' }, label);
  const run = (): void => {
    if (!button.isConnected) return;
    expand();
    button.remove();
  };
  expanders.set(button, run);
  return on(button, 'click', run);
}

/** Presses every expand button inside `root` (including those that appear while expanding). */
export function expandAll(root: ParentNode): void {
  for (let round = 0; round < 10; round++) {
    const buttons = [...root.querySelectorAll('[data-expand]')];
    if (buttons.length === 0) return;
    for (const b of buttons) expanders.get(b)?.();
  }
}

/** A list of the first `initial` items with a button that adds the rest, moving focus to the first added item. */
export function expandableList<T>(options: ExpandableOptions<T>): HTMLElement {
  const { items, initial, render } = options;
  // Folding away a single item saves nothing: show it.
  const shown = items.length <= initial + 1 ? items.length : initial;
  const list = h(
    options.tag,
    { class: options.className, 'aria-label': options.label },
    items.slice(0, shown).map((item, i) => render(item, i)),
  );
  if (shown === items.length) return list;
  const more = expandButton(options.moreLabel(items.length - shown), () => {
    const added = items.slice(shown).map((item, i) => render(item, shown + i));
    list.append(...added);
    focusFirst(added[0]);
  });
  return h('div', { class: 'expandable' }, list, more);
}

/** Moves focus to an element that was just added, or to its first focusable descendant. */
export function focusFirst(el: Element | undefined): void {
  if (!el) return;
  const target = el.matches('a, button, [tabindex]')
    ? (el as HTMLElement)
    : (el.querySelector<HTMLElement>('a, button:not([disabled]), [tabindex]') ?? (el as HTMLElement));
  if (!target.hasAttribute('tabindex') && !target.matches('a, button')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: false });
}

/** Children wrapped in a block that is built only when first opened (a disclosure with a count in its summary). */
export function lazyDetails(summary: Child, build: () => Child, className = 'lazy-details'): HTMLDetailsElement {
  const details = h('details', { class: className }, h('summary', {}, summary));
  let built = false;
  on(details, 'toggle', () => {
    if (!details.open || built) return;
    built = true;
    details.append(h('div', { class: 'details-body' }, build()));
  });
  return details;
}
