import { describe, expect, it } from 'vitest';
import { codePoints, countLetters, countMatches, lettersOf, LETTER_RUNS } from '../src/core/read/count-letters.js';

describe('counting letters and words without match arrays', () => {
  it('counts letters of any script and leaves out digits, spaces and punctuation', () => {
    expect(countLetters('Gaza, 2021: «cessez-le-feu»!')).toBe(15);
    expect(countLetters('Тель-Авив и Газа')).toBe(13);
    expect(lettersOf('U.S. 3,000 rockets')).toBe('USrockets');
  });

  it('counts a letter outside the BMP once, as the per-letter match did', () => {
    const text = 'a 𝐀𝐁 b';
    expect(countLetters(text)).toBe((text.match(/\p{L}/gu) ?? []).length);
    expect(countLetters(text)).toBe(4);
    expect(codePoints('𝐀𝐁')).toBe(2);
  });

  it('finds nothing in text without letters', () => {
    expect(countLetters('123 — 456 !!! ...')).toBe(0);
    expect(countMatches('', LETTER_RUNS)).toBe(0);
  });

  it('counts matches like match(...).length, whatever state the pattern was left in', () => {
    const text = 'Biden spoke with Netanyahu on Monday.';
    expect(countMatches(text, LETTER_RUNS)).toBe(6);
    LETTER_RUNS.lastIndex = 12;
    expect(countMatches(text, LETTER_RUNS)).toBe(6);
    expect(countMatches('aaa', /x*/g)).toBe(('aaa'.match(/x*/g) ?? []).length);
  });

  it('refuses a pattern that is not global', () => {
    expect(() => countMatches('abc', /b/)).toThrow(/global/);
  });
});
