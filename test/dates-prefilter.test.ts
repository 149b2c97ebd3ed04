import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { newsDateParser } from '../src/core/analyze/dates/date-parser.js';
import { fullDateWindows } from '../src/core/analyze/dates/date-windows.js';
import { dropUnlikelyDates } from '../src/core/analyze/dates/drop-unlikely-dates.js';
import { yearReferenceParser } from '../src/core/analyze/dates/parse-year-references.js';
import { statedFullDates, statedFullDatesQuickly } from '../src/core/analyze/dates/reference-dates.js';
import { resolveWeekdaysBackward } from '../src/core/analyze/dates/resolve-weekdays-backward.js';
import { describeShared, readSeed, SHARED_DIR, seedNames } from './helpers/shared.js';

/** The news parser as it was before parsers were skipped on texts without their cues. */
function unfilteredParser(): chrono.Chrono {
  const parser = chrono.casual.clone();
  parser.parsers.push(yearReferenceParser);
  parser.refiners.push(dropUnlikelyDates, resolveWeekdaysBackward);
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

  it('parsing only the stretches that can hold a full date finds the same full dates', () => {
    let found = 0;
    for (const text of realTexts()) {
      const expected = statedFullDates(text).sort();
      found += expected.length;
      expect(statedFullDatesQuickly(text).sort()).toEqual(expected);
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe('full-date windows', () => {
  it('covers a stated date with its context and leaves text without cues out', () => {
    const filler = 'The committee met again to discuss the budget and the schedule of the hearings. '.repeat(4);
    const text = `${filler}The vote was held on May 16, 2021, in the capital. ${filler}`;
    const windows = fullDateWindows(text);
    expect(windows).toHaveLength(1);
    const [w] = windows;
    expect(text.slice(w!.start, w!.end)).toContain('on May 16, 2021, in the capital');
    expect(w!.start).toBeGreaterThan(0);
    expect(w!.end).toBeLessThan(text.length);
  });

  it('finds nothing in a text without month names or numeric dates', () => {
    const text = 'Officials said the talks would go on, and both sides sent delegations to the city.';
    expect(fullDateWindows(text)).toEqual([]);
    expect(statedFullDatesQuickly(text)).toEqual([]);
  });

  it('still reads a fully stated date', () => {
    const text = `${'Lawmakers argued about the plan for hours in a tense session. '.repeat(5)}It passed on 5/17/2021.`;
    expect(statedFullDatesQuickly(text)).toEqual(['2021-05-17']);
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
