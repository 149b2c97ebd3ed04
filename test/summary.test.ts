import { beforeAll, describe, expect, it } from 'vitest';
import { composeStory } from '../src/core/compose/compose.js';
import { compressSentence } from '../src/core/compose/compress-sentence.js';
import { FEATURE_NAMES } from '../src/core/compose/summary-features.js';
import { SUMMARY_SCORER } from '../src/core/compose/summary-scorer-model.js';
import { modelMatchesFeatures, scoreFeatures, type ScorerModel } from '../src/core/compose/summary-scorer.js';
import { analyzeStory } from '../src/core/pipeline.js';
import type { Report } from '../src/core/model.js';
import { cutWords, lcsLength, rouge, rougeTokens } from '../scripts/lib/rouge.js';
import { article, story } from './helpers/compose-fixtures.js';
import { seedRaws } from './helpers/shared.js';
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

  it('drops datelines with an agency, without spaces and "(CNN)", but not a hyphenated name', () => {
    expect(compressSentence('MONSEY, N.Y. (AP) — A man stormed into the house.')).toBe('A man stormed into the house.');
    expect(compressSentence('MINNEAPOLIS—The governor sent in the Guard.')).toBe('The governor sent in the Guard.');
    expect(compressSentence('(CNN)Stabbings at a home marked the latest attack.')).toBe(
      'Stabbings at a home marked the latest attack.',
    );
    expect(compressSentence('NATO-Russia talks ended without a deal.')).toBe('NATO-Russia talks ended without a deal.');
  });

  it('drops a trailing attribution only when allowed', () => {
    const s = 'The toll rose to 40 people overnight, according to the health ministry.';
    expect(compressSentence(s)).toBe(s);
    expect(compressSentence(s, { dropTrailingAttribution: true })).toBe('The toll rose to 40 people overnight.');
  });
});

describe('learned sentence scorer', () => {
  const base: ScorerModel = {
    features: [...FEATURE_NAMES],
    mean: FEATURE_NAMES.map(() => 0),
    scale: FEATURE_NAMES.map(() => 1),
    weights: FEATURE_NAMES.map((n) => (n === 'consensus' ? 2 : 0)),
    bias: 0.5,
    stumps: [{ feature: 1, threshold: 0.3, left: -1, right: 1 }],
    gain: 2,
  };

  it('scores a row as gain × (bias + standardized linear part + stumps)', () => {
    const row = FEATURE_NAMES.map((n) => (n === 'consensus' ? 0.25 : n === 'support' ? 0.5 : 0));
    expect(scoreFeatures(row, base)).toBeCloseTo(2 * (0.5 + 0.5 + 1), 9);
  });

  it('refuses a model fitted on another feature list', () => {
    expect(modelMatchesFeatures(base)).toBe(true);
    expect(modelMatchesFeatures({ ...base, features: ['consensus'] })).toBe(false);
  });

  it('ships a model fitted on the current features, or none', () => {
    if (SUMMARY_SCORER) expect(modelMatchesFeatures(SUMMARY_SCORER)).toBe(true);
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

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let k = 0;
  for (const w of whole) if (k < part.length && part[k] === w) k++;
  return k === part.length;
}

describe('isSubsequence (test helper)', () => {
  it('fails on words out of order or absent', () => {
    expect(isSubsequence(['a', 'c'], ['a', 'b', 'c'])).toBe(true);
    expect(isSubsequence(['c', 'a'], ['a', 'b', 'c'])).toBe(false);
    expect(isSubsequence(['d'], ['a', 'b', 'c'])).toBe(false);
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
      // A compressed sentence keeps words of its first cited span, in order (a sub-sequence of the source).
      const first = s.citations[0]!;
      const source = wordsOf(report.articles.find((x) => x.id === first.articleId)!.text.slice(first.start, first.end));
      // The day written after a weekday ("Monday, May 17,") is the one addition the summary makes.
      const own = s.text.replace(
        /, (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/g,
        '',
      );
      if (s !== summary.sentences[0]) expect(isSubsequence(wordsOf(own), source)).toBe(true);
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

  it('does not say the headline again when a body sentence restates it: the body sentence opens, the headline titles', () => {
    const summary = report.summary!;
    expect(summary.headline).toBeDefined();
    expect(report.story.title).toBe(summary.headline!.replace(/\.$/, ''));
    expect(summary.text).not.toContain(summary.headline!);
    // The lede of 002 ("Senior U.S. officials, including ...") says what the headline says; it opens the summary.
    expect(summary.sentences[0]!.text).toMatch(/^Senior U\.S\. officials, including/);
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
