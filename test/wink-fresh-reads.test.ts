import { describe, expect, it } from 'vitest';
import type { WinkMethods } from 'wink-nlp';
import { freshReadingWink } from '../src/core/nlp/fresh-reading-wink.js';
import { wink, winkTagger } from '../src/core/nlp/wink.js';

// Fiction. A bare possessive of a word wink does not know is split ("Vellum", "’s"); followed by a comma, the recursive
// tokenizer keeps it whole and wink learns "Vellum’s" as a word, after which a bare "Vellum’s" was one token.
const A = "Vellum’s aides left the harbor office early. Quorin's deputy stayed behind.";
const B = "Nobody asked Vellum’s, or Quorin's, view of the harbor.";

/** The token values of a text as the instance reads it. */
function tokens(nlp: WinkMethods, text: string): string[] {
  return nlp.readDoc(text).tokens().out(nlp.its.value) as string[];
}

describe('wink reads a text the same whatever the process read before', () => {
  it.each([
    ['the full pipeline', wink],
    ['the tagger', winkTagger],
  ])('%s: A, then B (which teaches wink a word of A), then A again gives the same tokens and tags', (_, get) => {
    const nlp = get();
    const first = tokens(nlp, A);
    const firstTags = nlp.readDoc(A).tokens().out(nlp.its.pos);
    expect(first.slice(0, 2)).toEqual(['Vellum', '’s']);
    expect(tokens(nlp, B)).toContain('Vellum’s');
    expect(tokens(nlp, A)).toEqual(first);
    expect(nlp.readDoc(A).tokens().out(nlp.its.pos)).toEqual(firstTags);
  });

  it('replaces a worn instance by a fresh one and keeps the documents it already read readable', () => {
    const nlp = freshReadingWink(['pos'], { maxForgotten: 1 });
    const docA = nlp.readDoc(A);
    const first = docA.tokens().out(nlp.its.value);
    expect(tokens(nlp, B)).toContain('Vellum’s');
    // The next read finds more than one forgotten word and loads the model again.
    expect(tokens(nlp, A)).toEqual(first);
    expect(docA.tokens().out(nlp.its.value)).toEqual(first);
  });
});
