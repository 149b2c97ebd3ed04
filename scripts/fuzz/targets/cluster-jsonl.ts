/**
 * The clustering JSON Lines reader (`parallax cluster`, `clusterArticleFile` on standard input): article lines of any
 * shape (fields absent, null, of a wrong type, texts and pages from the corpus), blank lines, CRLF, a byte-order mark,
 * lines over the line limit, the whole text mutated, the bytes arriving in chunks of any size. Checks: every
 * non-blank line gives one article or one failure, each placed article once, and clear failure messages.
 */
import fc from 'fast-check';
import { clusterArticleFile } from '../../../src/engine/cluster-stream.js';
import { chunkedStream, materializeText, occasionalMutations, PROFILES, type TextMutation } from '../mutations.js';
import { buildObject, fieldValueArbitrary, type ObjectShape } from '../shapes.js';
import type { FuzzTarget } from '../target.js';
import { checkMessages, firstProblem, OK, problem, type Verdict } from '../verdict.js';

/** An article stream and how it arrives. */
export interface ClusterStreamInput {
  articles: ObjectShape[];
  crlf: boolean;
  bom: boolean;
  blankLines: number;
  mutations: TextMutation[];
  chunkSize: number;
  maxLineBytes: number;
}

/** The clustering stream target. */
export const clusterJsonlTarget: FuzzTarget<ClusterStreamInput> = {
  name: 'cluster-jsonl',
  weight: 1,
  arbitrary: ({ corpus, mode }) => {
    const size = { ...PROFILES[mode], maxChars: mode === 'ci' ? 800 : 20_000 };
    const short = () => fieldValueArbitrary('short', corpus.texts, size);
    const article = fc.record(
      {
        id: fc.oneof(
          fc.constantFrom('a', 'b', 'a ', '').map((value) => ({ value })),
          short(),
        ),
        url: fc.oneof(
          fc.constantFrom('https://news.example/a', 'https://news.example/b').map((value) => ({ value })),
          short(),
        ),
        outlet: short(),
        date: fieldValueArbitrary('date', corpus.texts, size),
        title: short(),
        text: fieldValueArbitrary('text', corpus.texts, size),
        html: fieldValueArbitrary('text', corpus.pages, size),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<ObjectShape>;
    return fc.record({
      articles: fc.array(article, { minLength: 1, maxLength: 6 }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      blankLines: fc.nat({ max: 2 }),
      mutations: occasionalMutations(corpus.texts, size),
      chunkSize: fc.integer({ min: 1, max: 70_000 }),
      maxLineBytes: fc.oneof(fc.constant(5 * 1024 * 1024), fc.integer({ min: 1, max: 4000 })),
    });
  },
  async run(input) {
    const eol = input.crlf ? '\r\n' : '\n';
    const lines = input.articles.map((a) => JSON.stringify(buildObject(a)));
    const joined = [...lines, ...Array<string>(input.blankLines).fill(' ')].join(eol) + eol;
    const text = materializeText({ base: { literal: joined }, mutations: input.mutations, maxChars: Infinity });
    const bytes = Buffer.from(input.bom ? `\uFEFF${text}` : text, 'utf8');
    const stdin = chunkedStream(bytes, input.chunkSize);
    const result = await clusterArticleFile('-', { stdin, maxLineBytes: input.maxLineBytes });
    const expected = countLines(bytes, input.maxLineBytes);
    const got = result.articles.length + result.failures.length;
    if (got !== expected) return problem('invalid-output', `${got} articles and failures for ${expected} lines`);
    return firstProblem(checkMessages(result.failures), checkPlacement(result.articles));
  },
};

/** Each article placed once, in line order. */
function checkPlacement(articles: readonly { line: number; id: string }[]): Verdict {
  if (new Set(articles.map((a) => a.id)).size !== articles.length)
    return problem('invalid-output', 'an id placed twice');
  const outOfOrder = articles.findIndex((a, i) => i > 0 && a.line <= articles[i - 1]!.line);
  return outOfOrder < 0 ? OK : problem('invalid-output', `line ${articles[outOfOrder]!.line} placed out of order`);
}

/**
 * The lines the reader must answer for, counted apart from it: each line (split at LF, the byte-order mark and CR
 * counted in its size) over the limit, or not blank once its byte-order mark and CR are dropped.
 */
function countLines(bytes: Buffer, maxLineBytes: number): number {
  const raw = bytes.toString('utf8').split('\n');
  if (raw.at(-1) === '') raw.pop();
  return raw.filter((line, i) => {
    if (Buffer.byteLength(line, 'utf8') > maxLineBytes) return true;
    const text = (i === 0 ? line.replace(/^\uFEFF/, '') : line).replace(/\r$/, '');
    return text.trim() !== '';
  }).length;
}
