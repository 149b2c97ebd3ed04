import { buildTermIndex, candidatePairs, statementSimilarity, type TermIndex } from './similarity.js';
import type { Statement } from './statements.js';

/** Options for grouping statements into facts. */
export interface GroupOptions {
  /** Minimum similarity of a pair to join two groups. */
  threshold?: number;
  /** Minimum mean similarity between two groups' members to merge them (guards against chaining). */
  linkage?: number;
  /** Statements that must stay apart even when similar (e.g. opposite stances on one topic). */
  keepApart?: (a: Statement, b: Statement) => boolean;
  /** Statements that may fit two different events and then join neither (see `ambiguousStatements`). */
  ambiguity?: AmbiguityOptions;
}

/** Which statements can be torn between two events, and what tells two events apart. */
export interface AmbiguityOptions {
  /** True for a statement that could belong to more than one event (e.g. one whose time is unknown). */
  open: (s: Statement) => boolean;
  /** True when two statements report different events (e.g. their times never meet). */
  apart: (a: Statement, b: Statement) => boolean;
  /** How much less similar than its best match another match may be and still tear a statement. Default 0.15. */
  margin?: number;
}

/** Statements that report the same thing, with their similarity structure. */
export interface StatementGroup {
  members: Statement[];
  /** Per member: the sum of its similarities to the other members, or to a sample of them in large groups. */
  centrality: number[];
}

const DEFAULT_THRESHOLD = 0.3;
const DEFAULT_AMBIGUITY_MARGIN = 0.15;
/** The best matches of a statement checked against each other for ambiguity (bounds the checks per statement). */
const AMBIGUITY_SAMPLE = 8;
const DEFAULT_LINKAGE = 0.28;
/** Members compared when checking the mean similarity of two large groups (keeps merging linear in practice). */
const LINKAGE_SAMPLE = 12;
/** Members each member is compared with to measure its centrality in a large group. */
const CENTRALITY_SAMPLE = 24;

function meanCross(index: TermIndex, a: readonly number[], b: readonly number[]): number {
  const sa = a.slice(0, LINKAGE_SAMPLE);
  const sb = b.slice(0, LINKAGE_SAMPLE);
  let total = 0;
  for (const i of sa) for (const j of sb) total += statementSimilarity(index, i, j);
  return total / (sa.length * sb.length);
}

/**
 * Open statements (e.g. of unknown time) that match, about equally well, two statements of different events (a call on
 * Wednesday and a call on Monday): such a statement reports one of them and nothing tells which, so it joins neither.
 * A statement with a match above the threshold is compared with every candidate nearly as similar, above the
 * threshold or not; only the candidates it could itself join count (a Saturday call is no candidate for a Wednesday one).
 */
function ambiguousStatements(
  statements: readonly Statement[],
  pairs: readonly { i: number; j: number; sim: number }[],
  ambiguity: AmbiguityOptions & { threshold: number },
  keepApart: (a: Statement, b: Statement) => boolean,
): Set<number> {
  const margin = ambiguity.margin ?? DEFAULT_AMBIGUITY_MARGIN;
  const matches = new Map<number, { other: number; sim: number }[]>();
  const add = (u: number, other: number, sim: number): void => {
    if (!ambiguity.open(statements[u]!)) return;
    let list = matches.get(u);
    if (!list) matches.set(u, (list = []));
    list.push({ other, sim });
  };
  for (const { i, j, sim } of pairs) {
    if (keepApart(statements[i]!, statements[j]!)) continue;
    add(i, j, sim);
    add(j, i, sim);
  }
  const out = new Set<number>();
  for (const [u, list] of matches) {
    const best = Math.max(...list.map((m) => m.sim));
    if (list.length < 2 || best < ambiguity.threshold) continue;
    const near = list
      .filter((m) => m.sim >= best - margin)
      .sort((x, y) => y.sim - x.sim || x.other - y.other)
      .slice(0, AMBIGUITY_SAMPLE);
    const torn = near.some((x, k) =>
      near.slice(k + 1).some((y) => ambiguity.apart(statements[x.other]!, statements[y.other]!)),
    );
    if (torn) out.add(u);
  }
  return out;
}

/**
 * Groups statements of different articles that report the same fact: candidate pairs come from the inverted index,
 * pairs above the threshold are merged greedily (most similar first) when the two groups are similar on average and
 * no two of their members must stay apart; a statement torn between two events joins neither.
 */
export function groupStatements(statements: readonly Statement[], options: GroupOptions = {}): StatementGroup[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const linkage = options.linkage ?? DEFAULT_LINKAGE;
  const index = buildTermIndex(statements);
  const all = candidatePairs(index).map(([i, j]) => ({ i, j, sim: statementSimilarity(index, i, j) }));
  const scored = all.filter((p) => p.sim >= threshold).sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);
  const ambiguous = options.ambiguity
    ? ambiguousStatements(statements, all, { ...options.ambiguity, threshold }, options.keepApart ?? (() => false))
    : new Set<number>();
  const groupOf = statements.map((_, i) => i);
  const members = new Map<number, number[]>(statements.map((_, i) => [i, [i]]));
  for (const { i, j } of scored) {
    if (ambiguous.has(i) || ambiguous.has(j)) continue;
    const gi = groupOf[i]!;
    const gj = groupOf[j]!;
    if (gi === gj) continue;
    const a = members.get(gi)!;
    const b = members.get(gj)!;
    if (a.length + b.length > 2 && meanCross(index, a, b) < linkage) continue;
    if (options.keepApart && a.some((x) => b.some((y) => options.keepApart!(statements[x]!, statements[y]!)))) continue;
    for (const m of b) groupOf[m] = gi;
    members.set(gi, [...a, ...b]);
    members.delete(gj);
  }
  return [...members.values()].map((ids) => {
    const sorted = [...ids].sort((x, y) => x - y);
    // Large groups are compared with an even sample of their members, which keeps this linear in the group size.
    const step = Math.max(1, Math.ceil(sorted.length / CENTRALITY_SAMPLE));
    const sample = sorted.filter((_, k) => k % step === 0);
    const centrality = sorted.map((i) =>
      sample.reduce((sum, j) => (j === i ? sum : sum + statementSimilarity(index, i, j)), 0),
    );
    return { members: sorted.map((i) => statements[i]!), centrality };
  });
}
