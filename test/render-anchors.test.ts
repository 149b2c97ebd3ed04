// Citation anchors found by bisection (anchor-units.ts) are those a scan of every unit finds, for units in order or not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../src/core/model.js';
import { unitIndexOf } from '../src/core/render/anchor-units.js';

/** The index the renderer found before: the first unit holding the offset (an empty unit holds its start). */
function scanned(units: readonly Span[], at: number): number | null {
  const i = units.findIndex((u) => u.start <= at && at < Math.max(u.end, u.start + 1));
  return i < 0 ? null : i;
}

describe('unitIndexOf', () => {
  it('finds the unit a scan finds, for tiled, gapped, empty and unordered units', () => {
    const ordered = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 8 })), { maxLength: 30 })
      .map((steps) => {
        let at = 0;
        return steps.map(([gap, length]) => {
          const unit = { start: at + gap, end: at + gap + length };
          at = unit.end;
          return unit;
        });
      });
    const any = fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 10 }))
        .map(([s, l]) => ({ start: s, end: s + l })),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(fc.oneof(ordered, any), fc.integer({ min: 0, max: 200 }), (units, at) => {
        expect(unitIndexOf(units, { articleId: 'a', start: at, end: at + 1 })).toBe(scanned(units, at));
      }),
      { numRuns: 20000, seed: 22 },
    );
  });
});
