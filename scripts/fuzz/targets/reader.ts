/**
 * The reader on decoded text: HTML pages with their structure mutated (nesting, unclosed and repeated elements,
 * entities, scripts, JSON-LD), Markdown and plain text, straight into the core read phase.
 */
import fc from 'fast-check';
import type { InputFormat } from '../../../src/core/model.js';
import { readArticles } from '../../../src/core/pipeline.js';
import { materializeText, PROFILES, textRecipeArbitrary, type TextRecipe } from '../mutations.js';
import type { FuzzTarget } from '../target.js';
import { readAndCheck } from './read-checks.js';

/** One decoded article in a reader format. */
export interface ReaderInput {
  format: InputFormat;
  text: TextRecipe;
}

/** The reader target. */
export const readerTarget: FuzzTarget<ReaderInput> = {
  name: 'reader',
  weight: 3,
  arbitrary: ({ corpus, mode }) =>
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          format: fc.constant('html' as const),
          text: textRecipeArbitrary(corpus.pages, PROFILES[mode]),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          format: fc.constantFrom('text' as const, 'markdown' as const),
          text: textRecipeArbitrary(corpus.texts, PROFILES[mode]),
        }),
      },
    ),
  async run(input) {
    const content = materializeText(input.text);
    const raw = { id: 'fuzz', source: 'fuzz', format: input.format, content, meta: {} };
    return readAndCheck({ articles: [raw], failures: [], notes: [] });
  },
  async warm() {
    readArticles([{ id: 'w', source: 'w', format: 'html', content: '<p>Warm up the reader.</p>', meta: {} }]);
  },
};
