import { describe, expect, it } from 'vitest';
import {
  outermost,
  scoreIndependent,
  scoreLegacy,
  speakerMatches,
  type GoldAttribution,
  type PredictedQuote,
} from '../scripts/lib/quote-scoring.js';
import type { Quote, Speaker } from '../src/core/model.js';

// Hand-made cases for the scorer of `npm run eval:quotes`: each rule of the independent way, and one case where it
// differs from the legacy way. Offsets are found in the invented text, so the cases read as sentences.

/** A span of `text` by its words: the first occurrence of `words` at or after `from`. */
function span(text: string, words: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { start, end: start + words.length, text: words };
}

function gold(text: string, source: string | null, ...content: string[]): GoldAttribution {
  return { source: source === null ? null : span(text, source), content: content.map((c) => span(text, c)) };
}

function speaker(name: string, mention: { start: number; end: number; text: string } | null): Speaker {
  return { entityId: null, name, mention, inferred: mention === null };
}

function pred(text: string, words: string, kind: Quote['kind'], who: Speaker | null = null): PredictedQuote {
  const s = span(text, words);
  return { start: s.start, end: s.end, kind, cue: 'said', speaker: who };
}

const TEXT =
  'The mayor said the bridge will open in May. "We are ready," Ann Lee said. "The river is calm and the work is done."';

describe('independent scoring', () => {
  it('matches a prediction covering half of the true content, one to one', () => {
    const g = [gold(TEXT, 'The mayor', 'the bridge will open in May')];
    const r = scoreIndependent(TEXT, g, [pred(TEXT, 'the bridge will open', 'indirect')]);
    expect(r.all).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    const miss = scoreIndependent(TEXT, g, [pred(TEXT, 'in May', 'indirect')]);
    expect(miss.all).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('scores a prediction nested in another prediction once, as the outer one', () => {
    const g = [gold(TEXT, 'The mayor', 'the bridge will open in May')];
    const outer = pred(TEXT, 'the bridge will open in May', 'indirect');
    const inner = pred(TEXT, 'will open', 'partial');
    expect(outermost([inner, outer])).toEqual([outer]);
    expect(scoreIndependent(TEXT, g, [outer, inner]).all).toMatchObject({ tp: 1, fp: 0, neutral: 0 });
  });

  it('counts another part of a matched attribution neither for nor against ("A," she said. "B.")', () => {
    const g = [gold(TEXT, 'Ann Lee', '"We are ready,"', '"The river is calm and the work is done."')];
    const a = pred(TEXT, 'We are ready', 'direct');
    const b = pred(TEXT, 'The river is calm and the work is done.', 'direct');
    const r = scoreIndependent(TEXT, g, [a, b]);
    expect(r.direct).toMatchObject({ tp: 1, fp: 0, fn: 0, neutral: 1 });
    // Without a true attribution for it, the same prediction is a false positive.
    const alone = scoreIndependent(TEXT, [gold(TEXT, 'Ann Lee', '"We are ready,"')], [a, b]);
    expect(alone.direct).toMatchObject({ tp: 1, fp: 1, neutral: 0 });
  });

  it('scores quotations on both sides: quoted true content against direct and partial predictions', () => {
    const g = [gold(TEXT, 'Ann Lee', '"We are ready,"'), gold(TEXT, 'The mayor', 'the bridge will open in May')];
    const r = scoreIndependent(TEXT, g, [
      pred(TEXT, 'We are ready', 'partial'),
      pred(TEXT, 'the bridge will open in May', 'indirect'),
    ]);
    expect(r.direct).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.all).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });

  it('ignores quotes of embedded posts (their offsets are into the post)', () => {
    const g = [gold(TEXT, 'Ann Lee', '"We are ready,"')];
    const embedded = { ...pred(TEXT, 'We are ready', 'direct'), embed: 0 };
    expect(scoreIndependent(TEXT, g, [embedded]).direct).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });
});

describe('speaker of a matched quote', () => {
  const source = span(TEXT, 'Ann Lee');

  it('is right when the predicted mention overlaps the true source', () => {
    const q = pred(TEXT, 'We are ready', 'direct', speaker('Lee', span(TEXT, 'Lee')));
    expect(speakerMatches(q, source)).toBe(true);
  });

  it('is right when the last word of the predicted name is a word of the source ("Mr. Axelrod")', () => {
    const text = 'Mr. Axelrod said so.';
    expect(
      speakerMatches(pred(text, 'so', 'indirect', speaker('David Axelrod', null)), span(text, 'Mr. Axelrod')),
    ).toBe(true);
    expect(speakerMatches(pred(text, 'so', 'indirect', speaker('Donald Trump', null)), span(text, 'Mr. Axelrod'))).toBe(
      false,
    );
  });

  it('is wrong for a carried speaker of another name, and for no speaker', () => {
    expect(speakerMatches(pred(TEXT, 'We are ready', 'direct', speaker('The mayor', null)), source)).toBe(false);
    expect(speakerMatches(pred(TEXT, 'We are ready', 'direct', null), source)).toBe(false);
  });

  it('counts speakers over matched pairs with a true source only', () => {
    const g = [gold(TEXT, 'Ann Lee', '"We are ready,"'), gold(TEXT, null, 'the bridge will open in May')];
    const r = scoreIndependent(TEXT, g, [
      pred(TEXT, 'We are ready', 'direct', speaker('Ann Lee', null)),
      pred(TEXT, 'the bridge will open in May', 'indirect', null),
    ]);
    expect(r.all).toMatchObject({ speakerScored: 1, speakerRight: 1 });
  });
});

describe('legacy scoring (kept for comparison)', () => {
  it('joins a continuation to the quote before it, where the independent way counts it neutral', () => {
    const g = [gold(TEXT, 'Ann Lee', '"We are ready,"', '"The river is calm and the work is done."')];
    const lee = speaker('Ann Lee', span(TEXT, 'Ann Lee'));
    const a = pred(TEXT, 'We are ready', 'direct', lee);
    const b = {
      ...pred(TEXT, 'The river is calm and the work is done.', 'direct', { ...lee, mention: null, inferred: true }),
      cue: null,
    };
    const legacy = scoreLegacy(TEXT, g, [a, b], []);
    expect(legacy.direct).toMatchObject({ tp: 1, fp: 0, fn: 0, neutral: 0 });
    expect(scoreIndependent(TEXT, g, [a, b]).direct).toMatchObject({ tp: 1, fp: 0, neutral: 1 });
  });
});
