import type { Citation, Fact } from '../model.js';
import { findCharged } from './charged-wording.js';
import { compressSentence } from './compress-sentence.js';
import type { StatementGroup } from './group-statements.js';
import { independentSources } from './near-duplicates.js';
import type { Statement } from './statements.js';

/** Rule of a fact that several articles report (an agreement between sources): statements grouped as one event. */
export const SHARED_FACT_RULE = 'compose/shared-fact';
/** Rule of a fact that one article alone reports. */
export const SINGLE_FACT_RULE = 'compose/single-fact';

/** A fact together with the statements it was built from (kept for omissions and the summary). */
export interface FactGroup {
  fact: Fact;
  members: Statement[];
  /** The member chosen as the statement. */
  representative: Statement;
}

/** The citation of a statement. */
export function citationOf(s: Statement): Citation {
  return { articleId: s.articleId, start: s.start, end: s.end };
}

/** How suitable a member is to state the fact: central, in the outlet's own voice, not charged, not too long. */
function representativeScore(s: Statement, centrality: number): number {
  const charged = findCharged(s.text, s.tokens).length;
  const words = s.words.length;
  const lengthPenalty = words > 40 ? (words - 40) / 40 : words < 8 ? (8 - words) / 8 : 0;
  return centrality - 0.5 * charged - 0.8 * s.quotedShare - 0.3 * lengthPenalty - 0.01 * s.position;
}

function pickRepresentative(group: StatementGroup): Statement {
  let best = group.members[0]!;
  let bestScore = -Infinity;
  group.members.forEach((s, k) => {
    const score = representativeScore(s, group.centrality[k] ?? 0);
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  });
  return best;
}

/**
 * Turns statement groups into facts, most supported first (independent sources, then articles, then how early the
 * statements come in their articles). Single-article groups become `single` facts. Statements in `keepAttribution`
 * keep their trailing attribution.
 */
export function buildFacts(
  groups: readonly StatementGroup[],
  copies: ReadonlyMap<string, string>,
  articleOrder: readonly string[],
  keepAttribution: ReadonlySet<number> = new Set(),
): FactGroup[] {
  const order = new Map(articleOrder.map((id, i) => [id, i]));
  const built = groups.map((group) => {
    const representative = pickRepresentative(group);
    const articleIds = [...new Set(group.members.map((s) => s.articleId))].sort(
      (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
    const sources = independentSources(group.members, copies);
    const meanPosition = group.members.reduce((sum, s) => sum + s.position, 0) / group.members.length;
    return {
      representative,
      members: group.members,
      articleIds,
      sources,
      meanPosition,
      statement: compressSentence(representative.text, {
        dropTrailingAttribution: sources > 1 && !keepAttribution.has(representative.id),
      }),
    };
  });
  built.sort(
    (a, b) =>
      b.sources - a.sources ||
      b.articleIds.length - a.articleIds.length ||
      a.meanPosition - b.meanPosition ||
      a.representative.id - b.representative.id,
  );
  return built.map((b, k) => ({
    fact: {
      id: `fact-${k + 1}`,
      statement: b.statement,
      citations: b.members.map(citationOf),
      articleIds: b.articleIds,
      independentSources: b.sources,
      kind: b.articleIds.length > 1 ? 'shared' : 'single',
      provenance: { stage: 'compose', rule: b.articleIds.length > 1 ? SHARED_FACT_RULE : SINGLE_FACT_RULE },
    },
    members: b.members,
    representative: b.representative,
  }));
}
