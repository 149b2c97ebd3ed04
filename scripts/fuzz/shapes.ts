/**
 * Recipes of JSON objects for the inputs that take objects (article objects, story lines, HTTP bodies): each field
 * absent, null, of the right type, of a wrong type, or a mutated corpus text. Built into values in the worker.
 */
import fc from 'fast-check';
import type { CorpusRef } from './corpus.js';
import {
  materializeText,
  stringArbitrary,
  textRecipeArbitrary,
  type SizeProfile,
  type TextRecipe,
} from './mutations.js';

/** One field's value: a text made from a recipe, or a JSON value as it is. */
export type FieldValue = { text: TextRecipe } | { value: unknown };

/** An object recipe: field name to value (an absent field is not in it). */
export type ObjectShape = Record<string, FieldValue>;

const DATES = ['2024-01-02', '2024-02-30', '2024-01-02T10:00:00Z', '2024-01-02 10:00', '1999', 'yesterday', '', ' '];

/** A JSON value of any type, small. */
const jsonValue = fc.jsonValue({ maxDepth: 2 });

/** A field value: mostly of the expected kind, often null or of another type. */
export function fieldValueArbitrary(kind: 'text' | 'short' | 'date', refs: readonly CorpusRef[], size: SizeProfile) {
  const expected: fc.Arbitrary<FieldValue> =
    kind === 'text'
      ? textRecipeArbitrary(refs, size).map((text) => ({ text }))
      : kind === 'date'
        ? fc.oneof(
            fc.constantFrom(...DATES).map((value) => ({ value })),
            fc
              .record({ value: fc.constantFrom(...DATES), inferred: fc.boolean(), basis: fc.string({ maxLength: 20 }) })
              .map((value) => ({ value })),
          )
        : stringArbitrary(80).map((value) => ({ value }));
  return fc.oneof(
    { weight: 6, arbitrary: expected },
    { weight: 2, arbitrary: fc.constant({ value: null }) },
    { weight: 1, arbitrary: jsonValue.map((value) => ({ value })) },
  );
}

/** An article object recipe: any subset of the known fields, and sometimes an unknown one. */
export function articleShapeArbitrary(refs: readonly CorpusRef[], size: SizeProfile): fc.Arbitrary<ObjectShape> {
  const short = () => fieldValueArbitrary('short', refs, size);
  return fc.record(
    {
      id: short(),
      text: fieldValueArbitrary('text', refs, size),
      html: fieldValueArbitrary('text', refs, size),
      title: short(),
      url: short(),
      outlet: short(),
      byline: short(),
      publishedAt: fieldValueArbitrary('date', refs, size),
      extra: fc.constant({ value: 'ignored' }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<ObjectShape>;
}

/** The value of a field recipe. */
export function buildField(field: FieldValue): unknown {
  return 'text' in field ? materializeText(field.text) : field.value;
}

/** The object of a recipe. */
export function buildObject(shape: ObjectShape): Record<string, unknown> {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, buildField(v)]));
}

/** The Content-Type of a body meant as JSON: mostly `application/json`, now and then one of the given others. */
export function jsonContentTypeArbitrary(others: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom(...others) },
  );
}
