/**
 * A target for any parser of text (feeds, sitemaps...): it gets mutated corpus texts and its own seed texts, and must
 * return (not throw), with clear messages in any `failures` or `notes` it returns. One line in the registry adds it.
 */
import fc from 'fast-check';
import type { CorpusRef } from '../corpus.js';
import { materializeText, PROFILES, stringArbitrary, textMutationArbitrary, type TextRecipe } from '../mutations.js';
import type { FuzzTarget } from '../target.js';
import { checkMessages, firstProblem, OK, type Verdict } from '../verdict.js';

/** How to plug a text parser in. */
export interface TextParserOptions {
  name: string;
  weight?: number;
  /** The parser; may be async. A thrown exception is a crash. */
  parse: (text: string) => unknown;
  /** Texts the parser is made for (e.g. small invented feeds), mutated as the corpus is. */
  seeds?: readonly string[];
  /** Corpus entries the parser is made for (e.g. the repository's feed fixtures), named in saved cases. */
  seedRefs?: readonly CorpusRef[];
  /** Checks what the parser returned beyond its messages (e.g. that every address in it is absolute). */
  check?: (result: never) => Verdict;
}

/** A fuzz target for a text parser. */
export function textParserTarget(options: TextParserOptions): FuzzTarget<TextRecipe> {
  return {
    name: options.name,
    weight: options.weight ?? 1,
    arbitrary: ({ corpus, mode }) => {
      const size = PROFILES[mode];
      const seeds = options.seeds ?? [];
      const refs = options.seedRefs ?? [];
      // Mostly the texts the parser is made for, so that most inputs get past its format detection.
      const base = fc.oneof(
        ...(seeds.length > 0
          ? [{ weight: 4, arbitrary: fc.constantFrom(...seeds).map((literal) => ({ literal })) }]
          : []),
        ...(refs.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...refs).map((ref) => ({ ref })) }] : []),
        { weight: 1, arbitrary: fc.constantFrom(...corpus.pages).map((ref) => ({ ref })) },
        { weight: 1, arbitrary: stringArbitrary(400).map((literal) => ({ literal })) },
      );
      return fc.record({
        base,
        mutations: fc.array(textMutationArbitrary([...corpus.texts, ...refs], size), { maxLength: size.maxMutations }),
        maxChars: fc.constant(size.maxChars),
      });
    },
    async run(recipe) {
      const result = (await options.parse(materializeText(recipe))) as { failures?: unknown; notes?: unknown } | null;
      const lists = [result?.failures, result?.notes].filter(Array.isArray) as { source: string; message: string }[][];
      return firstProblem(...lists.map((list): Verdict => checkMessages(list)), options.check?.(result as never) ?? OK);
    },
  };
}
