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
}

/** Statements that report the same thing, with their similarity structure. */
export interface StatementGroup {
  members: Statement[];
  /** Per member: the sum of its similarities to the other members, or to a sample of them in large groups. */
  centrality: number[];
}

const DEFAULT_THRESHOLD = 0.3;
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
 * Groups statements of different articles that report the same fact: candidate pairs come from the inverted index,
 * pairs above the threshold are merged greedily (most similar first) when the two groups are similar on average.
 */
export function groupStatements(statements: readonly Statement[], options: GroupOptions = {}): StatementGroup[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const linkage = options.linkage ?? DEFAULT_LINKAGE;
  const index = buildTermIndex(statements);
  const scored = candidatePairs(index)
    .map(([i, j]) => ({ i, j, sim: statementSimilarity(index, i, j) }))
    .filter((p) => p.sim >= threshold)
    .sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);
  const groupOf = statements.map((_, i) => i);
  const members = new Map<number, number[]>(statements.map((_, i) => [i, [i]]));
  for (const { i, j } of scored) {
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
