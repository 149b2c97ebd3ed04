/**
 * JSON and JSON Lines article files: one object, `{articles: [...]}` or a bare array, or one object a line; the
 * serialized text then mutated (broken syntax, cut lines). Read as a file and as library objects.
 */
import fc from 'fast-check';
import { readArticleObjects, readUploadedFile, DEFAULT_MAX_BYTES } from '../../../src/engine/inputs/index.js';
import { materializeText, PROFILES, occasionalMutations, type TextMutation } from '../mutations.js';
import { articleShapeArbitrary, buildObject, type ObjectShape } from '../shapes.js';
import type { FuzzTarget } from '../target.js';
import { checkMessages, firstProblem } from '../verdict.js';
import { readAndCheck } from './read-checks.js';

/** A JSON article file: its kind, the shape of the document, the objects, and mutations of the serialized text. */
export interface JsonInput {
  kind: 'json' | 'jsonl';
  shape: 'object' | 'wrapper' | 'array';
  articles: ObjectShape[];
  mutations: TextMutation[];
}

/** The JSON target. */
export const jsonTarget: FuzzTarget<JsonInput> = {
  name: 'json',
  weight: 2,
  arbitrary: ({ corpus, mode }) => {
    const size = { ...PROFILES[mode], maxChars: Math.min(PROFILES[mode].maxChars, 5000) };
    return fc.record({
      kind: fc.constantFrom('json' as const, 'jsonl' as const),
      shape: fc.constantFrom('object' as const, 'wrapper' as const, 'array' as const),
      articles: fc.array(articleShapeArbitrary(corpus.texts, size), { minLength: 1, maxLength: 3 }),
      mutations: occasionalMutations(corpus.texts, size),
    });
  },
  async run(input) {
    const objects = input.articles.map(buildObject);
    const document =
      input.kind === 'jsonl'
        ? objects.map((o) => JSON.stringify(o)).join('\n')
        : JSON.stringify(
            input.shape === 'object' ? objects[0] : input.shape === 'wrapper' ? { articles: objects } : objects,
          );
    const text = materializeText({ base: { literal: document }, mutations: input.mutations, maxChars: Infinity });
    const file = readUploadedFile(`fuzz.${input.kind}`, Buffer.from(text, 'utf8'), { maxBytes: DEFAULT_MAX_BYTES });
    const library = readArticleObjects(objects);
    return firstProblem(readAndCheck(file), checkMessages(library.failures));
  },
};
