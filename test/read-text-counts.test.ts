// The counting shortcuts of the reader (letters, white space, capitals, function words) give what the plain regular
// expression versions give, on real article text and on tricky characters.
import { describe, expect, it } from 'vitest';
import { codePoints, countLetters, countMatches, lettersOf, LETTER_RUNS } from '../src/core/read/count-letters.js';
import { detectLanguage } from '../src/core/read/language.js';
import { isAllCaps, isTitleCase, wordsOf } from '../src/core/read/line-features.js';
import { collapsedLength, nonSpaceLength } from '../src/core/read/white-space.js';
import { describeShared, readSeed, seedNames } from './helpers/shared.js';

/** The definitions the shortcuts must agree with. */
const reference = {
  letters: (t: string) => (t.match(/\p{L}/gu) ?? []).length,
  collapsed: (t: string) => t.replace(/\s+/g, ' ').trim().length,
  nonSpace: (t: string) => t.replace(/\s+/g, '').length,
  allCaps: (t: string) => {
    const letters = t.match(/\p{L}/gu) ?? [];
    if (letters.length < 10) return false;
    return letters.filter((c) => c !== c.toLowerCase()).length / letters.length >= 0.85;
  },
  titleCase: (t: string) => {
    const long = wordsOf(t).filter((w) => (w.match(/\p{L}/gu) ?? []).length >= 4);
    return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.7;
  },
};

/** Lines that exercise the slow paths: non-ASCII letters, astral letters, broken surrogates, odd spaces. */
const TRICKY = [
  'ÉTAT D’URGENCE DÉCRÉTÉ À PARIS',
  'İSTANBUL BELEDİYESİ AÇIKLADI',
  'a 𝐀𝐁 b',
  'broken \ud835 half \udc00 pairs',
  '\u00a0\u2028 spaced\u3000out\ufeff ',
  '“QUOTED” — HEADLINE… WITH €5 AND © MARKS',
  'Straße Über Die Brücke Gehen',
  '',
  '123 — 456 !!!',
];

describe('counting shortcuts on tricky text', () => {
  it('agree with the regular-expression definitions', () => {
    for (const t of TRICKY) {
      expect(countLetters(t)).toBe(reference.letters(t));
      expect(countLetters(t)).toBe(codePoints(lettersOf(t)));
      expect(collapsedLength(t)).toBe(reference.collapsed(t));
      expect(nonSpaceLength(t)).toBe(reference.nonSpace(t));
      expect(isAllCaps(t)).toBe(reference.allCaps(t));
      expect(isTitleCase(t)).toBe(reference.titleCase(t));
    }
  });

  it('counts up to a limit exactly below it, and at least the limit above it', () => {
    const text = 'one two three four five six';
    expect(countMatches(text, LETTER_RUNS, 4)).toBe(4);
    expect(countMatches(text, LETTER_RUNS, 100)).toBe(6);
    expect(countMatches('', LETTER_RUNS, 4)).toBe(0);
  });

  it('finds no language in text without function words (negative)', () => {
    expect(detectLanguage('Zyx qwv plm brt kls mnp rtq wvx')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});

describeShared('counting shortcuts on the seed articles', () => {
  it('agree with the regular-expression definitions on every line', () => {
    let lines = 0;
    for (const name of seedNames()) {
      for (const line of readSeed(name).split('\n')) {
        lines++;
        expect(countLetters(line)).toBe(reference.letters(line));
        expect(collapsedLength(line)).toBe(reference.collapsed(line));
        expect(isAllCaps(line)).toBe(reference.allCaps(line));
        expect(isTitleCase(line)).toBe(reference.titleCase(line));
      }
      expect(detectLanguage(readSeed(name))).toBe('en');
    }
    expect(lines).toBeGreaterThan(50);
  });
});
