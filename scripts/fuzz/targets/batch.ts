/**
 * Stories files for `parallax batch`: story lines (ids absent, null, repeated or of a wrong type; articles as
 * objects of any shape), blank lines, CRLF, a torn last line, lines over the line limit, the whole text mutated,
 * and the bytes arriving in chunks of any size. Checks: one result per non-blank line, each id once, clear errors
 * and valid reports.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { runBatchLines, type BatchResult } from '../../../src/engine/batch.js';
import { countNonBlankLines, readLines } from '../../../src/engine/inputs/read-lines.js';
import { validateReport } from '../../../src/engine/validate-report.js';
import { chunkedStream, materializeText, PROFILES, occasionalMutations, type TextMutation } from '../mutations.js';
import {
  articleShapeArbitrary,
  buildField,
  buildObject,
  fieldValueArbitrary,
  type FieldValue,
  type ObjectShape,
} from '../shapes.js';
import { WARM_STORY, type FuzzTarget } from '../target.js';
import { checkMessage, OK, problem, type Verdict } from '../verdict.js';

/** One story line: its id field, and its articles (a list of objects, or any other value). */
export interface StoryShape {
  id?: FieldValue;
  articles: ObjectShape[] | FieldValue;
}

/** A stories file and how it arrives. */
export interface BatchInput {
  stories: StoryShape[];
  crlf: boolean;
  blankLines: number;
  tornTail: boolean;
  mutations: TextMutation[];
  chunkSize: number;
  maxLineBytes: number;
}

/** The batch target. */
export const batchTarget: FuzzTarget<BatchInput> = {
  name: 'batch',
  weight: 1,
  arbitrary: ({ corpus, mode }) => {
    const size = { ...PROFILES[mode], maxChars: mode === 'ci' ? 800 : 20_000 };
    const id = fc.oneof(
      fc.constantFrom('a', 'b', 'a ', '', 'line-1').map((value): FieldValue => ({ value })),
      fieldValueArbitrary('short', corpus.texts, size),
    );
    const story: fc.Arbitrary<StoryShape> = fc.record(
      {
        id,
        articles: fc.oneof(
          { weight: 5, arbitrary: fc.array(articleShapeArbitrary(corpus.texts, size), { maxLength: 3 }) },
          { weight: 1, arbitrary: fieldValueArbitrary('short', corpus.texts, size) },
        ),
      },
      { requiredKeys: ['articles'] },
    );
    return fc.record({
      stories: fc.array(story, { minLength: 1, maxLength: 3 }),
      crlf: fc.boolean(),
      blankLines: fc.nat({ max: 2 }),
      tornTail: fc.boolean(),
      mutations: occasionalMutations(corpus.texts, size),
      chunkSize: fc.integer({ min: 1, max: 70_000 }),
      maxLineBytes: fc.oneof(fc.constant(64 * 1024 * 1024), fc.integer({ min: 1, max: 4000 })),
    });
  },
  async run(input) {
    const eol = input.crlf ? '\r\n' : '\n';
    const lines = input.stories.map((s) =>
      JSON.stringify({
        ...(s.id ? { id: buildField(s.id) } : {}),
        articles: Array.isArray(s.articles) ? s.articles.map(buildObject) : buildField(s.articles),
      }),
    );
    const joined = [...lines, ...Array<string>(input.blankLines).fill('  ')].join(eol) + (input.tornTail ? '' : eol);
    const text = materializeText({ base: { literal: joined }, mutations: input.mutations, maxChars: Infinity });
    const bytes = Buffer.from(text, 'utf8');
    const chunks = () => chunkedStream(bytes, input.chunkSize);
    const expected = await countNonBlankLines(chunks());
    const results: BatchResult[] = [];
    const totals = await runBatchLines({
      lines: readLines(chunks(), { maxLineBytes: input.maxLineBytes }),
      write: (line) => void results.push(JSON.parse(line) as BatchResult),
      options: { summaryWords: 30 },
    });
    return checkResults(results, expected, totals.stories);
  },
  async warm() {
    // The batch runs on the shared worker pool: its workers start (and load the language models) here, not within
    // the first input's budget.
    await runBatchLines({
      lines: Readable.from([JSON.stringify(WARM_STORY)]),
      write: (line) => void validateReport((JSON.parse(line) as Partial<BatchResult> & { report?: unknown }).report),
      options: { summaryWords: 30 },
    });
  },
};

function checkResults(results: readonly BatchResult[], expected: number, stories: number): Verdict {
  if (results.length !== expected || stories !== expected) {
    return problem('invalid-output', `${results.length} results for ${expected} non-blank lines`);
  }
  const ids = new Set(results.map((r) => r.id));
  if (ids.size !== results.length) return problem('invalid-output', 'two results with the same id');
  for (const result of results) {
    if ('error' in result) {
      const verdict = checkMessage(result.error);
      if (!verdict.ok) return verdict;
      continue;
    }
    const valid = validateReport(result.report);
    if (!valid.valid) return problem('invalid-output', `report of ${result.id} fails its schema: ${valid.errors[0]}`);
  }
  return OK;
}
