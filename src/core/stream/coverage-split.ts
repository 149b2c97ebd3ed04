/**
 * A story's coverage by lean: which of its outlets the user's ratings place left, centre or right, and whether the
 * story is covered from one side only. Counted per outlet, not per article: five reports from one outlet are one voice.
 */
import { getDomain } from 'tldts';
import { LEANS, normalizeDomain, type Lean, type OutletRating } from './ratings.js';

/** An outlet that covered the story: its name and/or an article address on its site. */
export interface CoverageOutlet {
  outlet?: string | null;
  url?: string | null;
}

/** Ratings looked up by domain and by outlet name (the newest rating of each wins). */
export interface RatingsIndex {
  byDomain: ReadonlyMap<string, OutletRating>;
  byName: ReadonlyMap<string, OutletRating>;
}

/** How a story is covered by lean. */
export interface CoverageSplit {
  /** Outlet names per lean, each outlet once, in the order first met. */
  byLean: Record<Lean, string[]>;
  /** Outlets with no rating. */
  unrated: string[];
  /** Number of distinct rated outlets. */
  rated: number;
  /** The side the story is covered from only, or null (see `coverageSplit`). */
  oneSided: 'left' | 'right' | null;
}

/** Options of the one-sided flag. */
export interface CoverageOptions {
  /** Rated outlets needed before a story can be called one-sided (default 2). */
  minRated?: number;
  /** Share of the rated outlets that must lean to one side (default 0.75). */
  minShare?: number;
}

/** An outlet name reduced for matching: case, a leading "the" and runs of spaces do not count. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Builds the lookup of a ratings table; of several ratings of one outlet, the newest (then the first) is kept. */
export function indexRatings(ratings: readonly OutletRating[]): RatingsIndex {
  const byDomain = new Map<string, OutletRating>();
  const byName = new Map<string, OutletRating>();
  const keep = (map: Map<string, OutletRating>, key: string, r: OutletRating): void => {
    const old = map.get(key);
    if (!old || r.date > old.date) map.set(key, r);
  };
  for (const r of ratings) {
    if (r.domain) keep(byDomain, r.domain, r);
    if (r.outlet) keep(byName, nameKey(r.outlet), r);
  }
  return { byDomain, byName };
}

/** The rating of an outlet: by the article's host (most specific first, up to its registrable domain), then by name. */
export function findRating(outlet: CoverageOutlet, index: RatingsIndex): OutletRating | null {
  const host = outlet.url ? normalizeDomain(outlet.url) : null;
  if (host) {
    const site = getDomain(host, { allowPrivateDomains: true }) ?? host;
    for (let h = host; h.length >= site.length && h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
      const r = index.byDomain.get(h);
      if (r) return r;
    }
  }
  return outlet.outlet ? (index.byName.get(nameKey(outlet.outlet)) ?? null) : null;
}

const LEFT: readonly Lean[] = ['left', 'lean-left'];
const RIGHT: readonly Lean[] = ['lean-right', 'right'];

/** Each outlet once (a rated one by its rating, another by its name), with its name as shown and its rating. */
function distinctOutlets(
  outlets: readonly CoverageOutlet[],
  index: RatingsIndex,
): { name: string; rating: OutletRating | null }[] {
  const out: { name: string; rating: OutletRating | null }[] = [];
  const seen = new Set<string>();
  for (const o of outlets) {
    const rating = findRating(o, index);
    const name = rating?.outlet ?? o.outlet ?? rating?.domain ?? (o.url ? normalizeDomain(o.url) : null);
    if (!name) continue;
    const key = rating ? `rated:${rating.domain ?? ''}:${rating.outlet ?? ''}` : `name:${nameKey(name)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, rating });
  }
  return out;
}

/** The side a story's rated outlets all lean to, when enough are rated and enough of them lean there; else null. */
function oneSidedLean(byLean: Record<Lean, string[]>, options: CoverageOptions): CoverageSplit['oneSided'] {
  const count = (leans: readonly Lean[]): number => leans.reduce((n, l) => n + byLean[l].length, 0);
  const rated = count(LEANS);
  const left = count(LEFT);
  const right = count(RIGHT);
  const minRated = options.minRated ?? 2;
  const minShare = options.minShare ?? 0.75;
  if (rated < minRated) return null;
  if (right === 0 && left / rated >= minShare) return 'left';
  if (left === 0 && right / rated >= minShare) return 'right';
  return null;
}

/**
 * Splits a story's outlets by lean. A story is one-sided when at least `minRated` of its outlets are rated, none of
 * them leans to the other side, and at least `minShare` of them lean to one side (centre outlets count against it).
 */
export function coverageSplit(
  outlets: readonly CoverageOutlet[],
  ratings: RatingsIndex | readonly OutletRating[],
  options: CoverageOptions = {},
): CoverageSplit {
  const index = Array.isArray(ratings) ? indexRatings(ratings) : (ratings as RatingsIndex);
  const byLean = Object.fromEntries(LEANS.map((l) => [l, [] as string[]])) as Record<Lean, string[]>;
  const unrated: string[] = [];
  for (const { name, rating } of distinctOutlets(outlets, index)) {
    if (rating) byLean[rating.lean].push(name);
    else unrated.push(name);
  }
  const rated = LEANS.reduce((n, l) => n + byLean[l].length, 0);
  return { byLean, unrated, rated, oneSided: oneSidedLean(byLean, options) };
}
