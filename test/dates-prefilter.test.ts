import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { newsDateParser } from '../src/core/analyze/dates/date-parser.js';
import { dropUnlikelyDates } from '../src/core/analyze/dates/drop-unlikely-dates.js';
import { yearReferenceParser } from '../src/core/analyze/dates/parse-year-references.js';
import { resolveWeekdays } from '../src/core/analyze/dates/resolve-weekdays.js';
import { describeShared, readSeed, SHARED_DIR, seedNames } from './helpers/shared.js';

/** The news parser as it was before parsers were skipped on texts without their cues. */
function unfilteredParser(): chrono.Chrono {
  const parser = chrono.casual.clone();
  parser.parsers.push(yearReferenceParser);
  parser.refiners.push(dropUnlikelyDates, resolveWeekdays);
  return parser;
}

/** Everything the stages read from a chrono result. */
function describeResult(r: ParsedResult): string {
  const components = ['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const;
  return JSON.stringify([
    r.index,
    r.text,
    r.start.date().toISOString(),
    [...r.tags()].sort(),
    components.map((c) => [r.start.isCertain(c), r.start.get(c)]),
  ]);
}

/** Real texts: the seeds and the first 40 PolNeAR dev articles (when the shared folder is there). */
function realTexts(): string[] {
  const texts = seedNames().map(readSeed);
  const polnear = join(SHARED_DIR, 'eval', 'quotes', 'polnear-dev.jsonl');
  if (existsSync(polnear)) {
    const lines = readFileSync(polnear, 'utf8').trim().split('\n').slice(0, 40);
    texts.push(...lines.map((l) => (JSON.parse(l) as { text: string }).text));
  }
  return texts;
}

const REFERENCES = [
  { instant: new Date(Date.UTC(2021, 4, 18, 12)), timezone: 0 },
  { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 },
];

describeShared('date parsing shortcuts keep the results on real news', () => {
  it('skipping parsers whose cue is absent changes no result', () => {
    const plain = unfilteredParser();
    let results = 0;
    for (const text of realTexts()) {
      for (const reference of REFERENCES) {
        const expected = plain.parse(text, reference).map(describeResult);
        results += expected.length;
        expect(newsDateParser().parse(text, reference).map(describeResult)).toEqual(expected);
      }
    }
    expect(results).toBeGreaterThan(100);
  });
});

describe('parser cues in any letter case', () => {
  // Each text holds a date expression whose cue words are written in capitals or mixed case: the cue check must find
  // them as the case-insensitive patterns do, so every parser that matches still runs.
  const texts = [
    'THE VOTE IS ON MONDAY, OFFICIALS SAID.',
    'Talks resumed SEPT. 5 after a pause.',
    'The ceasefire began Three Days AGO.',
    'A decision is expected TOMORROW MORNING.',
    'The report covers the LAST MONTH of fighting.',
    'Rockets were fired late on Saturday NIGHT, and again two hours LATER.',
    'By the END OF THE MONTH the aid should arrive.',
    'She spoke in DEC 2020 and again Jan. 3.',
  ];

  it('gives the same results as the parser without cue checks', () => {
    const plain = unfilteredParser();
    let results = 0;
    for (const text of texts) {
      for (const reference of REFERENCES) {
        const expected = plain.parse(text, reference).map(describeResult);
        results += expected.length;
        expect(newsDateParser().parse(text, reference).map(describeResult), text).toEqual(expected);
      }
    }
    expect(results).toBeGreaterThanOrEqual(texts.length * REFERENCES.length);
  });
});
