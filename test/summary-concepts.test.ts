import { describe, expect, it } from 'vitest';
import { compressSentence } from '../src/core/compose/compress-sentence.js';
import { conceptsOf, conceptWeights, coverageGain } from '../src/core/compose/summary-concepts.js';
import { termsOfText } from '../src/core/compose/text-vector.js';
import type { Article } from '../src/core/model.js';
import { greedyOracle } from '../scripts/lib/oracle.js';
import { createRunContext } from '../src/core/run-context.js';
import { article } from './helpers/compose-fixtures.js';

const ctx = createRunContext();

function body(a: Article): { articleId: string; terms: string[] } {
  return { articleId: a.id, terms: termsOfText(a.text, ctx) };
}

describe('summary concepts', () => {
  it('are the content terms and the pairs of adjacent content terms', () => {
    const concepts = conceptsOf(['fire', 'librari', 'sunday']);
    expect([...concepts].sort()).toEqual(['fire', 'fire librari', 'librari', 'librari sunday', 'sunday']);
    expect(conceptsOf([]).size).toBe(0);
  });

  it('weigh what several articles state by the number of articles beyond the first, titles included', () => {
    const articles = [
      { ...article('a', 'A fire destroyed the library.'), title: 'Mayor on holiday' },
      article('b', 'The library fire spread.'),
      article('c', 'The mayor spoke.'),
    ];
    const weights = conceptWeights(articles, articles.map(body), ctx);
    const fire = termsOfText('fire', ctx)[0]!;
    const mayor = termsOfText('mayor', ctx)[0]!;
    const destroyed = termsOfText('destroyed', ctx)[0]!;
    expect(weights.weight.get(fire)).toBe(1);
    // "mayor" is in the title of a and the body of c.
    expect(weights.weight.get(mayor)).toBe(1);
    // Stated by one article only: worth nothing.
    expect(weights.weight.has(destroyed)).toBe(false);
    expect(weights.total).toBeGreaterThan(0);
  });

  it('give no gain for what is already covered or shared by no other article', () => {
    const articles = [article('a', 'Floods hit the coast on Monday.'), article('b', 'Floods hit the coast.')];
    const weights = conceptWeights(articles, articles.map(body), ctx);
    const sentence = conceptsOf(termsOfText('Floods hit the coast on Monday.', ctx));
    expect(coverageGain(sentence, new Set(), weights)).toBeCloseTo(1, 9);
    expect(coverageGain(sentence, sentence, weights)).toBe(0);
    expect(coverageGain(conceptsOf(termsOfText('Markets rallied.', ctx)), new Set(), weights)).toBe(0);
    const single = conceptWeights([articles[0]!], [body(articles[0]!)], ctx);
    expect(coverageGain(sentence, new Set(), single)).toBe(0);
  });
});

describe('greedy extractive oracle', () => {
  const reference = 'The dam burst on Monday. Thousands fled their homes in the valley.';
  const texts = [
    'Stocks fell sharply in Tokyo.',
    'Thousands fled their homes in the valley.',
    'The dam burst on Monday.',
  ];

  it('picks the sentences of the reference, in the order that scores best, and nothing unrelated', () => {
    const out = greedyOracle(texts, reference, 70);
    expect(out.picks).toEqual([2, 1]);
    expect(out.scores.rouge1.f1).toBeCloseTo(1, 9);
  });

  it('picks nothing when no sentence shares a word with the reference', () => {
    expect(greedyOracle(['Stocks fell sharply.'], 'Rain is forecast.', 70).picks).toEqual([]);
  });

  it('keeps a given start first and stops at the word cut', () => {
    const out = greedyOracle(texts, reference, 70, 'The dam burst on Monday.');
    expect(out.picks).toEqual([1]);
    expect(greedyOracle(texts, reference, 3).picks).toHaveLength(1);
  });
});

describe('compressSentence, optional clause drops', () => {
  const long =
    'President Biden signed a wave of executive orders on his first day in office to reverse earlier policies, drawing praise from Democrats and critics abroad.';

  it('drops a trailing participial clause from a long sentence only', () => {
    expect(compressSentence(long, { dropTrailingParticipleOver: 20 })).toBe(
      'President Biden signed a wave of executive orders on his first day in office to reverse earlier policies.',
    );
    expect(compressSentence(long, { dropTrailingParticipleOver: 40 })).toBe(long);
    expect(compressSentence(long)).toBe(long);
  });

  it('keeps an "including" list and a clause that would leave too little', () => {
    const list = 'The storm hit several states on Monday, including Texas and Oklahoma and parts of Kansas.';
    expect(compressSentence(list, { dropTrailingParticipleOver: 5 })).toBe(list);
    const short = 'Police arrived, finding nobody.';
    expect(compressSentence(short, { dropTrailingParticipleOver: 2 })).toBe(short);
  });

  it('drops a dash aside, a trailing relative clause and a trailing circumstance clause when asked', () => {
    expect(
      compressSentence('The bill — first proposed in May by a group of senators — failed in the House on Friday.', {
        dropDashAside: true,
      }),
    ).toBe('The bill failed in the House on Friday.');
    expect(
      compressSentence('The court blocked the new state law on Friday, which would have banned most abortions.', {
        dropTrailingRelativeOver: 10,
      }),
    ).toBe('The court blocked the new state law on Friday.');
    expect(
      compressSentence('Gas prices rose again across the country this week, as refineries struggled to keep up.', {
        dropTrailingCircumstanceOver: 10,
      }),
    ).toBe('Gas prices rose again across the country this week.');
  });
});
