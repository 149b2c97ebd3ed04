import { stemmer } from 'stemmer';
import type { Article, DateValue, Difference, DifferenceClaim, DifferenceRelation, NumberMention } from '../model.js';
import { COUNT_NOUN_CLASSES, EVENT_VERB_CLASSES, PEOPLE_NOUNS } from './lexicons.js';
import { pushTo } from './push-to.js';
import { articleAsOf, differenceRelation } from './timing.js';
import type { Statement } from './statements.js';

/** A figure of the numbers stage with what it measures, ready to be compared with figures of other articles. */
interface Figure {
  mention: NumberMention;
  value: number;
  /** Grouping key: event class and counted-noun class. */
  key: string;
  /** Readable description of what is measured, e.g. "people killed". */
  about: string;
  /** The group the counted people belong to when the text names one ("Palestinians", "on the Israeli side"). */
  side: string | null;
  asOf: DateValue | null;
}

/** Counted nouns too vague or too generic to compare across articles. */
const VAGUE_NOUNS = new Set([
  'others',
  'other',
  'more',
  'percent',
  'times',
  'years',
  'year',
  'days',
  'hours',
  'minutes',
  'weeks',
  'months',
  'points',
]);
/** Words right before a figure that make it a part of a larger count ("including 16 girls"). */
const SUBCOUNT = /\b(?:including|among them|among)\s+(?:\S+\s+){0,2}$/iu;
/** Participles that the numbers stage writes as the last word of `counts` when an event verb is stated. */
const EVENT_WORD = /^(?:\p{L}+ed|hurt|shot|missing)$/u;
/** A group named as the counted people's side in the sentence ("On the Israeli side, seven people..."). */
const SIDE_PHRASE = /\b(?:on\s+the\s+)?(\p{Lu}[\p{L}-]+)\s+side\b/u;

/** The root of a demonym or group adjective ("Palestinians" → "palestinian"), or null for other words. */
function groupRoot(word: string): string | null {
  const first = word.split('-')[0] ?? word;
  if (!/^\p{Lu}/u.test(first) || !/(?:ans?|is?|ese|ish)$/u.test(first)) return null;
  return first.toLowerCase().replace(/s$/u, '');
}

/** Splits `counts` ("Palestinian civilians killed") into its noun words and event class. */
function parseCounts(counts: string): { nouns: string[]; event: string | null } {
  const words = counts.split(/\s+/).filter(Boolean);
  const last = words.at(-1) ?? '';
  if (words.length > 1 && EVENT_WORD.test(last)) {
    return { nouns: words.slice(0, -1), event: EVENT_VERB_CLASSES.get(stemmer(last)) ?? last };
  }
  if (words.length === 1 && EVENT_WORD.test(last))
    return { nouns: [], event: EVENT_VERB_CLASSES.get(stemmer(last)) ?? last };
  return { nouns: words, event: null };
}

function nounClass(head: string): string {
  const lower = head.toLowerCase();
  if (PEOPLE_NOUNS.has(lower) || groupRoot(head) !== null) return 'people';
  const stem = stemmer(lower);
  return COUNT_NOUN_CLASSES.get(stem) ?? stem;
}

/** The statement holding a span: binary search among the statements of its article (in text order). */
function statementAt(byArticle: ReadonlyMap<string, Statement[]>, n: NumberMention): Statement | null {
  const list = byArticle.get(n.articleId) ?? [];
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (s.end <= n.start) lo = mid + 1;
    else if (s.start > n.start) hi = mid - 1;
    else return n.end <= s.end ? s : null;
  }
  return null;
}

/** Reads what a NumberMention counts; null when it is not comparable (no value, vague, a sub-count, in junk). */
function figureOf(
  n: NumberMention,
  statement: Statement | null,
  articleText: string,
  published: DateValue | null,
): Figure | null {
  if (n.value === null || n.counts === null || !statement || statement.junk) return null;
  if (SUBCOUNT.test(articleText.slice(Math.max(0, n.start - 40), n.start))) return null;
  const { nouns, event } = parseCounts(n.counts);
  const head = nouns.at(-1) ?? null;
  if (head !== null && VAGUE_NOUNS.has(head.toLowerCase())) return null;
  if (head === null && event === null) return null;
  const cls = head === null ? 'people' : nounClass(head);
  const named = nouns.map(groupRoot).find((g) => g !== null) ?? null;
  const sidePhrase = SIDE_PHRASE.exec(statement.text)?.[1];
  const side = named ?? (sidePhrase ? groupRoot(sidePhrase) : null);
  return {
    mention: n,
    value: n.value,
    key: `${event ?? ''}|${cls}`,
    about: [cls === 'people' ? 'people' : (head ?? cls), event].filter(Boolean).join(' '),
    side,
    asOf: n.asOf ?? published,
  };
}

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
      citations: same.map((f) => ({ articleId: f.mention.articleId, start: f.mention.start, end: f.mention.end })),
      attribution: same.map((f) => f.mention.attribution).find((a) => a !== null) ?? null,
      asOf: same.map((f) => f.asOf).find((d) => d !== null) ?? null,
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
    differences.push({ id: '', about: group[0]!.about, kind: 'number', claims, relation: relationOf(group) });
  }
  return differences;
}
