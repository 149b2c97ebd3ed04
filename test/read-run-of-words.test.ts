// The one-pass run-of-words test (run-of-words.ts) answers as the pattern it replaces, on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasRunOfWords } from '../src/core/read/run-of-words.js';

const PATTERN = /[\p{L}]{2,}[^\n]*\s[\p{L}]{2,}[^\n]*\s[\p{L}]{2,}/u;

describe('hasRunOfWords', () => {
  it('answers as the pattern did', () => {
    const text = fc
      .array(fc.constantFrom('a', 'bc', 'É', '𝐀', ' ', '\n', '\r', '\t', "'", '1', '.', '\u00a0', '\ud800'), {
        maxLength: 30,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(hasRunOfWords(t)).toBe(PATTERN.test(t));
      }),
      { numRuns: 50000, seed: 19 },
    );
  });

  it('finds runs of words and their absence', () => {
    expect(hasRunOfWords('The council voted')).toBe(true);
    expect(hasRunOfWords('The\ncouncil voted')).toBe(true);
    expect(hasRunOfWords('The council\n\nvoted')).toBe(false);
    expect(hasRunOfWords("'tis o'er 'tis o'er")).toBe(false);
  });

  it('reads a long line without a run of words (the pattern did not finish on 400 KB)', () => {
    expect(hasRunOfWords("'tis o'er ".repeat(40_000))).toBe(false);
  });
});
