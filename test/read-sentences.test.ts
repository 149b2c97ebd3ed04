import { describe, expect, it } from 'vitest';
import { paragraphSpans } from '../src/core/read/paragraphs.js';
import { segmentSentences } from '../src/core/read/sentences.js';

/** The sentences of a text as strings. */
function sentences(text: string): string[] {
  return segmentSentences(text, paragraphSpans(text)).map((s) => text.slice(s.start, s.end));
}

describe('sentence repairs (hand-written sentences)', () => {
  it('does not split after a state abbreviation in parentheses followed by a comma', () => {
    expect(
      sentences(
        'Several Democrats, including Rep. Ilhan Omar (D-Minn.), who spoke Monday, objected. Then the vote came.',
      ),
    ).toEqual([
      'Several Democrats, including Rep. Ilhan Omar (D-Minn.), who spoke Monday, objected.',
      'Then the vote came.',
    ]);
  });

  it('keeps "U.S." inside a sentence', () => {
    expect(sentences('She said the U.S. is concerned. The U.S. relationship with Egypt was discussed.')).toEqual([
      'She said the U.S. is concerned.',
      'The U.S. relationship with Egypt was discussed.',
    ]);
  });

  it('keeps initials and titles with the name', () => {
    expect(sentences('J. R. Smith met Gen. Mark Milley on Monday. Dr. Jones was there too.')).toEqual([
      'J. R. Smith met Gen. Mark Milley on Monday.',
      'Dr. Jones was there too.',
    ]);
  });

  it('keeps a closing quote with the sentence it closes', () => {
    expect(sentences('He called it “the most constructive approach.” Then he left.')).toEqual([
      'He called it “the most constructive approach.”',
      'Then he left.',
    ]);
  });

  it('merges a split before a lower-case continuation', () => {
    expect(sentences('The meeting ended at 5 p.m. on Monday in the capital. Officials left.')).toEqual([
      'The meeting ended at 5 p.m. on Monday in the capital.',
      'Officials left.',
    ]);
  });

  it('never runs a sentence across paragraphs, even without final punctuation', () => {
    const text = 'A heading without a period\n\nThe body starts here. It goes on.';
    expect(sentences(text)).toEqual(['A heading without a period', 'The body starts here.', 'It goes on.']);
  });

  it('still splits ordinary sentences (the repairs do not merge everything)', () => {
    expect(sentences('Rockets were fired. Israel responded. Talks began on Monday.')).toHaveLength(3);
  });

  it('gives offsets that point at the sentence text', () => {
    const text = 'First one here.\n\nSecond “quoted.” Third.';
    const spans = segmentSentences(text, paragraphSpans(text));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First one here.', 'Second “quoted.”', 'Third.']);
    expect(spans[1]?.start).toBe(17);
  });
});
