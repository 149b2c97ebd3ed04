import type { Token } from '../../nlp/wink.js';

/** Qualifiers of a figure, longest first so that "more than" wins over "than". Lower-case word sequences. */
const QUALIFIERS: readonly string[][] = [
  ['no', 'fewer', 'than'],
  ['no', 'more', 'than'],
  ['as', 'many', 'as'],
  ['more', 'than'],
  ['fewer', 'than'],
  ['less', 'than'],
  ['at', 'least'],
  ['at', 'most'],
  ['up', 'to'],
  ['close', 'to'],
  ['upwards', 'of'],
  ['an', 'estimated'],
  ['just', 'over'],
  ['just', 'under'],
  ['about'],
  ['approximately'],
  ['around'],
  ['roughly'],
  ['nearly'],
  ['almost'],
  ['some'],
  ['over'],
  ['under'],
  ['estimated'],
];

/** The qualifier right before token `first` and the token where it starts, or null. */
export function findQualifier(tokens: readonly Token[], first: number): { qualifier: string; start: number } | null {
  for (const words of QUALIFIERS) {
    const start = first - words.length;
    if (start < 0) continue;
    if (words.every((w, k) => tokens[start + k]?.normal === w)) {
      const qualifier = words.join(' ');
      // "over" and "under" also head places and times ("over Gaza"); only before a figure are they qualifiers.
      if ((qualifier === 'over' || qualifier === 'under') && tokens[start - 1]?.pos === 'VERB') return null;
      return { qualifier, start };
    }
  }
  return null;
}
