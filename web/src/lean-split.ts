/** The lean split of a story's outlets: a bar of outlets per lean, and the same counts in words for every reader. */
import { h } from './dom.js';
import { LEANS, LEAN_LABELS, type Lean } from './lean.js';

/** Outlets per lean, left to right (leans without outlets left out). */
export type LeanCounts = readonly (readonly [Lean, number])[];

/** Counts per lean of a list of leans (null: not rated, not counted). */
export function countLeans(leans: readonly (Lean | null)[]): LeanCounts {
  return LEANS.map((lean) => [lean, leans.filter((l) => l === lean).length] as const).filter(([, n]) => n > 0);
}

/** The counts in words: "Left 2 · Center 1 · not rated 3". */
export function leanWords(counts: LeanCounts, unrated: number): string {
  return counts
    .map(([lean, n]) => `${LEAN_LABELS[lean]} ${n}`)
    .concat(unrated > 0 ? [`not rated ${unrated}`] : [])
    .join(' · ');
}

/** The bar (hidden from screen readers: the words beside it say the same); `numbers` writes each count in its part. */
export function leanBar(counts: LeanCounts, options: { numbers?: boolean } = {}): HTMLElement {
  return h(
    'span',
    { class: 'lean-bar', 'aria-hidden': 'true' },
    counts.map(([lean, n]) => {
      const segment = h('span', { class: `lean-segment lean-${lean}` }, options.numbers ? String(n) : '');
      // CSSOM, not a style attribute: allowed under the page's CSP.
      segment.style.flexGrow = String(n);
      return segment;
    }),
  );
}
