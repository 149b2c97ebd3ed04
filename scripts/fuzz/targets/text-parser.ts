/**
 * A target for any parser of text (feeds, sitemaps...): it gets mutated corpus texts and its own seed texts, and must
 * return (not throw), with clear messages in any `failures` or `notes` it returns. One line in the registry adds it.
 */
import fc from 'fast-check';
import { materializeText, PROFILES, stringArbitrary, textMutationArbitrary, type TextRecipe } from '../mutations.js';
import type { FuzzTarget } from '../target.js';
import { checkMessages, firstProblem, type Verdict } from '../verdict.js';

/** How to plug a text parser in. */
export interface TextParserOptions {
  name: string;
  weight?: number;
  /** The parser; may be async. A thrown exception is a crash. */
  parse: (text: string) => unknown;
  /** Texts the parser is made for (e.g. small invented feeds), mutated as the corpus is. */
  seeds?: readonly string[];
}

/** A fuzz target for a text parser. */
export function textParserTarget(options: TextParserOptions): FuzzTarget<TextRecipe> {
  return {
    name: options.name,
    weight: options.weight ?? 1,
    arbitrary: ({ corpus, mode }) => {
      const size = PROFILES[mode];
      const seeds = options.seeds ?? [];
      const base = fc.oneof(
        ...(seeds.length > 0 ? [fc.constantFrom(...seeds).map((literal) => ({ literal }))] : []),
        fc.constantFrom(...corpus.pages).map((ref) => ({ ref })),
        stringArbitrary(400).map((literal) => ({ literal })),
      );
      return fc.record({
        base,
        mutations: fc.array(textMutationArbitrary(corpus.texts, size), { maxLength: size.maxMutations }),
        maxChars: fc.constant(size.maxChars),
      });
    },
    async run(recipe) {
      const result = (await options.parse(materializeText(recipe))) as { failures?: unknown; notes?: unknown } | null;
      const lists = [result?.failures, result?.notes].filter(Array.isArray) as { source: string; message: string }[][];
      return firstProblem(...lists.map((list): Verdict => checkMessages(list)));
    },
  };
}
