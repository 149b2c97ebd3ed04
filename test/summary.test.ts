import { beforeAll, describe, expect, it } from 'vitest';
import { composeStory } from '../src/core/compose/compose.js';
import { compressSentence } from '../src/core/compose/compress-sentence.js';
import { analyzeStory } from '../src/core/pipeline.js';
import type { Report } from '../src/core/model.js';
import { cutWords, lcsLength, rouge, rougeTokens } from '../scripts/lib/rouge.js';
import { article, seedRaws, story } from './helpers/compose-fixtures.js';
import { describeShared } from './helpers/shared.js';

describe('rouge (rouge-score conventions)', () => {
  it('tokenizes, lower-cases and stems only tokens longer than 3 characters', () => {
    expect(rougeTokens("The cats' RUNNING-fast, ran!")).toEqual(['the', 'cat', 'run', 'fast', 'ran']);
  });

  it('scores ROUGE-1, ROUGE-2 and whole-summary ROUGE-L', () => {
    const s = rouge('the cat sat on the mat', 'the cat lay on the mat');
    expect(s.rouge1.f1).toBeCloseTo(5 / 6, 6);
    expect(s.rouge2.f1).toBeCloseTo(3 / 5, 6);
    expect(s.rougeL.f1).toBeCloseTo(5 / 6, 6);
    expect(lcsLength(['a', 'b', 'c', 'd'], ['b', 'd', 'a'])).toBe(2);
  });

  it('gives zero for nothing in common and for an empty summary', () => {
    expect(rouge('alpha beta', 'gamma delta').rouge1.f1).toBe(0);
    expect(rouge('', 'gamma delta').rougeL.f1).toBe(0);
    expect(cutWords('a b  c d', 3)).toBe('a b c');
  });
});

describe('compressSentence', () => {
  it('drops a leading discourse marker, a short parenthetical and a section label', () => {
    expect(compressSentence('But the senator (D-Minn.) voted against the bill on Friday.')).toBe(
      'The senator voted against the bill on Friday.',
    );
    expect(compressSentence('Why it matters: Polls show the race is tied nationally.')).toBe(
      'Polls show the race is tied nationally.',
    );
  });

  it('drops a trailing attribution only when allowed', () => {
    const s = 'The toll rose to 40 people overnight, according to the health ministry.';
    expect(compressSentence(s)).toBe(s);
    expect(compressSentence(s, { dropTrailingAttribution: true })).toBe('The toll rose to 40 people overnight.');
  });
});

describe('summary on hand-built stories', () => {
  it('is empty when there is nothing but junk', () => {
    const out = composeStory(story([article('a', 'LOG IN\n\nRecommended')]), { summaryWords: 50 });
    expect(out.summary).toEqual({ text: '', sentences: [] });
  });

  it('leads with what several sources report and cites it in each', () => {
    const out = composeStory(
      story([
        article('a', 'A fire destroyed the old city library on Sunday. The mayor was on holiday in Spain.'),
        article('b', 'The old city library was destroyed by fire on Sunday night. Local bakeries gave out bread.'),
        article('c', 'Fire destroyed the city library on Sunday, officials said. Firefighters fought it for hours.'),
      ]),
      { summaryWords: 20 },
    );
    const first = out.summary.sentences[0]!;
    expect(first.text).toMatch(/library/);
    expect(new Set(first.citations.map((c) => c.articleId)).size).toBe(3);
  });
});

describe('attribution of contested claims', () => {
  it('keeps "according to" on a contested claim but may drop it on an agreed one', () => {
    const out = composeStory(
      story([
        article(
          'a',
          'The mayor called for a ceasefire between the gangs on Monday, according to the city hall. The harbor bridge reopened to traffic on Monday, according to the city hall.',
        ),
        article(
          'b',
          'The mayor has refrained from calling for a ceasefire between the gangs. The harbor bridge reopened to traffic on Monday, officials said.',
        ),
        article('c', 'The mayor called for a ceasefire between the gangs on Monday night, according to local radio.'),
      ]),
      { summaryWords: 60 },
    );
    expect(out.differences.some((d) => d.kind === 'claim')).toBe(true);
    const call = out.summary.sentences.find((s) => /called for a ceasefire/.test(s.text));
    // Two outlets report the call, so compression could drop the attribution; being contested, it must stay.
    expect(call?.text).toMatch(/, according to (?:the city hall|local radio)\.$/);
  });
});

describeShared('summary of the seed story', () => {
  let report: Report;
  beforeAll(() => {
    report = analyzeStory(seedRaws(), { referenceDate: '2021-05-17', summaryWords: 120 });
  });

  it('keeps about the requested length, with cited sentences that exist in the sources', () => {
    const summary = report.summary!;
    const words = summary.text.split(/\s+/).length;
    expect(words).toBeGreaterThan(60);
    expect(words).toBeLessThan(150);
    for (const s of summary.sentences) {
      expect(s.citations.length).toBeGreaterThan(0);
      for (const c of s.citations) {
        const a = report.articles.find((x) => x.id === c.articleId)!;
        expect(c.end).toBeGreaterThan(c.start);
        expect(c.end).toBeLessThanOrEqual(a.text.length);
      }
    }
  });

  it('keeps the attribution of a contested claim ("according to ...") in the summary', () => {
    const contested = report.differences!.flatMap((d) => d.claims.flatMap((c) => c.citations));
    const text = (c: { articleId: string; start: number; end: number }): string =>
      report.articles.find((a) => a.id === c.articleId)!.text.slice(c.start, c.end);
    const attributedClaims = report.summary!.sentences.filter((s) => {
      const primary = s.citations[0]!;
      const isClaim = contested.some(
        (c) => c.articleId === primary.articleId && c.start >= primary.start && c.start < primary.end,
      );
      return isClaim && /according to/i.test(text(primary));
    });
    // The seed summary reports the ceasefire call, one side of a contested difference, which its source attributes.
    expect(attributedClaims.length).toBeGreaterThan(0);
    for (const s of attributedClaims) expect(s.text).toMatch(/according to/i);
  });

  it('draws on several outlets and includes no junk or repeated sentence', () => {
    const summary = report.summary!;
    const cited = new Set(summary.sentences.flatMap((s) => s.citations.map((c) => c.articleId)));
    expect(cited.size).toBeGreaterThanOrEqual(3);
    expect(summary.text).not.toMatch(/https?:|@\w|LOG IN|Recommended|CLICK HERE/);
    const texts = summary.sentences.map((s) => s.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
