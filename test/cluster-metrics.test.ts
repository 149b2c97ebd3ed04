import { describe, expect, it } from 'vitest';
import { scoreClustering } from '../scripts/lib/clustering-metrics.js';

const labels = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

describe('clustering metrics on hand-made groupings', () => {
  it('scores a perfect clustering 1 everywhere, whatever the labels are called', () => {
    const s = scoreClustering(labels({ a: '1', b: '1', c: '2' }), labels({ a: 'x', b: 'x', c: 'y' }));
    expect(s).toEqual({
      pairwise: { precision: 1, recall: 1, f1: 1 },
      bcubed: { precision: 1, recall: 1, f1: 1 },
    });
  });

  it('scores one wrong join and one split by hand-counted pairs and per-item shares', () => {
    // Truth {a,b} {c,d}; predicted {a,b,c} {d}.
    const s = scoreClustering(labels({ a: '1', b: '1', c: '2', d: '2' }), labels({ a: 'x', b: 'x', c: 'x', d: 'y' }));
    // Pairs predicted: ab ac bc (3), true: ab cd (2), both: ab (1).
    expect(s.pairwise.precision).toBeCloseTo(1 / 3, 10);
    expect(s.pairwise.recall).toBeCloseTo(1 / 2, 10);
    expect(s.pairwise.f1).toBeCloseTo(0.4, 10);
    // B-cubed precision per item: 2/3 2/3 1/3 1; recall: 1 1 1/2 1/2.
    expect(s.bcubed.precision).toBeCloseTo(2 / 3, 10);
    expect(s.bcubed.recall).toBeCloseTo(3 / 4, 10);
    expect(s.bcubed.f1).toBeCloseTo((2 * (2 / 3) * (3 / 4)) / (2 / 3 + 3 / 4), 10);
  });

  it('gives all singletons full precision and the recall of lone items', () => {
    const s = scoreClustering(labels({ a: '1', b: '1', c: '1', d: '2' }), labels({ a: 'p', b: 'q', c: 'r', d: 's' }));
    expect(s.pairwise).toEqual({ precision: 1, recall: 0, f1: 0 });
    expect(s.bcubed.precision).toBe(1);
    expect(s.bcubed.recall).toBeCloseTo((1 / 3 + 1 / 3 + 1 / 3 + 1) / 4, 10);
  });

  it('gives one big cluster full recall and the precision of chance', () => {
    const s = scoreClustering(labels({ a: '1', b: '1', c: '2', d: '2' }), labels({ a: 'z', b: 'z', c: 'z', d: 'z' }));
    expect(s.pairwise.precision).toBeCloseTo(2 / 6, 10);
    expect(s.pairwise.recall).toBe(1);
    expect(s.bcubed.precision).toBeCloseTo(1 / 2, 10);
    expect(s.bcubed.recall).toBe(1);
  });

  it('scores only the items both sides label', () => {
    const s = scoreClustering(labels({ a: '1', b: '1' }), labels({ a: 'x', b: 'x', extra: 'x' }));
    expect(s.pairwise.f1).toBe(1);
    expect(s.bcubed.f1).toBe(1);
  });
});
