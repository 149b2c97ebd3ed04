import { describe, expect, it } from 'vitest';
import { articleFeatures } from '../src/core/cluster/article-features.js';
import { findNames } from '../src/core/cluster/find-names.js';
import { tokenize } from '../src/core/cluster/tokenize.js';

const WEIGHTS = { title: 3, lede: 1.5, bodyWords: 300 };
const names = (text: string): string[] => findNames(tokenize(text)).map((n) => `${n.kind}:${n.key}:${n.display}`);
const keys = (input: { title: string | null; text: string }): string[] =>
  articleFeatures(input, WEIGHTS).map((f) => f.key);

describe('tokenize', () => {
  it('marks sentence starts and words joined by spaces, keeps initialisms and honorifics whole', () => {
    const tokens = tokenize('Sen. Ada Voss met U.S. envoys. "We agree," she said.');
    expect(tokens.map((t) => t.raw)).toEqual([
      'Sen.',
      'Ada',
      'Voss',
      'met',
      'U.S.',
      'envoys',
      'We',
      'agree',
      'she',
      'said',
    ]);
    expect(tokens.filter((t) => t.sentenceStart).map((t) => t.raw)).toEqual(['Sen.', 'We']);
    expect(tokens[1]!.joinsPrevious).toBe(true);
    expect(tokens[7]!.joinsPrevious).toBe(true);
    expect(tokens[8]!.joinsPrevious).toBe(false);
  });

  it('drops the possessive and keeps thousands separators inside numbers', () => {
    expect(tokenize("Voss's plan costs 1,250 crowns").map((t) => t.lower)).toEqual([
      'voss',
      'plan',
      'costs',
      '1,250',
      'crowns',
    ]);
  });
});

describe('findNames', () => {
  it('cuts titles off people and keys them by surname', () => {
    expect(names('On Monday, President Ada Voss met Secretary of State Tomas Rekk and Sen. Lina Ortt.')).toEqual([
      'person:voss:Ada Voss',
      'person:rekk:Tomas Rekk',
      'person:ortt:Lina Ortt',
    ]);
  });

  it('links a lone surname to the person named in full in the same article', () => {
    expect(names('Yesterday Marta Quell spoke. Later, Quell left.')).toEqual([
      'person:quell:Marta Quell',
      'person:quell:Quell',
    ]);
  });

  it('types places and organizations from the lexicons, with canonical forms', () => {
    expect(names('Talks between the U.S. and the European Union moved to Geneva, the Foreign Ministry said.')).toEqual([
      'place:united states:U.S.',
      'organization:european union:European Union',
      'place:geneva:Geneva',
      'organization:foreign ministry:Foreign Ministry',
    ]);
  });

  it('finds no name in a capitalized common word that starts a sentence, nor in days and months', () => {
    expect(names('Lawmakers met on Tuesday in March. Officials said little.')).toEqual([]);
  });
});

describe('articleFeatures', () => {
  it('reads stated numbers with their units', () => {
    const k = keys({ title: null, text: 'Costs rose 52% to $1.2 trillion, or 52 percent more, for 1,000 towns.' });
    expect(k).toEqual(expect.arrayContaining(['#:52%', '#:1.2 trillion', '#:1000']));
  });

  it('takes names from a Title Case headline only where the body names them', () => {
    const k = keys({
      title: 'Mayor Closes Harbor Bridge After Cracks Found',
      text: 'Port Ellery closed the Harbor Bridge on Monday after cracks were found, the mayor said.',
    });
    expect(k).toEqual(expect.arrayContaining(['n:harbor bridge', 'n:port ellery']));
    expect(k.filter((key) => key.startsWith('n:'))).toEqual(['n:harbor bridge', 'n:port ellery']);
  });

  it('weighs headline and lede words more than later ones', () => {
    const features = articleFeatures(
      { title: 'Ferry strike', text: 'The ferry crews went on strike. Later the ferry owners met the crews.' },
      WEIGHTS,
    );
    const count = (key: string): number => features.find((f) => f.key === key)!.count;
    expect(count('t:strike')).toBe(3 + 1.5);
    expect(count('t:owner')).toBe(1);
  });

  it('gives nothing to match for text without words', () => {
    expect(articleFeatures({ title: null, text: '... !!! ???' }, WEIGHTS)).toEqual([]);
  });
});
