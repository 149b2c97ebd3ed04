// The lexicon of the learned-cue finder (src/core/lexicon/learned-cues.json, written by `npm run learn:cues`): its
// format, that every entry passes the thresholds its header states, that it holds word statistics only, and that the
// learner is deterministic (learning twice from the same train articles gives the same file).
import { describe, expect, it } from 'vitest';
import {
  LEARNED_CONTENTS,
  LEARNED_CUE_FILE,
  LEARNED_CUES,
  LEARNED_SUBJECTS,
  learnedCueKey,
} from '../src/core/lexicon/learned-cues.js';
import { learnCues, readTrain } from '../scripts/learn-cues.js';
import { describeShared } from './helpers/shared.js';

const SECOND_WORDS = ['about', 'against', 'at', 'for', 'from', 'of', 'on', 'over', 'to', 'with', 'that'];

describe('the learned cue lexicon', () => {
  const file = LEARNED_CUE_FILE;

  it('says how it was made and holds the cross-validation figures', () => {
    expect(file.command).toBe('npm run learn:cues');
    expect(file.about).toMatch(/PolNeAR train split/);
    expect(file.crossValidation.length).toBeGreaterThan(0);
    for (const line of file.crossValidation) expect(line).toMatch(/^minTruePositives \d+ minPrecision [\d.]+: /);
    expect(file.selection.minTruePositives).toBeGreaterThanOrEqual(2);
    expect(file.selection.minPrecision).toBeGreaterThanOrEqual(0.5);
  });

  it('lists forms of one word, or a word and a function word, sorted and once each', () => {
    expect(file.cues.length).toBeGreaterThan(0);
    const keys = file.cues.map((e) => learnedCueKey(e.form, e.pos));
    expect(new Set(keys).size).toBe(keys.length);
    expect(LEARNED_CUES.size).toBe(keys.length);
    const sorted = [...file.cues].sort((a, b) =>
      a.form === b.form ? (a.pos < b.pos ? -1 : 1) : a.form < b.form ? -1 : 1,
    );
    expect(file.cues).toEqual(sorted);
    for (const e of file.cues) {
      const words = e.form.split(' ');
      expect(e.form).toBe(e.form.toLowerCase());
      expect(words.length).toBeLessThanOrEqual(2);
      if (words.length === 2) expect(SECOND_WORDS).toContain(words[1]);
      expect(e.pos).toMatch(/^[A-Z]+$/);
    }
  });

  it('keeps only entries that pass its stated thresholds, with a reading the finder knows', () => {
    const { minTruePositives, minPrecision } = file.selection;
    for (const e of file.cues) {
      expect(LEARNED_CONTENTS).toContain(e.content);
      expect(LEARNED_SUBJECTS).toContain(e.subject);
      expect(e.cueHits).toBeGreaterThanOrEqual(minTruePositives);
      expect(e.tp).toBeGreaterThanOrEqual(minTruePositives);
      expect(e.tp / (e.tp + e.fp)).toBeGreaterThan(minPrecision);
      expect(e.tp + e.fp).toBeLessThanOrEqual(e.occurrences);
      expect(e.cueHits).toBeLessThanOrEqual(e.occurrences);
    }
  });
});

describeShared('learning the lexicon', () => {
  it('gives the same file twice from the same train articles, its entries within its thresholds', () => {
    const train = readTrain(40);
    const grid = [{ minTruePositives: 2, minPrecision: 0.5 }];
    const first = learnCues(train, grid);
    const second = learnCues(train, grid);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.selection).toEqual(grid[0]);
    expect(first.crossValidation).toHaveLength(1);
    for (const e of first.cues) {
      expect(e.tp).toBeGreaterThanOrEqual(2);
      expect(e.tp / (e.tp + e.fp)).toBeGreaterThan(0.5);
    }
  }, 60_000);
});
