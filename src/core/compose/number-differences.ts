import type {
  Article,
  DateValue,
  Difference,
  DifferenceClaim,
  DifferenceRelation,
  NumberMention,
  Provenance,
} from '../model.js';
import { figureOf, statementAt, valueRange, type Figure } from './figures.js';
import { pushTo } from './push-to.js';
import { articleAsOf, differenceRelation } from './timing.js';
import type { Statement } from './statements.js';

/** Provenance of a difference over figures and of its sides: figures of one measure that cannot all be true. */
const NUMBER_DIFFERENCE: Provenance = { stage: 'compose', rule: 'compose/number-difference' };

/** Distance of two counts in orders of magnitude. */
function magnitudeGap(a: number, b: number): number {
  return Math.abs(Math.log10(Math.max(a, 1e-9)) - Math.log10(Math.max(b, 1e-9)));
}

/**
 * Splits one group of comparable figures by the group of people they count: figures naming different sides never
 * meet; a figure naming no side joins the named side whose figures are nearest in magnitude (the same toll reported
 * at different times differs less than the tolls of different sides usually do).
 */
function splitBySide(group: readonly Figure[]): Figure[][] {
  const bySide = new Map<string, Figure[]>();
  const unnamed: Figure[] = [];
  for (const f of group) {
    if (f.side) pushTo(bySide, f.side, f);
    else unnamed.push(f);
  }
  if (bySide.size <= 1) return [[...[...bySide.values()].flat(), ...unnamed]];
  const sides = [...bySide.values()];
  for (const f of unnamed) {
    const nearest = sides.reduce(
      (best, side) => {
        const gap = Math.min(...side.map((x) => magnitudeGap(x.value, f.value)));
        return gap < best.gap ? { side, gap } : best;
      },
      { side: sides[0]!, gap: Infinity },
    );
    nearest.side.push(f);
  }
  return sides;
}

/** True when a figure's value falls within what an approximate figure allows ("about 60" allows 54 to 66). */
function within(value: number, approximate: Figure): boolean {
  const { low, high } = valueRange(approximate);
  return Number.isFinite(low) && Number.isFinite(high) && low <= value && value <= high;
}

/**
 * True when two figures say the same: one value ("at least 14" and "14"), or one value within what an approximate
 * figure allows ("roughly 4 million" and "4 million"). Two different bounds ("at least 65", "at least 200") differ.
 */
function sameValue(a: Figure, b: Figure): boolean {
  return a.value === b.value || within(a.value, b) || within(b.value, a);
}

function valueKey(f: Figure): string {
  return `${f.mention.qualifier ?? ''} ${f.value}`;
}

function claimsOf(figures: readonly Figure[]): DifferenceClaim[] {
  const byValue = new Map<string, Figure[]>();
  for (const f of figures) pushTo(byValue, valueKey(f), f);
  return [...byValue.values()].map((same) => {
    const first = same[0]!.mention;
    return {
      text: first.text,
      value: same[0]!.value,
      articleIds: [...new Set(same.map((f) => f.mention.articleId))],
      // The sentence of each figure, so that a reader sees what was counted, not a bare number.
      citations: same.map((f) => ({ articleId: f.mention.articleId, ...f.sentence })),
      attribution: same.map((f) => f.mention.attribution).find((a) => a !== null) ?? null,
      asOf: same.map((f) => f.asOf).find((d) => d !== null) ?? null,
      provenance: NUMBER_DIFFERENCE,
    };
  });
}

/**
 * How the figures of a difference stand in time, from every pair of figures of different articles that disagree:
 * the same toll at two dates is the story moving on, not a contradiction.
 */
function relationOf(group: readonly Figure[]): DifferenceRelation {
  const pairs: [DateValue | null, DateValue | null][] = [];
  for (const [i, f] of group.entries()) {
    for (const g of group.slice(i + 1)) {
      if (f.mention.articleId !== g.mention.articleId && valueKey(f) !== valueKey(g)) pairs.push([f.asOf, g.asOf]);
    }
  }
  return differenceRelation(pairs);
}

/**
 * Finds figures of the numbers stage that measure the same thing (same event and counted-noun class, same side) but
 * disagree across articles: each value with its articles, attribution and as-of date, and whether the values
 * contradict each other or hold for different dates (`relation`), so that a reader can tell a contradiction from a
 * story moving on.
 */
export function findNumberDifferences(
  statements: readonly Statement[],
  numbers: readonly NumberMention[],
  articles: readonly Article[],
): Difference[] {
  const published = new Map(articles.map((a) => [a.id, articleAsOf(a)]));
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const byArticle = new Map<string, Statement[]>();
  for (const s of statements) pushTo(byArticle, s.articleId, s);
  const byKey = new Map<string, Figure[]>();
  for (const n of numbers) {
    const f = figureOf(n, statementAt(byArticle, n), texts.get(n.articleId) ?? '', published.get(n.articleId) ?? null);
    if (f) pushTo(byKey, f.key, f);
  }
  const differences: Difference[] = [];
  for (const group of [...byKey.values()].flatMap(splitBySide)) {
    const articlesInvolved = new Set(group.map((f) => f.mention.articleId));
    const values = new Set(group.map(valueKey));
    if (articlesInvolved.size < 2 || values.size < 2) continue;
    const claims = claimsOf(group);
    // Values that every article agrees on are no difference; keep the group only when articles disagree.
    if (claims.every((c) => c.articleIds.length === articlesInvolved.size)) continue;
    // Figures of different articles that all say the same ("roughly 4 million", "4 million") are no difference.
    const apart = group.some((f) => group.some((g) => f.mention.articleId !== g.mention.articleId && !sameValue(f, g)));
    if (!apart) continue;
    differences.push({
      id: '',
      about: group[0]!.about,
      kind: 'number',
      claims,
      relation: relationOf(group),
      provenance: NUMBER_DIFFERENCE,
    });
  }
  return differences;
}
