/**
 * Outlet leans as the user's ratings give them (the server reads a ratings file; Parallax ships none). Pure: no DOM,
 * so the matching can be unit-tested.
 */

/** The five-point lean scale, from left to right (the same words as the server's ratings). */
export const LEANS = ['left', 'lean-left', 'center', 'lean-right', 'right'] as const;

/** A lean on the five-point scale. */
export type Lean = (typeof LEANS)[number];

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

/** A story's coverage by lean as the API gives it: outlet names (or domains) per lean. */
export interface CoverageByLean {
  byLean: Partial<Record<Lean, readonly string[]>>;
  unrated?: readonly string[];
}

/** What identifies an article's outlet: its name and its address. */
export interface OutletIdentity {
  outlet: string | null;
  url: string | null;
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

/** True when `host` is `domain` or a subdomain of it. */
function onDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** A checked lean, or null for anything else the server might send. */
export function asLean(value: unknown): Lean | null {
  return typeof value === 'string' && (LEANS as readonly string[]).includes(value) ? (value as Lean) : null;
}

/**
 * The lean of each outlet, matched by name (the rating's name against the article's outlet) or by domain (a rated
 * name that is a domain, against the article's address). Null where no rating matches.
 */
export function leansOf(
  outlets: readonly OutletIdentity[],
  coverage: CoverageByLean | null | undefined,
): (Lean | null)[] {
  if (!coverage) return outlets.map(() => null);
  const byName = new Map<string, Lean>();
  const byDomain: [string, Lean][] = [];
  for (const lean of LEANS) {
    for (const name of coverage.byLean[lean] ?? []) {
      if (typeof name !== 'string') continue;
      byName.set(outletKey(name), lean);
      if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(name.trim())) byDomain.push([name.trim().toLowerCase(), lean]);
    }
  }
  return outlets.map(({ outlet, url }) => {
    const named = outlet ? byName.get(outletKey(outlet)) : undefined;
    if (named) return named;
    const host = hostOf(url);
    return host ? (byDomain.find(([domain]) => onDomain(host, domain))?.[1] ?? null) : null;
  });
}
