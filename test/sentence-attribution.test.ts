import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributionCloses, attributionIn } from '../src/core/analyze/sentence-attribution.js';
import { describeShared, SHARED_DIR } from './helpers/shared.js';

describe('attributionIn (one rule for figures and for contested claims)', () => {
  it('names the source after "according to" without the sentence\'s full stop', () => {
    expect(attributionIn('The bridge reopened on Monday, according to Harbor Radio.')).toBe('Harbor Radio');
    expect(attributionIn('The bridge reopened, according to the HRT.')).toBe('the HRT');
    expect(attributionIn('According to the harbor office, the bridge reopened.')).toBe('the harbor office');
  });

  it('keeps dotted acronyms and initials, and both sides of "and"', () => {
    expect(attributionIn('Twelve ships were held, according to the U.S.')).toBe('the U.S.');
    expect(attributionIn('Twelve ships were held, according to the F.A.A.')).toBe('the F.A.A.');
    expect(attributionIn('The port closed, according to Mara J. Tellen.')).toBe('Mara J. Tellen');
    expect(attributionIn('The port closed, according to harbor pilots and dock workers.')).toBe(
      'harbor pilots and dock workers',
    );
  });

  it('ends the source at a new clause or a line break', () => {
    expect(attributionIn('The port closed, according to pilots who saw it.')).toBe('pilots');
    expect(attributionIn('The port closed, according to Harbor Radio\n\nMore')).toBe('Harbor Radio');
  });

  it('reads a closing "X said" and "said X"', () => {
    expect(attributionIn('Forty people were hurt, the Harbor Ministry said.')).toBe('the Harbor Ministry');
    expect(attributionIn('Forty people were hurt, said the Harbor Ministry.')).toBe('the Harbor Ministry');
    expect(attributionIn('Forty people were hurt, officials said.')).toBe('officials');
    expect(attributionIn('Forty people were hurt.')).toBeNull();
  });

  it('tells when the attribution closes its sentence', () => {
    expect(attributionCloses('Forty were hurt, according to the ministry.')).toBe(true);
    expect(attributionCloses('According to the ministry, forty were hurt.')).toBe(false);
  });
});

describeShared('attributionIn on PolNeAR sentences', () => {
  it('names the annotated source in most sentences where it finds one', () => {
    const text = readFileSync(join(SHARED_DIR, 'eval', 'quotes', 'polnear-dev.jsonl'), 'utf8');
    const norm = (s: string): string =>
      s
        .toLowerCase()
        .replace(/^the\s+/, '')
        .trim();
    let found = 0;
    let right = 0;
    for (const line of text.split('\n').filter(Boolean)) {
      const d = JSON.parse(line) as {
        text: string;
        attributions: { source: { start: number; end: number; text: string } | null }[];
      };
      let off = 0;
      for (const part of d.text.split(/(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/)) {
        const start = d.text.indexOf(part, off);
        off = start + part.length;
        const source = attributionIn(part);
        if (source === null) continue;
        found++;
        const gold = d.attributions.flatMap((a) =>
          a.source && a.source.start >= start && a.source.end <= off ? [norm(a.source.text)] : [],
        );
        if (gold.includes(norm(source))) right++;
      }
    }
    // Measured on train + dev (922 articles): 401 of 539 found sources are PolNeAR's annotated source, where the
    // claims' old rule had 315 of 434 and the numbers' old rule 385 of 546.
    expect(found).toBeGreaterThan(30);
    expect(right / found).toBeGreaterThan(0.65);
  });
});
