/**
 * Outlet leans as the user's ratings give them (the server reads a ratings file and rates each article; Parallax ships
 * none). Pure: no DOM.
 */

import { LEANS, type Lean } from '../../src/core/stream/ratings.js';

// The five-point lean scale is the server's own (core's ratings), not a copy.
export { LEANS, type Lean };

/** Display names of the leans. */
export const LEAN_LABELS: Readonly<Record<Lean, string>> = {
  left: 'Left',
  'lean-left': 'Lean left',
  center: 'Center',
  'lean-right': 'Lean right',
  right: 'Right',
};

/** The side a lean counts for when asking whether only one side reports something. */
export type Side = 'left' | 'center' | 'right';

/** The side of a lean (lean-left counts as left, lean-right as right). */
export function sideOf(lean: Lean): Side {
  if (lean === 'left' || lean === 'lean-left') return 'left';
  if (lean === 'right' || lean === 'lean-right') return 'right';
  return 'center';
}

/** A name reduced for matching: case, a leading "the", a trailing "(Online News)" and punctuation do not count. */
export function outletKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

/** The host of an address without `www.`, or null. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** A checked lean, or null for anything else the server might send. */
export function asLean(value: unknown): Lean | null {
  return typeof value === 'string' && (LEANS as readonly string[]).includes(value) ? (value as Lean) : null;
}

/** The lean of each article (by id) as the server rated it; null where it has none or the server has no ratings. */
export function articleLeans(
  articleIds: readonly string[],
  // Wider than the server's `StoryCoverage`: each lean is checked, whatever was sent.
  coverage: { articleLeans?: readonly { articleId: string; lean: string }[] } | null | undefined,
): (Lean | null)[] {
  const byId = new Map<string, Lean>();
  for (const entry of coverage?.articleLeans ?? []) {
    const lean = asLean(entry.lean);
    if (lean && typeof entry.articleId === 'string') byId.set(entry.articleId, lean);
  }
  return articleIds.map((id) => byId.get(id) ?? null);
}
