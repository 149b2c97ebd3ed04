import { describe, expect, it } from 'vitest';
import {
  aggregate,
  countShingles,
  pageF1,
  pagePrecision,
  pageRecall,
  scorePage,
  tokenize,
} from '../scripts/lib/extraction-metric.js';

describe('extraction metric', () => {
  it('tokenizes on word characters, keeping case and non-Latin letters', () => {
    expect(tokenize("Ship's cargo: 1,200 tonnes — Köln, Москва_1")).toEqual([
      'Ship',
      's',
      'cargo',
      '1',
      '200',
      'tonnes',
      'Köln',
      'Москва_1',
    ]);
    expect(tokenize(' .,;— ')).toEqual([]);
  });

  it('counts word 4-grams, shrinking n for short texts', () => {
    expect([...countShingles('a b c d e').entries()]).toEqual([
      ['a b c d', 1],
      ['b c d e', 1],
    ]);
    expect([...countShingles('a b').entries()]).toEqual([['a b', 1]]);
    expect([...countShingles('x y z w x y z w').values()].reduce((a, b) => a + b, 0)).toBe(5);
    expect(countShingles('x y z w x y z w').get('x y z w')).toBe(2);
  });

  it('scores identical texts as perfect regardless of whitespace and punctuation', () => {
    const c = scorePage('One two three four five.', 'One  two, three\n\nfour five');
    expect(c).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(pagePrecision(c)).toBe(1);
    expect(pageRecall(c)).toBe(1);
  });

  it('normalises counts per page and separates extra from missing n-grams', () => {
    // truth has 3 four-grams; the prediction shares 2 and adds 2 of its own.
    const c = scorePage('a b c d e f', 'a b c d e X Y');
    expect(c.tp + c.fp + c.fn).toBeCloseTo(1);
    expect(c.tp).toBeCloseTo(2 / 5);
    expect(c.fp).toBeCloseTo(2 / 5);
    expect(c.fn).toBeCloseTo(1 / 5);
    expect(pagePrecision(c)).toBeCloseTo(0.5);
    expect(pageRecall(c)).toBeCloseTo(2 / 3);
  });

  it('gives an empty prediction zero recall and zero precision', () => {
    const c = scorePage('a b c d e', '');
    expect(pageRecall(c)).toBe(0);
    expect(pagePrecision(c)).toBe(0);
    expect(pageF1(c)).toBe(0);
  });

  it('is case sensitive', () => {
    expect(scorePage('Alpha beta gamma delta', 'alpha beta gamma delta').tp).toBe(0);
  });

  it('averages per page before taking the harmonic mean', () => {
    const perfect = scorePage('a b c d e', 'a b c d e');
    const half = scorePage('a b c d e f', 'a b c d e X Y');
    const score = aggregate([perfect, half]);
    expect(score.precision).toBeCloseTo((1 + 0.5) / 2);
    expect(score.recall).toBeCloseTo((1 + 2 / 3) / 2);
    expect(score.f1).toBeCloseTo((2 * score.precision * score.recall) / (score.precision + score.recall));
    expect(score.pages).toBe(2);
  });
});
