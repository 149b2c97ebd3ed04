import { describe, expect, it } from 'vitest';
import { buildTermIndex, statementSimilarity } from '../src/core/compose/similarity.js';
import type { Statement } from '../src/core/compose/statements.js';

/** A statement reduced to what similarity reads: its terms and entity ids. */
function statement(id: number, articleId: string, terms: string[], entityIds: string[]): Statement {
  return {
    id,
    articleId,
    articleIndex: 0,
    position: id,
    start: 0,
    end: 0,
    text: terms.join(' '),
    tokens: [],
    terms,
    words: terms,
    entityIds,
    entityMentions: [],
    figures: [],
    dates: [],
    junk: null,
    quotedShare: 0,
  };
}

describe('statementSimilarity: shared entities count by how informative they are', () => {
  // The story's main actor ("biden") is named in every statement; "amr" in two.
  const filler = Array.from({ length: 20 }, (_, k) => statement(k + 2, `x${k}`, [`w${k}`, `v${k}`], ['biden']));

  it('gives little weight to sharing only the main actor of the story', () => {
    const a = statement(0, 'a', ['call', 'ceasefir'], ['biden']);
    const b = statement(1, 'b', ['dispatch', 'envoi'], ['biden']);
    const index = buildTermIndex([a, b, ...filler]);
    expect(statementSimilarity(index, 0, 1)).toBeLessThan(0.1);
  });

  it('gives more weight to sharing a rarely named actor', () => {
    const a = statement(0, 'a', ['call', 'ceasefir'], ['amr']);
    const b = statement(1, 'b', ['dispatch', 'envoi'], ['amr']);
    const index = buildTermIndex([a, b, ...filler]);
    expect(statementSimilarity(index, 0, 1)).toBeGreaterThan(0.15);
  });
});
